package io.groundbreak.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 answered as RFC 9457 problem+json, like every other error of the API; the detail is
 * Chinese unless the request prefers English ({@code Accept-Language: en}).
 */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final boolean basicChallenge;

    public ProblemSecurityHandlers() {
        this(true);
    }

    private ProblemSecurityHandlers(boolean basicChallenge) {
        this.basicChallenge = basicChallenge;
    }

    /**
     * For a browser's own calls (the web app's pages): a Basic challenge on a 401 would make the
     * browser open its login box instead of letting the page send the user to the login form.
     */
    public static ProblemSecurityHandlers withoutBasicChallenge() {
        return new ProblemSecurityHandlers(false);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        if (basicChallenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"groundbreak\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                english(request) ? "Credentials are missing or wrong." : "缺少身份凭据，或凭据错误。");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden",
                english(request) ? "Your role or district does not allow this." : "您的角色或所属区无权进行此操作。");
    }

    private static boolean english(HttpServletRequest request) {
        return request.getHeader("Accept-Language") != null
                && "en".equals(request.getLocale().getLanguage());
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:groundbreak:problem:" + code + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
