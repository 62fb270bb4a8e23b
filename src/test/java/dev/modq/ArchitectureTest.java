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
    void onlyTheBackendsUseJdbc() {
        // dev.modq.store.jdbc: room for JDBC code both backends share
        noClasses().that().resideOutsideOfPackages("dev.modq.store.sqlite..", "dev.modq.store.postgresql..",
                        "dev.modq.store.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                        "org.postgresql..")
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

    @Test
    void commandsScreensServiceAndImportersReachDataOnlyThroughTheStoreInterfaces() {
        noClasses().that().resideInAnyPackage("dev.modq.cli..", "dev.modq.tui..", "dev.modq.service..", "dev.modq.io..",
                        "dev.modq.demo..", "dev.modq.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.modq.store.sqlite..", "dev.modq.store.postgresql..",
                        "java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..")
                .because("the store interfaces in dev.modq.store are the only way in to the data (issue 14)")
                .check(MAIN);
    }

    @Test
    void onlyTheFactoryNamesABackend() {
        noClasses().that().resideOutsideOfPackages("dev.modq.store.sqlite..", "dev.modq.store.postgresql..",
                        "dev.modq.store.jdbc..")
                .and().doNotHaveFullyQualifiedName("dev.modq.store.Stores")
                .should().dependOnClassesThat().resideInAnyPackage("dev.modq.store.sqlite..", "dev.modq.store.postgresql..")
                .because("Stores.open(address) picks the backend; everything else names only interfaces")
                .check(MAIN);
    }

    @Test
    void backendsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.modq.store.sqlite..")
                .should().dependOnClassesThat().resideInAPackage("dev.modq.store.postgresql..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.modq.store.postgresql..")
                .should().dependOnClassesThat().resideInAPackage("dev.modq.store.sqlite..")
                .allowEmptyShould(true)
                .check(MAIN);
    }
}
