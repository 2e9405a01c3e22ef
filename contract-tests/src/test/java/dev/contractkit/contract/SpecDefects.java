package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.fail;

import dev.contractkit.contract.SpecDefect.Check;
import dev.contractkit.stub.spec.OpenApiSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.TestAbortedException;

/**
 * The defects of one vendor's spec, found once a run and reported once: a report in
 * target/spec-defects/VENDOR.md and one line in the build log. A test of an example or an operation asks
 * {@link #guard} first: a defect in a file of ours fails it, as any broken check does; one in the vendor's
 * own file aborts it (JUnit shows it skipped, with the reason), since the vendor will not fix its file for
 * us and the rest of the file is still tested.
 */
final class SpecDefects {

    static final Path REPORTS = Path.of(System.getProperty("spec-defects.dir", "target/spec-defects"));
    private static final Map<String, SpecDefects> BY_VENDOR = new ConcurrentHashMap<>();

    private final String vendor;
    private final boolean authored;
    private final List<SpecDefect> defects;
    private final Path report;

    SpecDefects(String vendor, boolean authored, List<SpecDefect> defects, Path report) {
        this.vendor = vendor;
        this.authored = authored;
        this.defects = List.copyOf(defects);
        this.report = report;
    }

    /** The defects of specs/VENDOR.yaml and its examples; the first call writes the report and logs the count. */
    static SpecDefects of(String vendor) {
        return BY_VENDOR.computeIfAbsent(vendor, name -> {
            SpecDefects found = find(name, VendorSpecs.spec(name), ContractExamples.of(name),
                    VendorSpecs.authored(VendorSpecs.spec(name)), REPORTS);
            System.out.println(found.logLine());
            return found;
        });
    }

    /** Finds the defects of a spec and its examples, and writes their report into the folder. */
    static SpecDefects find(String vendor, OpenApiSpec spec, List<ContractExample> examples, boolean authored,
            Path reports) {
        List<SpecDefect> defects = new SpecDefectFinder(vendor, spec, authored,
                operation -> new GeneratedClientCall(vendor, spec, operation).whyNotCallable()).find(examples);
        Path report = SpecDefectReport.write(reports, vendor, authored, defects);
        return new SpecDefects(vendor, authored, defects, report);
    }

    List<SpecDefect> all() {
        return defects;
    }

    List<SpecDefect> vendors() {
        return defects.stream().filter(d -> !d.ours()).toList();
    }

    List<SpecDefect> ours() {
        return defects.stream().filter(SpecDefect::ours).toList();
    }

    Path report() {
        return report;
    }

    /**
     * Before a check of an example or operation (its key: vayu/updateCustomer/success, vayu/updateCustomer):
     * fails on a defect of ours that stops the check, aborts on one of the vendor's, else returns.
     */
    void guard(String subject, Check check) {
        List<SpecDefect> stopping = defects.stream().filter(d -> d.subject().equals(subject) && d.kind().stops(check))
                .toList();
        List<SpecDefect> ofOurs = stopping.stream().filter(SpecDefect::ours).toList();
        if (!ofOurs.isEmpty()) {
            fail(String.join("\n", ofOurs.stream().map(SpecDefect::describe).toList()));
        }
        if (!stopping.isEmpty()) {
            throw new TestAbortedException("not tested, a defect in the vendor's file (" + report + "): "
                    + String.join("; ", stopping.stream().map(SpecDefect::describe).toList()));
        }
    }

    /** [contract-tests] vayu.yaml: 12 defects in the vendor's file, not tested (…/spec-defects/vayu.md) */
    String logLine() {
        String file = VendorSpecs.fileName(vendor);
        String where = " (" + report + ")";
        if (authored) {
            return "[contract-tests] " + file + (defects.isEmpty() ? ": no defects, held strict (ours)"
                    : ": " + count(defects.size()) + " in our own spec, failing") + where;
        }
        String line = "[contract-tests] " + file + ": " + (vendors().isEmpty() ? "no defects in the vendor's file"
                : count(vendors().size()) + " in the vendor's file, not tested");
        return line + (ours().isEmpty() ? "" : "; " + count(ours().size()) + " in our files beside it, failing") + where;
    }

    /** The defects, one a line, each on a line of its own after a new line. */
    String listing(List<SpecDefect> some) {
        return String.join("", some.stream().map(d -> "\n  " + d.describe()).toList());
    }

    private static String count(int n) {
        return n + (n == 1 ? " defect" : " defects");
    }
}
