package io.groundbreak.web.gateway;

import io.groundbreak.kit.web.Problems;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What the gateway itself refuses, as problem+json in the request's language, like the services do. */
@RestControllerAdvice(assignableTypes = ApiGateway.class)
class GatewayProblems {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayProblems.class);

    @ExceptionHandler
    ProblemDetail noRoute(NoRoute refused, Locale locale) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-such-endpoint",
                english(locale) ? "No service of Groundbreak answers this path and method." : "没有此接口。");
    }

    @ExceptionHandler
    ProblemDetail tooLarge(BodyTooLarge refused, Locale locale) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                english(locale) ? refused.getMessage() + "." : "请求内容过大。");
    }

    @ExceptionHandler
    ProblemDetail unavailable(BackendUnavailable failure, Locale locale) {
        LOG.warn("{}", failure.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", english(locale)
                ? "A Groundbreak service (" + failure.backend() + ") does not answer right now; try again shortly."
                : "后台服务暂时无法访问，请稍后重试。");
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
