package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.OpenApiSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A lookup that finds nothing names the field it looked by, not "id": the value sent was no id (issue 25,
 * item 3). A plain read by id keeps each vendor's own words.
 */
class LookupMissTest {

    private static final Path VENDOR_FILES = Path.of("..", "contract-tests", "src", "test", "resources", "vendor-files");

    @Test
    void vayusLookupByExternalIdNamesExternalIdInItsErrorBody() {
        EngineFixture vayu = EngineFixture.of(OpenApiSpec.load(VENDOR_FILES, "vayu-published"), Vendor.VAYU.notFound());

        StubException miss = assertThrows(StubException.class,
                () -> vayu.send("GET", "/customers/externalId/ppppp", null));

        assertEquals(ErrorKind.NOT_FOUND, miss.kind());
        assertEquals("Customer with externalId ppppp not found",
                Vendor.VAYU.errors().body(miss).path("message").asText());
    }

    @Test
    void vayusReadByIdKeepsItsOwnWords() {
        EngineFixture vayu = EngineFixture.of(OpenApiSpec.load(VENDOR_FILES, "vayu-published"), Vendor.VAYU.notFound());

        StubException miss = assertThrows(StubException.class,
                () -> vayu.send("GET", "/customers/000000000000000000000000", null));

        assertEquals("Customer with id 000000000000000000000000 not found", miss.getMessage());
    }

    /** Every vendor's words, over a fixture whose lookup path's parameter (code) is not the field's name (sku). */
    @ParameterizedTest
    @MethodSource("dev.contractkit.stub.Vendor#packaged")
    void anyVendorsLookupMissIsWordedByTheFieldOfItsPath(Vendor vendor) {
        EngineFixture fixture = EngineFixture.of("lookups", vendor.notFound());
        String id = fixture.send("POST", "/widgets", "{\"sku\":\"w-1\",\"name\":\"Cog\"}").body().path("id").asText();
        assertEquals(id, fixture.send("GET", "/widgets/sku/w-1", null).body().path("id").asText(), "the lookup finds");

        StubException miss = assertThrows(StubException.class, () -> fixture.send("GET", "/widgets/sku/w-2", null));

        assertEquals(ErrorKind.NOT_FOUND, miss.kind());
        assertEquals("Widget with sku w-2 not found", miss.getMessage());
        StubException byId = assertThrows(StubException.class, () -> fixture.send("GET", "/widgets/w-2", null));
        assertEquals(vendor.notFound().item("Widget", "w-2"), byId.getMessage(), "a read by id keeps the vendor's words");
    }
}
