package io.groundbreak.testsupport.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client signing in to the web app as a browser does, through the identity provider (the tests' Keycloak):
 * the app sends the client to the provider, whose login form is posted with the user's name and password (the form's
 * own action, the client's cookies), and the provider sends it back to the app with the code. The client must keep
 * its cookies in {@link #cookies()} and must not follow redirects (HttpClient's default); the local realm's passwords
 * are {@code {user}-dev}. Used by the web app's tests, the system tests and the bench's Excel import.
 */
public final class ProviderSignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    private ProviderSignIn() {
    }

    /**
     * A cookie jar that, like a browser, treats {@code http://localhost} and {@code 127.0.0.1} as a secure context: it
     * sends {@code Secure} cookies there (Keycloak marks its login cookies Secure), which {@link CookieManager} only
     * sends over https.
     */
    public static CookieManager cookies() {
        return new LocalCookies();
    }

    /**
     * Signs in with {@code {user}-dev} starting at the app's {@code app} (a base URL such as
     * {@code http://127.0.0.1:8080}); answers the app's last answer, the redirect to the page the sign-in was for.
     */
    public static HttpResponse<String> logIn(HttpClient client, URI app, String user)
            throws IOException, InterruptedException {
        HttpResponse<String> provider = submit(client, app, user, user + "-dev");
        check(provider.statusCode() == 302, "the provider refused " + user + ": " + provider.statusCode() + " "
                + provider.body());
        HttpResponse<String> answer = follow(client, provider, app);
        check(answer.statusCode() == 302, "the app answered the sign-in of " + user + " with " + answer.statusCode());
        String location = answer.headers().firstValue("Location").orElse("");
        check(!location.contains("error"), "the app refused the sign-in of " + user + ": " + location);
        return answer;
    }

    /** The provider's login page the app sends a client without a session to (200, its form in the body). */
    public static HttpResponse<String> loginPage(HttpClient client, URI app) throws IOException, InterruptedException {
        HttpResponse<String> answer = follow(client, get(client, app.resolve("/oauth2/authorization/keycloak")), null);
        check(answer.statusCode() == 200, "the login page " + answer.uri() + ": " + answer.statusCode() + " "
                + answer.body());
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

    /**
     * Follows redirects until an answer that is no redirect, or the answer of the first request to {@code stopAt}'s
     * origin (none when null).
     */
    public static HttpResponse<String> follow(HttpClient client, HttpResponse<String> answer, URI stopAt)
            throws IOException, InterruptedException {
        for (int hops = 0; answer.statusCode() / 100 == 3; hops++) {
            check(hops < 10, "more than 10 redirects, the last to " + answer.uri());
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
        check(form.find(), "no login form of the provider in " + page);
        Matcher action = ACTION.matcher(form.group());
        check(action.find(), "no action in the provider's login form " + form.group());
        return action.group(1).replace("&amp;", "&");
    }

    /** A failed step fails the caller's test (or the bench's figure) with what the app or the provider answered. */
    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static final class LocalCookies extends CookieManager {

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            String host = uri.getHost();
            if ("http".equalsIgnoreCase(uri.getScheme()) && ("localhost".equals(host) || "127.0.0.1".equals(host))) {
                try {
                    return super.get(new URI("https", uri.getUserInfo(), host, uri.getPort(), uri.getPath(),
                            uri.getQuery(), null), requestHeaders);
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            return super.get(uri, requestHeaders);
        }
    }
}
