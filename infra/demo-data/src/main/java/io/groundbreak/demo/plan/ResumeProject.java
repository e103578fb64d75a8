package io.groundbreak.demo.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /resumption}: the suspension ends. */
public record ResumeProject(LocalDate effectiveDate, String reason) implements ProjectAction {

    public ResumeProject {
        Objects.requireNonNull(effectiveDate);
        Objects.requireNonNull(reason);
    }

    @Override
    public String path() {
        return "/resumption";
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
        return "resumption";
    }
}
