package dev.modq.tui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rule: only dev.modq.tui.lanterna touches Lanterna; the UI core stays terminal- and JDBC-free. */
class TuiPackageArchTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.modq");

    @Test
    void onlyTheLanternaPackageImportsLanterna() {
        noClasses().that().resideOutsideOfPackage("dev.modq.tui.lanterna..")
                .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..")
                .check(ALL);
    }

    @Test
    void theUiCoreUsesNoTerminalJdbcOrPicocli() {
        noClasses().that().resideInAPackage("dev.modq.tui")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "picocli..", "dev.modq.store.sqlite..",
                        "dev.modq.tui.lanterna..")
                .check(ALL);
    }
}
