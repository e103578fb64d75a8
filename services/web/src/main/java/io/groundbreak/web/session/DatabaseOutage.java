package io.groundbreak.web.session;

import io.groundbreak.kit.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's database (sessions, import reports) unreachable: a request that needed it is answered
 * 503 with {@code Retry-After}, problem+json on {@code /api/**} and {@code /web/**}, a short page
 * elsewhere, instead of a 500. Placed in front of Spring Session's filter, so that a session that could
 * not be read or saved (a login, a page behind the login) is caught too. Nothing is half-written: a login
 * whose session could not be saved has no session.
 */
public class DatabaseOutage extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);

    private final JsonMapper json;

    public DatabaseOutage(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!databaseFailure(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("{} {}: the web app's database is unavailable ({})", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Chinese unless the request asks for English (as spring.web.locale: the server's own locale does not count)
        String accepted = request.getHeader("Accept-Language");
        boolean english = accepted != null && !accepted.isBlank()
                && Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage());
        String detail = english ? "The web app's database is unavailable; please try again in a few seconds."
                : "网站的数据库暂时不可用，请稍后再试。";
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        // the reset dropped the security chain's headers: this answer loads nothing, so it allows nothing
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'none'");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/web/")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", Problems.TYPE_PREFIX + "database-unavailable");
            problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
            problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            problem.put("detail", detail);
            problem.put("instance", path);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(json.writeValueAsString(problem));
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("<!doctype html><meta charset=\"utf-8\"><title>503</title><p>"
                    + detail + "</p>");
        }
    }

    static boolean databaseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
