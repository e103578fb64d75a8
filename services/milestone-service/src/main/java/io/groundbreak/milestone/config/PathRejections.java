package io.groundbreak.milestone.config;

import io.groundbreak.kit.text.TextRules;
import io.groundbreak.kit.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's firewall refuses a path holding a control character (an encoded {@code %01}) or
 * other suspicious text before any controller sees it; its default answer is a bare 400. Here it is the
 * same 400 problem+json as any invalid field ({@code invalid-request}), naming the path variable that
 * holds the flaw ({@code projectId}, {@code stage}, {@code requestId}) or else {@code path}. Nothing is written.
 */
@Component
class PathRejections implements RequestRejectedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    PathRejections(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        String field = field(request.getRequestURI());
        String message = messages.getMessage(field.equals("path") ? "field.path" : "field.single-line", null, locale);
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                messages.getMessage("problem.invalid-request", null, locale));
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    /** /api/projects/{projectId}/milestones/{stage}/… or …/requests/{requestId}/…: the variable whose decoded text is not single-line. */
    static String field(String uri) {
        String[] segments = uri == null ? new String[0] : uri.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!TextRules.isSingleLine(decoded(segments[i]))) {
                if (i == 3 && "projects".equals(segments[2])) {
                    return "projectId";
                }
                if (i == 5 && "milestones".equals(segments[4])) {
                    return "stage";
                }
                if (i == 5 && "requests".equals(segments[4])) {
                    return "requestId";
                }
                return "path";
            }
        }
        return "path";
    }

    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
