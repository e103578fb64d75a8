package io.groundbreak.web.gateway;

import io.groundbreak.kit.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/**} of docs/api.md under the web app's origin: each call goes to the service that owns
 * the path, as the logged-in user, and its answer (status, body, the headers a client needs) streams
 * back unchanged, problem+json included.
 */
@RestController
class ApiGateway {

    /** Request headers a service reads; nothing else of the browser's request is passed on. */
    private static final List<String> FORWARDED_REQUEST_HEADERS =
            List.of("Content-Type", "Accept", "Accept-Language", "Idempotency-Key");
    /** Answer headers a browser needs; never WWW-Authenticate, which would open the browser's own login box. */
    private static final List<String> FORWARDED_RESPONSE_HEADERS =
            List.of("Content-Type", "Content-Disposition", "Content-Language", "Idempotent-Replayed");
    /** Every request body of the API is a small JSON document. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final ServiceClient services;

    ApiGateway(ServiceClient services) {
        this.services = services;
    }

    @RequestMapping("/api/**")
    void forward(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        Route route = Routes.of(method, path).orElseThrow(() -> new NoRoute(method, path));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        byte[] body = method == HttpMethod.GET ? null : request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw new BodyTooLarge(MAX_BODY_BYTES);
        }
        String query = request.getQueryString();
        HttpResponse<InputStream> answer = services.send(route.backend(), CurrentUser.of(authentication), method.name(),
                query == null ? route.path() : route.path() + "?" + query, headers, body);
        response.setStatus(answer.statusCode());
        for (String name : FORWARDED_RESPONSE_HEADERS) {
            answer.headers().firstValue(name).ifPresent(value -> response.setHeader(name, value));
        }
        // a 202's request (or a 201's event) is named by a path of the same API, which the browser reaches here too;
        // an absolute URL would name the service's own address, which no browser should see
        answer.headers().firstValue("Location").filter(location -> location.startsWith("/api/"))
                .ifPresent(location -> response.setHeader("Location", location));
        try (InputStream content = answer.body()) {
            content.transferTo(response.getOutputStream());
        }
    }
}
