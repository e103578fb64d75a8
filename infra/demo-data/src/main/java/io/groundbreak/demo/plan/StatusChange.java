package io.groundbreak.demo.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /suspension}, {@code /resumption} or {@code /termination}: the project pauses (no milestone
 * until it is resumed), the suspension ends, or the project ends and its record is closed. The three take
 * the same fields, so one record with a kind says them all.
 */
public record StatusChange(Kind kind, LocalDate effectiveDate, String reason) implements ProjectAction {

    /** What the change does; its name, in lower case, is both the path's last segment and the slug. */
    public enum Kind { SUSPENSION, RESUMPTION, TERMINATION }

    public StatusChange {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(effectiveDate);
        Objects.requireNonNull(reason);
    }

    public static StatusChange suspend(LocalDate effectiveDate, String reason) {
        return new StatusChange(Kind.SUSPENSION, effectiveDate, reason);
    }

    public static StatusChange resume(LocalDate effectiveDate, String reason) {
        return new StatusChange(Kind.RESUMPTION, effectiveDate, reason);
    }

    public static StatusChange terminate(LocalDate effectiveDate, String reason) {
        return new StatusChange(Kind.TERMINATION, effectiveDate, reason);
    }

    @Override
    public String path() {
        return "/" + slug();
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effectiveDate", effectiveDate.toString());
        body.put("reason", reason);
        return body;
    }

    @Override
    public String slug() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
