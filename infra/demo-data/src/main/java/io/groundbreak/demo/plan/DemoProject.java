package io.groundbreak.demo.plan;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One demo project: what its district office registers (park optional, null) and what it posts afterwards,
 * in posting order.
 */
public record DemoProject(String code, String name, String district, String chain, String investor,
                          BigDecimal plannedInvestmentCny, String park, boolean named, List<ProjectAction> actions) {

    public DemoProject {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(district);
        Objects.requireNonNull(chain);
        Objects.requireNonNull(investor);
        Objects.requireNonNull(plannedInvestmentCny);
        actions = List.copyOf(actions);
    }

    /** Chosen by the client from the code, so that registering again is recognisably the same project. */
    public UUID projectId() {
        return UUID.nameUUIDFromBytes(("groundbreak-demo:" + code).getBytes(StandardCharsets.UTF_8));
    }

    /** The district office that posts for it (profile {@code local}: password {@code <user>-dev}). */
    public String districtUser() {
        return "d" + district;
    }

    /** The body of {@code POST /api/projects}. */
    public Map<String, Object> registration() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectId", projectId().toString());
        body.put("code", code);
        body.put("name", name);
        body.put("district", district);
        body.put("chain", chain);
        body.put("investor", investor);
        body.put("plannedInvestmentCny", Money.text(plannedInvestmentCny));
        if (park != null) {
            body.put("park", park);
        }
        return body;
    }

    /** Registration and actions: one request, one event each. */
    public int eventCount() {
        return 1 + actions.size();
    }

    public ProjectOutcome outcome() {
        return ProjectOutcome.of(this);
    }
}
