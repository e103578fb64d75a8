package io.groundbreak.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.groundbreak.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webDoesNotTouchMessagingOrIngest = noClasses()
            .that().resideInAPackage("..ledger.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..ledger.messaging..", "..ledger.ingest..");

    @ArchTest
    static final ArchRule webReadsThroughTheStoreOnly = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    @ArchTest
    static final ArchRule onlyTheStoreTalksToTheDatabase = noClasses()
            .that().resideOutsideOfPackage("..ledger.store..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    /** Verification, the bitemporal funnel, reconciliation and export read the ledger; they never write it. */
    @ArchTest
    static final ArchRule otherFeaturesOnlyReadTheLedger = noClasses()
            .that().resideInAnyPackage("..verification..", "..funnel..", "..reconciliation..", "..export..", "..completeness..")
            .should().dependOnClassesThat().resideInAnyPackage("..ledger.ingest..", "..ledger.messaging..", "..ledger.web..");

    @ArchTest
    static final ArchRule theReplayKnowsNeitherHttpNorFunnelService = noClasses()
            .that().resideInAPackage("..funnel.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("..reconciliation..", "org.springframework.web..");

    @ArchTest
    static final ArchRule messagingDoesNotTouchWebOrTheStore = noClasses()
            .that().resideInAPackage("..ledger.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..ledger.web..", "..ledger.store..");

    @ArchTest
    static final ArchRule ingestKnowsNeitherHttpNorKafka = noClasses()
            .that().resideInAPackage("..ledger.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("..ledger.web..", "..ledger.messaging..",
                    "org.springframework.web..", "org.springframework.messaging..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule theStoreDependsOnNoOtherRole = noClasses()
            .that().resideInAPackage("..ledger.store..")
            .should().dependOnClassesThat().resideInAnyPackage("..ledger.web..", "..ledger.messaging..", "..ledger.ingest..");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses()
            .that().resideOutsideOfPackage("..ledger.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.kafka..", "org.springframework.cloud.stream..", "org.apache.kafka..");

    /** Services share nothing but the topic and schemas/ (README.md "Architecture"). */
    @ArchTest
    static final ArchRule noOtherServiceIsUsed = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.groundbreak.milestone..", "io.groundbreak.funnel..");
}
