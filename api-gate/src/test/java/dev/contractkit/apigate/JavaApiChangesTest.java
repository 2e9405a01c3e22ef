package dev.contractkit.apigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two small generated-style clients, compiled here, compared as the gate compares the real ones. */
class JavaApiChangesTest {

    @TempDir
    Path work;

    private static final String ENVELOPE = """
            package p.model;
            public class Envelope {
              public static final String JSON_PROPERTY_CUSTOMER = "customer";
              private %1$s customer;
              public %1$s getCustomer() { return customer; }
              public void setCustomer(%1$s customer) { this.customer = customer; }
            }
            """;

    private static final String CUSTOMER = """
            package p.model;
            public class %s {
              public static final String JSON_PROPERTY_ID = "id";
              public static final String JSON_PROPERTY_DUE_DAYS = "dueDays";
              private %s id;
              private DueDaysEnum dueDays;
              public enum DueDaysEnum { SAME_DAY, END_OF_MONTH }
              public %2$s getId() { return id; }
              public DueDaysEnum getDueDays() { return dueDays; }
              %s
            }
            """;

    @Test
    void anInlineSchemaMovedToComponentsIsARemovedClassNamingWhereItWent() throws IOException {
        JavaApiChanges changes = compare(
                Map.of("Envelope", ENVELOPE.formatted("EnvelopeCustomer"), "EnvelopeCustomer", CUSTOMER.formatted("EnvelopeCustomer", "String", "")),
                Map.of("Envelope", ENVELOPE.formatted("Customer"), "Customer", CUSTOMER.formatted("Customer", "String", "")),
                Set.of("Envelope"), Set.of("Envelope", "Customer"));

        assertEquals(List.of(
                "p.model.EnvelopeCustomer: class removed (schema moved to components/schemas/Customer; wire unchanged)",
                "p.model.Envelope.getCustomer(): returns Customer instead of EnvelopeCustomer [method return type changed]",
                "p.model.Envelope.setCustomer(EnvelopeCustomer): removed (EnvelopeCustomer is now Customer)"), changes.breaks);
        assertTrue(changes.added.contains("class p.model.Customer"), changes.added::toString);
    }

    @Test
    void aRenamedComponentWhoseFieldChangedTypeSaysSo() throws IOException {
        JavaApiChanges changes = compare(
                Map.of("Envelope", ENVELOPE.formatted("Client"), "Client", CUSTOMER.formatted("Client", "String", "")),
                Map.of("Envelope", ENVELOPE.formatted("Customer"), "Customer", CUSTOMER.formatted("Customer", "Long", "")),
                Set.of("Envelope", "Client"), Set.of("Envelope", "Customer"));

        assertEquals("p.model.Client: class removed (schema renamed to components/schemas/Customer; its fields' types changed too)",
                changes.breaks.get(0));
    }

    @Test
    void anAddedOptionalFieldBreaksNothingAndListsItsGetter() throws IOException {
        JavaApiChanges changes = compare(
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "")),
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "public String getNickname() { return null; }")),
                Set.of("Customer"), Set.of("Customer"));

        assertEquals(List.of(), changes.breaks);
        assertEquals(List.of("method Customer.getNickname()"), changes.added);
    }

    @Test
    void anInlineEnumMovedToASharedOneIsTiedToIt() throws IOException {
        String shared = "package p.model; public enum DueDays { SAME_DAY, END_OF_MONTH }";
        JavaApiChanges changes = compare(
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "")),
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "").replace("public enum DueDaysEnum { SAME_DAY, END_OF_MONTH }", "")
                        .replace("DueDaysEnum", "DueDays"), "DueDays", shared),
                Set.of("Customer"), Set.of("Customer", "DueDays"));

        assertEquals("p.model.Customer.DueDaysEnum: class removed (enum moved to components/schemas/DueDays; wire unchanged)",
                changes.breaks.get(0));
    }

    @Test
    void aRemovedPublicConstantOfAModelBreaks() throws IOException {
        // A schema's property removed: its JSON_PROPERTY_ constant goes with it, and code naming it no longer compiles.
        JavaApiChanges changes = compare(
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "")),
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "").replace(
                        "  public static final String JSON_PROPERTY_DUE_DAYS = \"dueDays\";\n", "")),
                Set.of("Customer"), Set.of("Customer"));

        assertEquals(List.of("p.model.Customer.JSON_PROPERTY_DUE_DAYS: field removed"), changes.breaks);
        assertEquals(List.of("field Customer.JSON_PROPERTY_DUE_DAYS"), changes.removed);
    }

    @Test
    void aRemovedPublicFieldOfAModelBreaks() throws IOException {
        JavaApiChanges changes = compare(
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "public String nickname;")),
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "")),
                Set.of("Customer"), Set.of("Customer"));

        assertEquals(List.of("p.model.Customer.nickname: field removed"), changes.breaks);
    }

    @Test
    void aRemovedEnumConstantBreaks() throws IOException {
        JavaApiChanges changes = compare(
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "")),
                Map.of("Customer", CUSTOMER.formatted("Customer", "String", "").replace("SAME_DAY, END_OF_MONTH", "SAME_DAY")),
                Set.of("Customer"), Set.of("Customer"));

        assertTrue(changes.breaks.contains("p.model.Customer.DueDaysEnum.END_OF_MONTH: field removed"), changes.breaks::toString);
    }

    private JavaApiChanges compare(Map<String, String> baseline, Map<String, String> current, Set<String> baselineSchemas,
            Set<String> currentSchemas) throws IOException {
        return JavaApiChanges.compare(ClassFiles.archive(compile("baseline", baseline), "p", "baseline"),
                ClassFiles.archive(compile("current", current), "p", "current"), List.of(), baselineSchemas, currentSchemas);
    }

    private Path compile(String name, Map<String, String> classes) throws IOException {
        Path sources = work.resolve(name).resolve("src");
        for (Map.Entry<String, String> type : classes.entrySet()) {
            Path file = sources.resolve("p/model").resolve(type.getKey() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, type.getValue());
        }
        Path out = work.resolve(name).resolve("classes");
        BaselineClient.compile(sources, out, List.of());
        return out;
    }
}
