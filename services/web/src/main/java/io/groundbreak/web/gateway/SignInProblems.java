package io.groundbreak.web.gateway;

import io.groundbreak.kit.web.Problems;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every call to a service needs the user's token: without one, any endpoint asks the browser to sign in again. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SignInProblems {

    private static final Logger LOG = LoggerFactory.getLogger(SignInProblems.class);

    @ExceptionHandler
    ProblemDetail expired(SignInExpired expired, Locale locale) {
        LOG.info("{}", expired.getMessage());
        return Problems.of(HttpStatus.UNAUTHORIZED, "sign-in-expired", "en".equals(locale.getLanguage())
                ? "Your sign-in has expired; please sign in again." : "登录已过期，请重新登录。");
    }
}
