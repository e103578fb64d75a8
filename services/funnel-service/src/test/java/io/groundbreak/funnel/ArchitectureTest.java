package io.groundbreak.funnel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of funnel-service and who may use whom. The adapters ({@code web} for HTTP, {@code messaging} for
 * Kafka) drive the rest and are used by nothing; the projection (the write side) and the queries (the read side)
 * share only the read model's schema names ({@code readmodel}); the packages form no cycle.
 */
@AnalyzeClasses(packages = "io.groundbreak.funnel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String WEB = "io.groundbreak.funnel.web..";
    private static final String MESSAGING = "io.groundbreak.funnel.messaging..";
    private static final String PROJECTION = "io.groundbreak.funnel.projection..";
    private static final String QUERY = "io.groundbreak.funnel.query..";
    private static final String READ_MODEL = "io.groundbreak.funnel.readmodel..";
    private static final String REBUILD = "io.groundbreak.funnel.rebuild..";
    private static final String DEAD_LETTER = "io.groundbreak.funnel.deadletter..";

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("io.groundbreak.funnel.(*)..")
            .should().beFreeOfCycles();

    /** HTTP and Kafka drive the rest; nothing but an adapter depends on an adapter. */
    @ArchTest
    static final ArchRule nothingDependsOnTheAdapters = noClasses()
            .that().resideOutsideOfPackages(WEB, MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, MESSAGING);

    @ArchTest
    static final ArchRule webDoesNotTouchMessaging = noClasses()
            .that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAPackage(MESSAGING);

    /** HTTP reads through the query role and acts through the dead letters' and the rebuild's operations. */
    @ArchTest
    static final ArchRule webNeitherWritesTheProjectionNorTouchesTheDatabase = noClasses()
            .that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(PROJECTION, READ_MODEL, "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule messagingDoesNotTouchWebOrQueries = noClasses()
            .that().resideInAPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, QUERY);

    /** The read side knows nothing of how the read model is written, nor of HTTP and Kafka. */
    @ArchTest
    static final ArchRule queriesKnowNeitherTheWriteSideNorHttpNorKafka = noClasses()
            .that().resideInAPackage(QUERY)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, MESSAGING, PROJECTION, DEAD_LETTER, REBUILD,
                    "org.springframework.web..", "org.springframework.messaging..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule onlyMessagingTalksToKafka = noClasses()
            .that().resideOutsideOfPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.kafka..", "org.springframework.cloud.stream..", "org.apache.kafka..");

    /** The projection, the rebuild and the dead letters are driven by messaging and web, never the other way round. */
    @ArchTest
    static final ArchRule projectionAndRebuildKnowNeitherHttpNorTheBinding = noClasses()
            .that().resideInAnyPackage(PROJECTION, REBUILD, READ_MODEL, DEAD_LETTER)
            .should().dependOnClassesThat().resideInAnyPackage(WEB, MESSAGING, QUERY,
                    "org.springframework.web..", "org.springframework.messaging..");

    /** The stage arithmetic (a project's timeline, the funnel's figures) is plain Java: no Spring, JDBC, JPA or Kafka. */
    @ArchTest
    static final ArchRule theStageArithmeticIsPlainJava = noClasses()
            .that().haveFullyQualifiedName("io.groundbreak.funnel.projection.ProjectTimeline")
            .or().haveFullyQualifiedName("io.groundbreak.funnel.query.Funnel")
            .or().haveFullyQualifiedName("io.groundbreak.funnel.query.CycleTime")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "jakarta.persistence..", "org.apache.kafka..");

    /** Services share nothing but the topic and schemas/ (README.md "Architecture"). */
    @ArchTest
    static final ArchRule noOtherServiceIsUsed = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.groundbreak.milestone..", "io.groundbreak.audit..",
                    "io.groundbreak.web..");
}
