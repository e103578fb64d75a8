package io.groundbreak.demo.plan;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /milestones}; amount and note are optional (null). */
public record RecordMilestone(Stage stage, LocalDate effectiveDate, BigDecimal amountCny, String note)
        implements ProjectAction {

    public RecordMilestone {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(effectiveDate);
    }

    @Override
    public String path() {
        return "/milestones";
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", stage.name());
        body.put("effectiveDate", effectiveDate.toString());
        if (amountCny != null) {
            body.put("amountCny", Money.text(amountCny));
        }
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    @Override
    public String slug() {
        return "milestone-" + stage;
    }
}
