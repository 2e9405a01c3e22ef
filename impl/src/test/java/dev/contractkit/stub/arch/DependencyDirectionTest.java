package dev.contractkit.stub.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: what a request is checked and answered with (the spec, the engine, the store,
 * the state and the refusals) knows nothing of how it arrived (the wire, the Jersey pipeline, the admin API,
 * the console, the JUnit extension) nor of any vendor; and no two packages need each other.
 */
class DependencyDirectionTest {

    private static final String STUB = "dev.contractkit.stub";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(STUB);
    private static final String[] CORE = {STUB + ".spec..", STUB + ".engine..", STUB + ".store..", STUB + ".state..",
            STUB + ".refusal..", STUB + ".error..", STUB + ".journal.."};

    @Test
    void theCoreImportsNothingOfHowARequestArrives() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        STUB + ".http..", STUB + ".wire..", STUB + ".pipeline..", STUB + ".admin..",
                        STUB + ".console..", STUB + ".junit..", "jakarta.ws.rs..", "org.glassfish..",
                        "org.eclipse.jetty..", "com.sun.net.httpserver..")
                .check(CLASSES);
    }

    @Test
    void theCoreNamesNoVendor() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(STUB + ".vayu..", STUB + ".layer..")
                .check(CLASSES);
    }

    @Test
    void theServerNeedsNoBuildTimeTool() {
        noClasses().that().resideOutsideOfPackage(STUB + ".tools..")
                .should().dependOnClassesThat().resideInAPackage(STUB + ".tools..")
                .check(CLASSES);
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().matching(STUB + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
