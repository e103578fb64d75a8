package io.groundbreak.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.groundbreak.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The web app talks to the services over HTTP only, like any other client (README.md "Architecture"). */
    @ArchTest
    static final ArchRule noServiceCodeIsUsed = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "io.groundbreak.milestone..", "io.groundbreak.funnel..", "io.groundbreak.audit..");

    /**
     * Its database holds the sessions (Spring Session's own code), the users' tokens (Spring Security's
     * JdbcOAuth2AuthorizedClientService, which SecurityConfig wires) and the import reports (ImportRuns): no other
     * class touches it, and no class uses a broker.
     */
    @ArchTest
    static final ArchRule onlyTheImportReportsUseTheDatabase = noClasses()
            .that().doNotHaveFullyQualifiedName("io.groundbreak.web.excel.importing.ImportRuns")
            .and().doNotHaveFullyQualifiedName("io.groundbreak.web.config.SecurityConfig")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "org.springframework.jdbc..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule noBroker = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.apache.kafka..", "org.springframework.kafka..");

    /** Every call to a service goes through the gateway's client, which relays the user's token. */
    @ArchTest
    static final ArchRule onlyTheGatewayCallsServices = noClasses()
            .that().resideOutsideOfPackage("..web.gateway..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient");

    /**
     * The feature packages (excel, gateway, session, …) depend on each other one way only. config is the
     * wiring: it builds the features' beans (session's DatabaseOutage filter) while they read its properties,
     * so what config itself uses is left out of the check.
     */
    @ArchTest
    static final ArchRule noPackageCycle = slices().matching("io.groundbreak.web.(*)..").should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("io.groundbreak.web.config.."), DescribedPredicate.alwaysTrue());
}
