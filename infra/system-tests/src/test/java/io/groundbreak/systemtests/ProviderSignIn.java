package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

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
 * An HTTP client signing in to the web app as a browser does: sent to the identity provider, the provider's login
 * form posted (its own action, the client's cookies), back to the app with the code. The client keeps its cookies in
 * {@link #cookies()} and does not follow redirects. (The web module's tests have the same steps in their SignIn.)
 */
final class ProviderSignIn {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    private ProviderSignIn() {
    }

    /**
     * A cookie jar that, like a browser, treats {@code http://localhost} and {@code 127.0.0.1} as a secure context and
     * sends {@code Secure} cookies there (Keycloak marks its login cookies Secure; CookieManager sends them over https
     * only).
     */
    static CookieManager cookies() {
        return new CookieManager() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                String host = uri.getHost();
                if (!"http".equalsIgnoreCase(uri.getScheme()) || !("localhost".equals(host) || "127.0.0.1".equals(host))) {
                    return super.get(uri, headers);
                }
                try {
                    return super.get(new URI("https", null, host, uri.getPort(), uri.getPath(), null, null), headers);
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
        };
    }

    /** Signs in as {@code user} with its {@code -dev} password at the app of base URL {@code app}. */
    static void logIn(HttpClient client, URI app, String user) throws Exception {
        HttpResponse<String> page = follow(client, get(client, app.resolve("/oauth2/authorization/keycloak")));
        Matcher form = LOGIN_FORM.matcher(page.body());
        assertThat(form.find()).as("the provider's login form: " + page.body()).isTrue();
        Matcher action = ACTION.matcher(form.group());
        assertThat(action.find()).isTrue();
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password="
                        + encode(user + "-dev"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(user + " accepted by the provider").isEqualTo(302);
        URI back = posted.uri().resolve(posted.headers().firstValue("Location").orElseThrow());
        assertThat(back.getAuthority()).isEqualTo(app.getAuthority());
        HttpResponse<String> signedIn = get(client, back);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private static HttpResponse<String> follow(HttpClient client, HttpResponse<String> answer) throws Exception {
        for (int hops = 0; answer.statusCode() / 100 == 3; hops++) {
            assertThat(hops).as("redirects").isLessThan(10);
            answer = get(client, answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()));
        }
        return answer;
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
