package io.groundbreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Signing in as a browser does, through the test's Keycloak (infra/test-support): the app sends the client to the
 * provider, whose login form is posted with the user's name and password (the form's own action, the client's
 * cookies), and the provider sends it back to the app with the code. The client must not follow redirects and must
 * keep cookies; the local realm's passwords are {@code {user}-dev}.
 */
public final class SignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    private SignIn() {
    }

    /** The web app's issuer: the test's Keycloak realm {@code groundbreak}. */
    public static String issuer() {
        return TestInfrastructure.get().identityProvider().issuer();
    }

    public static void registerIssuer(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().identityProvider().registerIssuer(registry);
    }

    /**
     * Signs in with {@code {user}-dev} starting at the app's {@code app} (a base URL such as
     * {@code http://127.0.0.1:8080}); answers the app's last answer, the redirect to the page the sign-in was for.
     */
    public static HttpResponse<String> logIn(HttpClient client, URI app, String user)
            throws IOException, InterruptedException {
        HttpResponse<String> provider = submit(client, app, user, user + "-dev");
        assertThat(provider.statusCode()).as("the provider accepted " + user + ": " + provider.body()).isEqualTo(302);
        HttpResponse<String> answer = follow(client, provider, app);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).as("signed in").doesNotContain("error");
        return answer;
    }

    /** The provider's login page the app sends a client without a session to (200, its form in the body). */
    public static HttpResponse<String> loginPage(HttpClient client, URI app) throws IOException, InterruptedException {
        HttpResponse<String> answer = follow(client, get(client, app.resolve("/oauth2/authorization/keycloak")), null);
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(200);
        return answer;
    }

    /** The provider's answer to the posted form: a redirect back to the app, or its page again when refused. */
    public static HttpResponse<String> submit(HttpClient client, URI app, String user, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> page = loginPage(client, app);
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&credentialId=";
        return client.send(HttpRequest.newBuilder(URI.create(formAction(page.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the page is the provider's login form (a new sign-in asked for). */
    public static boolean isLoginForm(String body) {
        return LOGIN_FORM.matcher(body).find();
    }

    /** Follows redirects until an answer that is no redirect, or one that leads back to {@code stopAt}'s origin. */
    static HttpResponse<String> follow(HttpClient client, HttpResponse<String> answer, URI stopAt)
            throws IOException, InterruptedException {
        for (int hops = 0; answer.statusCode() / 100 == 3; hops++) {
            assertThat(hops).as("redirects").isLessThan(10);
            URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
            answer = get(client, next);
            if (stopAt != null && next.getAuthority().equals(stopAt.getAuthority())) {
                return answer;
            }
        }
        return answer;
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String formAction(String page) {
        Matcher form = LOGIN_FORM.matcher(page);
        assertThat(form.find()).as("the provider's login form in " + page).isTrue();
        Matcher action = ACTION.matcher(form.group());
        assertThat(action.find()).isTrue();
        return action.group(1).replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
