package io.groundbreak.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 answered as RFC 9457 problem+json, like every other error of the API; the detail is
 * Chinese unless the request prefers English ({@code Accept-Language: en}). A 401 challenges for a bearer token
 * ({@code error="invalid_token"} when one was presented and refused, RFC 6750) and, where HTTP Basic is accepted
 * (profile local), for Basic too. A token that cannot be checked because the identity provider's keys cannot be
 * fetched is 503, not 401: the caller's token may be fine.
 */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationFailureHandler {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final boolean challenge;
    private final boolean basicChallenge;

    public ProblemSecurityHandlers(boolean basicChallenge) {
        this(true, basicChallenge);
    }

    private ProblemSecurityHandlers(boolean challenge, boolean basicChallenge) {
        this.challenge = challenge;
        this.basicChallenge = basicChallenge;
    }

    /**
     * For a browser's own calls (the web app's pages): no challenge at all, since a Basic challenge on a 401 would
     * make the browser open its login box instead of letting the page send the user to the login.
     */
    public static ProblemSecurityHandlers withoutBasicChallenge() {
        return new ProblemSecurityHandlers(false, false);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        if (challenge) {
            response.addHeader("WWW-Authenticate", authException instanceof OAuth2AuthenticationException
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
            if (basicChallenge) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"groundbreak\"");
            }
        }
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                english(request) ? "Credentials are missing or wrong." : "缺少身份凭据，或凭据错误。");
    }

    /** A presented bearer token that was not accepted (the resource server's filter). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        if (exception instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            write(response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable", english(request)
                    ? "The identity provider cannot be reached to check the token; try again shortly."
                    : "暂时无法连接身份认证服务以核验令牌，请稍后重试。");
            return;
        }
        commence(request, response, exception);
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
