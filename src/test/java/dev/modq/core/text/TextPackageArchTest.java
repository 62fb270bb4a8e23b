package dev.modq.core.text;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The text package is pure: usable from the text UI, the CLI and tests without a terminal or a database. */
class TextPackageArchTest {

    @Test
    void noLanternaJdbcOrPicocli() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.modq.core.text");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("com.googlecode.lanterna..", "java.sql..", "javax.sql..", "picocli..",
                        "org.sqlite..")
                .check(classes);
    }
}
