package io.groundbreak.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.net.DatabaseProxy;
import io.groundbreak.web.Browser;
import io.groundbreak.web.WebInstance;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web app's database away (a relay in front of it switched off; the server itself is never stopped):
 * what needs a session is 503 with Retry-After within seconds — problem+json on /web and /api, a short page
 * for the pages — never a 500 nor a hang; the login page still shows; the sessions made before the outage
 * are there again once it ends, without a restart and without logging in again.
 */
class DatabaseOutageIT {

    private static final String DOWN = "http://127.0.0.1:1";

    private DatabaseProxy proxy;
    private WebInstance web;

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void withoutItsDatabaseTheWebAppAnswers503AndTheSessionsAreThereAgainAfterwards() throws Exception {
        TestDatabase database = TestInfrastructure.get().newDatabase("web_outage");
        proxy = DatabaseProxy.inFrontOf(database);
        web = WebInstance.start(new TestDatabase(database.name(), proxy.jdbcUrl(database.name()),
                database.username(), database.password()), DOWN, DOWN, DOWN);
        Browser leader = new Browser();
        assertThat(leader.logIn(web, "leader").statusCode()).isEqualTo(302);
        assertThat(leader.json(web, "/web/me").get("name").asString()).isEqualTo("leader");

        proxy.refuse();
        long begin = System.nanoTime();
        HttpResponse<String> me = leader.get(web, "/web/me");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("within the pool's 5 s").isLessThan(Duration.ofSeconds(15));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(503);
        assertThat(me.headers().firstValue("Retry-After")).contains("5");
        assertThat(me.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(me.body()).contains("urn:groundbreak:problem:database-unavailable");
        HttpResponse<String> page = leader.get(web, "/dashboard.html");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("数据库暂时不可用");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");

        Browser newcomer = new Browser();
        assertThat(newcomer.get(web, "/login").statusCode()).as("the login page needs no database").isEqualTo(200);
        // the sign-in's state (PKCE verifier, state) lives in the session, so a sign-in cannot even begin
        HttpResponse<String> login = newcomer.get(web, "/oauth2/authorization/keycloak");
        assertThat(login.statusCode()).as("a sign-in that cannot be kept: " + login.body()).isEqualTo(503);
        assertThat(web.running()).isTrue();
        assertThat(newcomer.get(web, "/actuator/health").statusCode()).as("DOWN: out of a load balancer's rotation")
                .isEqualTo(503);

        proxy.accept();
        await().atMost(Duration.ofSeconds(30)).until(() -> leader.get(web, "/web/me").statusCode() == 200);
        assertThat(newcomer.get(web, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(leader.json(web, "/web/me").get("name").asString()).as("the same session, not a new login")
                .isEqualTo("leader");
        assertThat(newcomer.logIn(web, "auditor").statusCode()).isEqualTo(302);
        assertThat(newcomer.json(web, "/web/me").get("name").asString()).isEqualTo("auditor");
    }
}
