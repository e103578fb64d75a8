package io.groundbreak.web.briefing;

import org.springframework.http.HttpStatus;

/** A briefing asked for with a bad month, district or chain (400), or a scope the user may not read (403). */
class BriefingRefused extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String messageKey;
    private final Object[] arguments;

    BriefingRefused(HttpStatus status, String field, String messageKey, Object... arguments) {
        super(status + " " + field + ": " + messageKey);
        this.status = status;
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
