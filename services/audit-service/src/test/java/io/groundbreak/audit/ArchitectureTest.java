package io.groundbreak.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of audit-service and who may use whom: a package per feature ({@code ledger}, {@code verification},
 * {@code funnel}, {@code reconciliation}, {@code completeness}, {@code export}, {@code deadletter}, {@code periods}), then
 * per role;
 * the adapters ({@code web} for HTTP, {@code messaging} for Kafka) drive the rest and are used by nothing; neither
 * the features nor their roles form a cycle.
 */
@AnalyzeClasses(packages = "io.groundbreak.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("io.groundbreak.audit.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule rolesFormNoCycle = slices().matching("io.groundbreak.audit.(*).(*)..")
            .should().beFreeOfCycles();

    /** HTTP and Kafka drive the features; nothing but an adapter depends on an adapter. */
    @ArchTest
    static final ArchRule nothingDependsOnTheAdapters = noClasses()
            .that().resideOutsideOfPackages("io.groundbreak.audit.*.web..", "io.groundbreak.audit.*.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("io.groundbreak.audit.*.web..",
                    "io.groundbreak.audit.*.messaging..");

    /** What the features decide and store (checks, the replay, the ledger's store and intake, the export's format) knows neither HTTP nor Kafka. */
    @ArchTest
    static final ArchRule theFeaturesKnowNeitherHttpNorKafka = noClasses()
            .that().resideInAnyPackage("io.groundbreak.audit.*.check..", "io.groundbreak.audit.funnel.replay..",
                    "io.groundbreak.audit.periods.close..", "io.groundbreak.audit.periods.figures..",
                    "io.groundbreak.audit.periods.store..", "io.groundbreak.audit.ledger.store..", "io.groundbreak.audit.ledger.ingest..",
                    "io.groundbreak.audit.ledger.record..", "io.groundbreak.audit.export.write..")
            .should().dependOnClassesThat().resideInAnyPackage("io.groundbreak.audit.*.web..",
                    "io.groundbreak.audit.*.messaging..", "org.springframework.web..", "org.springframework.http..",
                    "org.springframework.messaging..", "org.springframework.kafka..", "org.springframework.cloud.stream..",
                    "org.apache.kafka..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule webDoesNotTouchMessagingOrIngest = noClasses()
            .that().resideInAPackage("..ledger.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..ledger.messaging..", "..ledger.ingest..");

    @ArchTest
    static final ArchRule webReadsThroughTheStoreOnly = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    /** The ledger's store and the monthly close's ({@code period_close}). */
    @ArchTest
    static final ArchRule onlyTheStoreTalksToTheDatabase = noClasses()
            .that().resideOutsideOfPackages("..ledger.store..", "..periods.store..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    /** Verification, the bitemporal funnel, reconciliation and export read the ledger; they never write it. */
    @ArchTest
    static final ArchRule otherFeaturesOnlyReadTheLedger = noClasses()
            .that().resideInAnyPackage("..verification..", "..funnel..", "..reconciliation..", "..export..", "..completeness..",
                    "..periods..")
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
            .should().dependOnClassesThat().resideInAnyPackage("io.groundbreak.milestone..", "io.groundbreak.funnel..",
                    "io.groundbreak.web..");
}
