package io.groundbreak.funnel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.groundbreak.funnel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webDoesNotTouchMessaging = noClasses()
            .that().resideInAPackage("..funnel.web..")
            .should().dependOnClassesThat().resideInAPackage("..funnel.messaging..");

    @ArchTest
    static final ArchRule webReadsThroughTheQueryRoleOnly = noClasses()
            .that().resideInAPackage("..funnel.web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    @ArchTest
    static final ArchRule messagingDoesNotTouchWebOrQueries = noClasses()
            .that().resideInAPackage("..funnel.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..funnel.web..", "..funnel.query..");

    @ArchTest
    static final ArchRule queriesKnowNeitherHttpNorKafka = noClasses()
            .that().resideInAPackage("..funnel.query..")
            .should().dependOnClassesThat().resideInAnyPackage("..funnel.web..", "..funnel.messaging..",
                    "org.springframework.web..", "org.springframework.messaging..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses()
            .that().resideOutsideOfPackage("..funnel.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.kafka..", "org.springframework.cloud.stream..", "org.apache.kafka..");

    /** The projection, the rebuild and the dead letters are driven by messaging and web, never the other way round. */
    @ArchTest
    static final ArchRule projectionAndRebuildKnowNeitherHttpNorTheBinding = noClasses()
            .that().resideInAnyPackage("..funnel.projection..", "..funnel.rebuild..", "..funnel.readmodel..",
                    "..funnel.deadletter..")
            .should().dependOnClassesThat().resideInAnyPackage("..funnel.web..", "..funnel.messaging..",
                    "..funnel.query..", "org.springframework.web..", "org.springframework.messaging..");

    /** Services share nothing but the topic and schemas/ (README.md "Architecture"). */
    @ArchTest
    static final ArchRule noOtherServiceIsUsed = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.groundbreak.milestone..", "io.groundbreak.audit..");
}
