package io.groundbreak.demo.plan;

import io.groundbreak.events.Stage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /milestones/{stage}/retraction}: the highest recorded stage taken back. Shaped like
 * {@link CorrectMilestone} on purpose: each mirrors its own request of milestone-service's API.
 */
public record RetractMilestone(Stage stage, String reason) implements ProjectAction {

    public RetractMilestone {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(reason);
    }

    @Override
    public String path() {
        return "/milestones/" + stage + "/retraction";
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        return body;
    }

    @Override
    public String slug() {
        return "retraction-" + stage;
    }
}
