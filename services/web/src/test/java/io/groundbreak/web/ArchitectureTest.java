package io.groundbreak.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.groundbreak.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The web app talks to the services over HTTP only, like any other client (DESIGN.md "Architecture"). */
    @ArchTest
    static final ArchRule noServiceCodeIsUsed = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "io.groundbreak.milestone..", "io.groundbreak.funnel..", "io.groundbreak.audit..");

    /** It holds no data of its own: no database, no broker. */
    @ArchTest
    static final ArchRule noDatabaseNorBroker = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.sql..", "org.springframework.jdbc..", "jakarta.persistence..", "org.apache.kafka..",
            "org.springframework.kafka..");

    /** Every call to a service goes through the gateway's client, which signs the user's token. */
    @ArchTest
    static final ArchRule onlyTheGatewayCallsServices = noClasses()
            .that().resideOutsideOfPackage("..web.gateway..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.http.HttpClient");
}
