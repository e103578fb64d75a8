package io.groundbreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the web app on one database, as behind the cluster's load balancer: a login made on
 * one is a login on the other, and stays one when the instance that made it stops. The session keeps
 * today's cookie (HttpOnly, SameSite=Lax), its 8 hours and the CSRF rule.
 */
class SessionsAcrossInstancesIT {

    private static final String DOWN = "http://127.0.0.1:1";

    private final List<WebInstance> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(WebInstance::close);
    }

    @Test
    void aLoginMadeOnOneInstanceIsServedByTheOtherAndOutlivesTheFirst() throws Exception {
        TestDatabase database = TestInfrastructure.get().newDatabase("web_sessions");
        WebInstance first = start(database);
        WebInstance second = start(database);
        Browser browser = new Browser();

        assertThat(browser.get(second, "/web/me").statusCode()).as("nobody logged in yet").isEqualTo(401);
        HttpResponse<String> login = browser.logIn(first, "d120116");
        assertThat(login.statusCode()).isEqualTo(302);
        String sessionCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");

        JsonNode me = browser.json(second, "/web/me");
        assertThat(me.get("name").asString()).isEqualTo("d120116");
        assertThat(me.get("role").asString()).isEqualTo("DISTRICT");
        assertThat(me.get("district").asString()).isEqualTo("120116");
        assertThat(query(database, "SELECT max_inactive_interval FROM spring_session WHERE principal_name = 'd120116'"))
                .as("the 8 h of server.servlet.session.timeout").isEqualTo("28800");

        first.close();
        assertThat(browser.json(second, "/web/me").get("name").asString()).as("the first instance stopped")
                .isEqualTo("d120116");
        HttpResponse<String> page = browser.get(second, "/district.html");
        assertThat(page.statusCode()).isEqualTo(200);

        // the logout (with the echoed CSRF token) on the second instance ends the session everywhere
        HttpResponse<String> logout = browser.post(second, "/logout", "application/x-www-form-urlencoded", new byte[0]);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(browser.get(second, "/web/me").statusCode()).isEqualTo(401);
        WebInstance third = start(database);
        assertThat(browser.get(third, "/web/me").statusCode()).as("logged out on every instance").isEqualTo(401);
        assertThat(query(database, "SELECT count(*) FROM spring_session WHERE principal_name = 'd120116'")).isEqualTo("0");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedOnTheOtherInstanceToo() throws Exception {
        TestDatabase database = TestInfrastructure.get().newDatabase("web_sessions");
        WebInstance first = start(database);
        WebInstance second = start(database);
        Browser browser = new Browser();
        browser.logIn(first, "leader");

        HttpResponse<String> withoutToken = browser.postWithoutCsrfToken(second, "/logout");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.json(second, "/web/me").get("name").asString()).as("still logged in").isEqualTo("leader");
        assertThat(browser.json(first, "/web/me").get("name").asString()).isEqualTo("leader");
    }

    private WebInstance start(TestDatabase database) {
        WebInstance instance = WebInstance.start(database, DOWN, DOWN, DOWN);
        instances.add(instance);
        return instance;
    }

    static String query(TestDatabase database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
