package io.groundbreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.http.ProviderSignIn;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app on its own, its services unreachable: the login, what each role may open, the gateway's
 * own refusals, and that a service being down is a 503 problem, never a broken page or a 500.
 */
class WebAppIT extends WebAppAlone {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    /** A browser-like client: its own cookies, redirects not followed. */
    private final class Session {

        private final CookieManager cookies = ProviderSignIn.cookies();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(url(path)).header("Accept", accept));
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        Session logIn(String user) throws IOException, InterruptedException {
            ProviderSignIn.logIn(client, url("/"), user);
            get("/web/me", "application/json"); // issues the CSRF cookie the pages echo
            return this;
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void withoutASessionPagesGoToTheProvidersLoginAndTheApiAnswers401WithoutABasicChallenge() throws Exception {
        Session anonymous = new Session();
        HttpResponse<String> page = anonymous.get("/dashboard.html", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/keycloak");
        HttpResponse<String> signIn = anonymous.get("/oauth2/authorization/keycloak", "text/html");
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).as("authorization code with PKCE")
                .startsWith(TestInfrastructure.get().identityProvider().issuer() + "/protocol/openid-connect/auth?")
                .contains("client_id=groundbreak-web", "response_type=code", "code_challenge_method=S256",
                        "code_challenge=");
        HttpResponse<String> api = anonymous.get("/api/funnel", "application/json");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(anonymous.get("/login", "text/html").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/echarts/dist/echarts.min.js", "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedByTheProviderAndNoSessionIsMade() throws Exception {
        Session session = new Session();
        HttpResponse<String> refused = ProviderSignIn.submit(session.client, url("/"), "leader", "wrong");
        assertThat(refused.statusCode()).as("the provider's page again, with its message").isEqualTo(200);
        assertThat(ProviderSignIn.isLoginForm(refused.body())).isTrue();
        assertThat(session.get("/web/me", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void eachRoleStartsWhereItsWorkIsAndOnlyAuditorsAndAdminsOpenTheAuditPages() throws Exception {
        Session office = new Session().logIn("d120116");
        JsonNode me = JSON.readTree(office.get("/web/me", "application/json").body());
        assertThat(me.get("role").asString()).isEqualTo("DISTRICT");
        assertThat(me.get("district").asString()).isEqualTo("120116");
        assertThat(me.get("districts")).hasSize(16);
        assertThat(me.get("plan").get("projects").asLong()).isEqualTo(300);
        HttpResponse<String> audit = office.get("/audit.html", "text/html");
        assertThat(audit.statusCode()).isEqualTo(403);
        assertThat(audit.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(audit.body()).contains("id=\"forbidden\"");

        Session auditor = new Session().logIn("auditor");
        assertThat(auditor.get("/", "text/html").headers().firstValue("Location").orElseThrow()).endsWith("/audit.html");
        assertThat(auditor.get("/audit.html", "text/html").statusCode()).isEqualTo(200);
        Session leader = new Session().logIn("leader");
        assertThat(leader.get("/", "text/html").headers().firstValue("Location").orElseThrow()).endsWith("/dashboard.html");

        // a district office's reviewer: bound to its district, starts in the workspace, no audit pages
        Session reviewer = new Session().logIn("r120116");
        JsonNode reviewerMe = JSON.readTree(reviewer.get("/web/me", "application/json").body());
        assertThat(reviewerMe.get("role").asString()).isEqualTo("REVIEWER");
        assertThat(reviewerMe.get("district").asString()).isEqualTo("120116");
        assertThat(reviewer.get("/", "text/html").headers().firstValue("Location").orElseThrow()).endsWith("/district.html");
        assertThat(reviewer.get("/audit.html", "text/html").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminOpensTheAuditPageAndEveryModuleItImportsWhileADistrictOfficeGetsNone() throws Exception {
        Session admin = new Session().logIn("admin");
        HttpResponse<String> page = admin.get("/audit.html", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"dead-letters\"", "src=\"/js/audit.js\"");
        // the page's module graph, followed import by import: each one is served as JavaScript
        Deque<String> pending = new ArrayDeque<>(List.of("/js/audit.js"));
        Set<String> seen = new TreeSet<>();
        Pattern imports = Pattern.compile("(?m)^import .* from '\\./([\\w.-]+\\.js)';$");
        while (!pending.isEmpty()) {
            String module = pending.pop();
            if (!seen.add(module)) {
                continue;
            }
            HttpResponse<String> script = admin.get(module, "*/*");
            assertThat(script.statusCode()).as(module).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type").orElseThrow()).as(module).contains("javascript");
            Matcher found = imports.matcher(script.body());
            while (found.find()) {
                pending.push("/js/" + found.group(1));
            }
        }
        assertThat(seen).contains("/js/audit.js", "/js/completeness.js", "/js/deadletters.js", "/js/app.js", "/js/i18n.js");

        Session office = new Session().logIn("d120116");
        assertThat(office.get("/js/deadletters.js", "*/*").statusCode()).isEqualTo(403);
        assertThat(office.get("/js/completeness.js", "*/*").statusCode()).isEqualTo(403);
        assertThat(office.get("/api/admin/funnel-service/dead-letters", "application/json").statusCode())
                .as("forwarded, and refused by the service (here: down)").isEqualTo(503);
    }

    @Test
    void theGatewayRefusesWhatNoServiceAnswersAndSaysWhenAServiceIsDown() throws Exception {
        Session leader = new Session().logIn("leader");
        HttpResponse<String> unknown = leader.get("/api/admin/rebuild", "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("type").asString()).isEqualTo("urn:groundbreak:problem:no-such-endpoint");

        HttpResponse<String> down = leader.send(HttpRequest.newBuilder(url("/api/funnel?asOf=2024-01-01"))
                .header("Accept-Language", "en"));
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode problem = JSON.readTree(down.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:groundbreak:problem:service-unavailable");
        assertThat(problem.get("detail").asString()).contains("FUNNEL");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedBeforeItReachesAService() throws Exception {
        Session office = new Session().logIn("d120116");
        HttpResponse<String> forged = office.send(HttpRequest.newBuilder(url("/api/projects"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> withToken = office.send(HttpRequest.newBuilder(url("/api/projects"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", office.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(withToken.statusCode()).as("passes the CSRF check, then finds milestone-service down").isEqualTo(503);
        HttpResponse<String> tooLarge = office.send(HttpRequest.newBuilder(url("/api/projects"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", office.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(1 << 20) + "\"}")));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }
}
