package io.groundbreak.demo.plan;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /milestones/{stage}/correction}: a recorded stage's date (and amount, optional) set right. */
public record CorrectMilestone(Stage stage, LocalDate effectiveDate, BigDecimal amountCny, String reason)
        implements ProjectAction {

    public CorrectMilestone {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(effectiveDate);
        Objects.requireNonNull(reason);
    }

    @Override
    public String path() {
        return "/milestones/" + stage + "/correction";
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effectiveDate", effectiveDate.toString());
        if (amountCny != null) {
            body.put("amountCny", Money.text(amountCny));
        }
        body.put("reason", reason);
        return body;
    }

    @Override
    public String slug() {
        return "correction-" + stage;
    }
}
