package io.groundbreak.milestone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.groundbreak.milestone");

    @Test
    void theDomainModelIsFreeOfSpringJpaAndKafka() {
        noClasses().that().resideInAPackage("..project.command..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.hibernate..", "org.apache.kafka..")
                .check(CLASSES);
    }

    @Test
    void theCommandSideDoesNotUseWebOrPublishingCode() {
        noClasses().that().resideInAPackage("..project.command..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..publishing..", "..query..")
                .check(CLASSES);
    }

    @Test
    void theFeaturePackagesFormNoCycle() {
        slices().matching("io.groundbreak.milestone.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noOtherServiceIsImported() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.groundbreak.funnel..", "io.groundbreak.audit..")
                .check(CLASSES);
    }
}
