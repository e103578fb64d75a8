package io.groundbreak.audit.periods.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a district's month went through: a close by its office (or ADMIN), a reopen by ADMIN. */
public enum PeriodAction {
    CLOSE, REOPEN;

    /** As stored and answered: {@code close}, {@code reopen}. */
    @JsonValue
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PeriodAction ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
