package io.groundbreak.demo.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /suspension}: the project pauses: no milestone until it is resumed. */
public record SuspendProject(LocalDate effectiveDate, String reason) implements ProjectAction {

    public SuspendProject {
        Objects.requireNonNull(effectiveDate);
        Objects.requireNonNull(reason);
    }

    @Override
    public String path() {
        return "/suspension";
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
        return "suspension";
    }
}
