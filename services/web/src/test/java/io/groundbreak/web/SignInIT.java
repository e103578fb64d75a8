package io.groundbreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.http.ProviderSignIn;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in through the test's Keycloak, end to end: the user's role and district from the provider's claims, the
 * session and the user's tokens in the web app's database (a new instance on it — a restart — serves both), the
 * user's own access token relayed to a service and renewed when it expires, the Content-Security-Policy, a logout
 * that also ends the sign-in at the provider, and Secure cookies outside profile local.
 */
class SignInIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOWN = "http://127.0.0.1:1";

    private final List<WebInstance> instances = new ArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer funnel;

    /** A stand-in funnel-service that records each call's Authorization header. */
    @BeforeEach
    void standIn() throws Exception {
        funnel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        funnel.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] answer = "{\"stages\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        funnel.start();
    }

    @AfterEach
    void stop() {
        instances.forEach(WebInstance::close);
        funnel.stop(0);
    }

    @Test
    void aSignInSurvivesARestartRelaysTheUsersTokenAndEndsAtTheProviderOnLogout() throws Exception {
        TestDatabase database = TestInfrastructure.get().newDatabase("web_sign_in");
        WebInstance first = start(database);
        Browser browser = new Browser();

        HttpResponse<String> login = browser.logIn(first, "leader");
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
        JsonNode me = browser.json(first, "/web/me");
        assertThat(me.get("name").asString()).isEqualTo("leader");
        assertThat(me.get("role").asString()).isEqualTo("LEADER");
        assertThat(me.get("district").isNull()).isTrue();

        assertThat(browser.get(first, "/api/funnel").statusCode()).isEqualTo(200);
        JsonNode token = claims(authorizations.get(0));
        assertThat(token.get("preferred_username").asString()).as("the person, not the web app").isEqualTo("leader");
        assertThat(token.get("iss").asString()).isEqualTo(TestInfrastructure.get().identityProvider().issuer());
        assertThat(token.get("azp").asString()).isEqualTo("groundbreak-web");

        // a restart: another instance on the same database serves the same session and relays the same token
        first.close();
        WebInstance second = start(database);
        assertThat(browser.json(second, "/web/me").get("name").asString()).isEqualTo("leader");
        assertThat(browser.get(second, "/api/funnel").statusCode()).isEqualTo(200);
        assertThat(authorizations.get(1)).as("kept in the database, not in the stopped instance")
                .isEqualTo(authorizations.get(0));

        // the access token about to expire: renewed with the refresh token before it is relayed
        SessionsAcrossInstancesIT.query(database, "UPDATE oauth2_authorized_client SET access_token_expires_at = "
                + "access_token_issued_at + interval '1 second' WHERE principal_name = 'leader' RETURNING principal_name");
        assertThat(browser.get(second, "/api/funnel").statusCode()).isEqualTo(200);
        assertThat(authorizations.get(2)).as("a new access token").isNotEqualTo(authorizations.get(1));
        assertThat(claims(authorizations.get(2)).get("preferred_username").asString()).isEqualTo("leader");

        // logout: the session ends here, the user's tokens are deleted, and the provider ends its sign-in too
        HttpResponse<String> logout = browser.post(second, "/logout", "application/x-www-form-urlencoded", new byte[0]);
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = logout.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(TestInfrastructure.get().identityProvider().issuer() + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=");
        HttpResponse<String> back = ProviderSignIn.follow(browser.client(), logout, second.url("/"));
        assertThat(back.uri().getPath() + "?" + back.uri().getQuery()).as("back to the app")
                .isEqualTo("/login?logout");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(browser.get(second, "/web/me").statusCode()).isEqualTo(401);
        assertThat(SessionsAcrossInstancesIT.query(database,
                "SELECT count(*) FROM oauth2_authorized_client WHERE principal_name = 'leader'")).isEqualTo("0");
        assertThat(ProviderSignIn.isLoginForm(ProviderSignIn.loginPage(browser.client(), second.url("/")).body()))
                .as("the provider asks for a new sign-in instead of recognizing the old one").isTrue();
    }

    @Test
    void aDistrictOfficeAndItsReviewerGetTheirDistrictFromTheProvider() throws Exception {
        WebInstance web = start(TestInfrastructure.get().newDatabase("web_sign_in"));
        Browser office = new Browser();
        office.logIn(web, "d120116");
        JsonNode me = office.json(web, "/web/me");
        assertThat(me.get("role").asString()).isEqualTo("DISTRICT");
        assertThat(me.get("district").asString()).isEqualTo("120116");

        Browser reviewer = new Browser();
        HttpResponse<String> login = reviewer.logIn(web, "r120101");
        JsonNode reviewerMe = reviewer.json(web, "/web/me");
        assertThat(reviewerMe.get("role").asString()).isEqualTo("REVIEWER");
        assertThat(reviewerMe.get("district").asString()).isEqualTo("120101");
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(reviewer.get(web, "/").headers().firstValue("Location").orElseThrow()).endsWith("/district.html");
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicyAndNoPageHasInlineCode() throws Exception {
        WebInstance web = start(TestInfrastructure.get().newDatabase("web_sign_in"));
        Browser leader = new Browser();
        leader.logIn(web, "leader");
        URI issuer = URI.create(TestInfrastructure.get().identityProvider().issuer());
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; form-action 'self' " + issuer.getScheme() + "://" + issuer.getAuthority()
                + "; base-uri 'self'";
        for (String path : List.of("/login", "/login.html", "/dashboard.html", "/projects.html", "/project.html", "/district.html",
                "/audit.html", "/js/app.js", "/web/me", "/api/funnel")) {
            HttpResponse<String> answer = leader.get(web, path);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).contains(policy);
            if (path.endsWith(".html") && answer.statusCode() == 200) {
                assertThat(answer.body()).as(path + ": scripts from files only, no inline style")
                        .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style", "style=\"")
                        .doesNotContainPattern("\\son[a-z]+=\"");
            }
        }
        assertThat(new Browser().get(web, "/dashboard.html").headers().firstValue("Content-Security-Policy"))
                .as("also before signing in").contains(policy);
    }

    @Test
    void outsideProfileLocalTheCookiesAreSecure() throws Exception {
        WebInstance deployed = WebInstance.start(TestInfrastructure.get().newDatabase("web_sign_in"), DOWN, DOWN, DOWN,
                new String[0]);
        instances.add(deployed);
        // the sign-in's state is kept in a new session
        HttpResponse<String> page = new Browser().get(deployed, "/oauth2/authorization/keycloak");
        assertThat(page.statusCode()).as("to the provider's login").isEqualTo(302);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax"));
    }

    private WebInstance start(TestDatabase database) {
        WebInstance instance = WebInstance.start(database, DOWN, "http://127.0.0.1:" + funnel.getAddress().getPort(),
                DOWN);
        instances.add(instance);
        return instance;
    }

    /** The JWT's payload as relayed in {@code Authorization: Bearer …} (its signature is the services' business). */
    private static JsonNode claims(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
