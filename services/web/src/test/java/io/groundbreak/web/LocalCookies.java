package io.groundbreak.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * A cookie jar that, like a browser, treats {@code http://localhost} and {@code 127.0.0.1} as a secure context: it
 * sends {@code Secure} cookies there (Keycloak marks its login cookies Secure), which {@link CookieManager} only
 * sends over https.
 */
public final class LocalCookies extends CookieManager {

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
