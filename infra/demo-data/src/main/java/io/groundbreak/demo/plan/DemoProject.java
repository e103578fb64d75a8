package io.groundbreak.demo.plan;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One demo project: what its district office registers (park optional, null; the schema 1.1 fields of
 * {@code supervision}, null for none) and what it posts afterwards, in posting order: its {@code actions} with
 * the rest of the demo, its {@code restatements} only after the districts have closed their months (backdated
 * corrections that restate a closed month).
 */
public record DemoProject(String code, String name, String district, String chain, String investor,
                          BigDecimal plannedInvestmentCny, String park, boolean named, List<ProjectAction> actions,
                          Supervision supervision, List<ProjectAction> restatements) {

    public DemoProject {
        Objects.requireNonNull(code);
        Objects.requireNonNull(name);
        Objects.requireNonNull(district);
        Objects.requireNonNull(chain);
        Objects.requireNonNull(investor);
        Objects.requireNonNull(plannedInvestmentCny);
        actions = List.copyOf(actions);
        restatements = List.copyOf(restatements);
    }

    /** A project without schema 1.1 fields and without restatements. */
    public DemoProject(String code, String name, String district, String chain, String investor,
                       BigDecimal plannedInvestmentCny, String park, boolean named, List<ProjectAction> actions) {
        this(code, name, district, chain, investor, plannedInvestmentCny, park, named, actions, null, List.of());
    }

    /** The same project with these restatements. */
    public DemoProject withRestatements(List<ProjectAction> restated) {
        return new DemoProject(code, name, district, chain, investor, plannedInvestmentCny, park, named, actions,
                supervision, restated);
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
        if (supervision != null) {
            supervision.addTo(body);
        }
        return body;
    }

    /** Registration, actions and restatements: one request, one event each. */
    public int eventCount() {
        return 1 + actions.size() + restatements.size();
    }

    /** Every action in the order posted: the actions, then the restatements. */
    public List<ProjectAction> allActions() {
        List<ProjectAction> all = new java.util.ArrayList<>(actions);
        all.addAll(restatements);
        return all;
    }

    public ProjectOutcome outcome() {
        return ProjectOutcome.of(this);
    }
}
