package dev.modq;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rule of the layout in README.md, kept true by the build. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.modq");

    @Test
    void coreImportsNoJdbcLanternaOrPicocli() {
        noClasses().that().resideInAPackage("dev.modq.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..",
                        "com.googlecode.lanterna..", "picocli..", "dev.modq.store..", "dev.modq.service..",
                        "dev.modq.cli..", "dev.modq.tui..", "dev.modq.io..")
                .check(MAIN);
    }

    @Test
    void onlyTheStoreBackendsUseJdbc() {
        noClasses().that().resideOutsideOfPackages("dev.modq.store.sqlite..", "dev.modq.store.postgresql..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..")
                .check(MAIN);
    }

    @Test
    void onlyTuiLanternaUsesLanterna() {
        noClasses().that().resideOutsideOfPackage("dev.modq.tui.lanterna..")
                .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..")
                .check(MAIN);
    }

    @Test
    void onlyCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.modq.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(MAIN);
    }

    @Test
    void theServiceDoesNotKnowTheDatabaseOrTheScreen() {
        noClasses().that().resideInAPackage("dev.modq.service..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.modq.store.sqlite..", "dev.modq.cli..",
                        "dev.modq.tui..")
                .check(MAIN);
    }
}
