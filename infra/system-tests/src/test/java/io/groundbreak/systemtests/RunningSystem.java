package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.process.ServiceProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system, started once for every test class of this module: the three services and the web
 * app as separate processes from their runnable jars, on a real broker and real PostgreSQL. Tests
 * share it, so each works in its own corner of the funnel (its own district and chain).
 */
final class RunningSystem {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningSystem running;

    final ServiceProcess milestones;
    final ServiceProcess funnel;
    final ServiceProcess audit;
    final ServiceProcess web;
    final TestDatabase funnelDatabase;

    private RunningSystem(ServiceProcess milestones, ServiceProcess funnel, ServiceProcess audit, ServiceProcess web,
                          TestDatabase funnelDatabase) {
        this.milestones = milestones;
        this.funnel = funnel;
        this.audit = audit;
        this.web = web;
        this.funnelDatabase = funnelDatabase;
    }

    static synchronized RunningSystem get() throws Exception {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "stop-the-system"));
        }
        return running;
    }

    private static RunningSystem start() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String kafka = infrastructure.kafkaBootstrapServers();
        // everyone signs in at the test's Keycloak: the web app's users there, the services accept its tokens (and,
        // in profile local, which ServiceProcess starts them in, HTTP Basic for the tests' own calls below)
        String issuer = "--groundbreak.security.issuer=" + infrastructure.identityProvider().issuer();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            ServiceProcess milestones = started(started, ServiceProcess.start("milestone-service",
                    infrastructure.newDatabase("e2e_milestones"), kafka, issuer));
            TestDatabase funnelDatabase = infrastructure.newDatabase("e2e_funnel");
            ServiceProcess funnel = started(started, ServiceProcess.start("funnel-service", funnelDatabase, kafka,
                    issuer));
            // audit-service reconciles its ledger with funnel-service's live answers and checks both against the event store
            ServiceProcess audit = started(started, ServiceProcess.start("audit-service",
                    infrastructure.newDatabase("e2e_audit"), kafka, "--groundbreak.funnel-service.url=" + funnel.url(""),
                    "--groundbreak.milestone-service.url=" + milestones.url(""), issuer));
            // the web app keeps its sessions, its users' tokens and import reports in a database of its own (Kafka it
            // does not use)
            ServiceProcess web = started(started, ServiceProcess.start("web", infrastructure.newDatabase("e2e_web"), kafka,
                    issuer,
                    "--groundbreak.web.services.milestone-service=" + milestones.url(""),
                    "--groundbreak.web.services.funnel-service=" + funnel.url(""),
                    "--groundbreak.web.services.audit-service=" + audit.url("")));
            for (ServiceProcess service : started) {
                service.awaitHealthy();
            }
            return new RunningSystem(milestones, funnel, audit, web, funnelDatabase);
        } catch (Exception | Error e) {
            // a system that never came up must not outlive the test run
            stop(started);
            throw e;
        }
    }

    private static ServiceProcess started(List<ServiceProcess> started, ServiceProcess service) {
        started.add(service);
        return service;
    }

    private void stop() {
        stop(List.of(milestones, funnel, audit, web));
    }

    private static void stop(List<ServiceProcess> services) {
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** POSTs JSON to milestone-service as a local user (HTTP Basic with the user's published password). */
    HttpResponse<String> post(String user, String path, String body) throws Exception {
        return HTTP.send(authorized(HttpRequest.newBuilder(milestones.url(path)), user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POSTs a write as a district office and insists that it takes effect: a change of the past that waits for a
     * second person (202) is approved by the district's reviewer ({@code r<code>} for {@code d<code>}).
     */
    void recorded(String office, String path, String body) throws Exception {
        HttpResponse<String> answer = post(office, path, body);
        if (answer.statusCode() == 202) {
            String request = answer.headers().firstValue("Location").orElseThrow();
            answer = post("r" + office.substring(1), request + "/approval", "{\"note\":\"复核通过\"}");
        }
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(201);
    }

    HttpResponse<String> get(ServiceProcess service, String user, String path) throws Exception {
        return HTTP.send(authorized(HttpRequest.newBuilder(service.url(path)), user).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postEmpty(ServiceProcess service, String user, String path) throws Exception {
        return HTTP.send(authorized(HttpRequest.newBuilder(service.url(path)), user)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs JSON and insists on 200. */
    JsonNode read(ServiceProcess service, String user, String path) throws Exception {
        HttpResponse<String> answer = get(service, user, path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Registers a project of a unique code as the user; answers its id. */
    String register(String user, String district, String chain, String amount) throws Exception {
        return registerProject(user, """
                {"code":"TJ-E2E-%s","name":"重点项目","district":"%s","chain":"%s",
                 "investor":"某集团","plannedInvestmentCny":"%s"}
                """.formatted(UUID.randomUUID(), district, chain, amount));
    }

    /** POSTs a project's registration as the user and insists on 201; answers the project's id. */
    String registerProject(String user, String registration) throws Exception {
        HttpResponse<String> registered = post(user, "/api/projects", registration);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("projectId").asString();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)));
    }
}
