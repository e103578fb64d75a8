package io.groundbreak.faults.scenario;

import io.groundbreak.faults.load.Attempt;
import io.groundbreak.faults.load.MilestoneClient;
import io.groundbreak.faults.stack.Stack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A registration with U+0000 in its name, and one with it in the investor, posted mid-load: each must be
 * refused with 400 problem+json naming the field, and nothing stored (no event of the project, its code free).
 */
final class NulAtTheDoor implements Scenario {

    private record Refusal(String field, UUID projectId, String code) {
    }

    private final List<Refusal> posted = new ArrayList<>();

    @Override
    public String name() {
        return "nul-at-the-door";
    }

    @Override
    public String fault() {
        return "registrations with U+0000 in name / investor posted mid-load";
    }

    @Override
    public void inject(FaultContext context) {
        String district = context.loadDistricts.get(0);
        List<Attempt> attempts = MilestoneClient.newAttemptLog();
        MilestoneClient client = new MilestoneClient(context.stack.milestoneUrl("/"), "d" + district, attempts);
        List<String> outcomes = new ArrayList<>();
        for (String field : List.of("name", "investor")) {
            UUID projectId = UUID.randomUUID();
            String code = "FAULT-NUL-" + projectId.toString().substring(0, 8);
            String name = field.equals("name") ? "零字符\\u0000项目" : "零字符项目";
            String investor = field.equals("investor") ? "某\\u0000集团" : "某集团";
            String json = """
                    {"projectId":"%s","code":"%s","name":"%s","district":"%s","chain":"%s","investor":"%s",
                     "plannedInvestmentCny":"100000000.00"}""".formatted(projectId, code, name, district, context.chain, investor);
            Optional<MilestoneClient.Answer> answer = client.postOnce("/api/projects", json, "faults/nul/" + projectId);
            posted.add(new Refusal(field, projectId, code));
            if (answer.isEmpty()) {
                context.problem("NUL in " + field + ": no answer (" + attempts.get(attempts.size() - 1).problem() + ")");
                outcomes.add(field + ": no answer");
                continue;
            }
            int status = answer.get().status();
            boolean namesField = status == 400 && namesField(answer.get().body(), field);
            outcomes.add(field + ": " + status + (namesField ? " naming it" : ""));
            if (!namesField) {
                context.problem("NUL in " + field + ": expected 400 problem+json naming '" + field + "', got " + status
                        + " " + abbreviate(answer.get().text()));
            }
        }
        context.extra("door: " + String.join(", ", outcomes));
    }

    @Override
    public void verify(FaultContext context) throws Exception {
        try (Connection connection = context.stack.postgres.connect(Stack.MILESTONES_DATABASE);
             PreparedStatement events = connection.prepareStatement(
                     "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?");
             PreparedStatement codes = connection.prepareStatement("SELECT count(*) FROM project_code WHERE code = ?")) {
            for (Refusal refusal : posted) {
                events.setString(1, refusal.projectId().toString());
                codes.setString(1, refusal.code());
                if (count(events) > 0) {
                    context.problem("NUL in " + refusal.field() + ": the event store holds project " + refusal.projectId());
                }
                if (count(codes) > 0) {
                    context.problem("NUL in " + refusal.field() + ": the code " + refusal.code() + " was claimed");
                }
            }
        }
    }

    private static boolean namesField(JsonNode problem, String field) {
        if (problem == null || problem.get("errors") == null) {
            return false;
        }
        for (JsonNode error : problem.get("errors")) {
            JsonNode name = error.get("field");
            if (name != null && name.asString().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static long count(PreparedStatement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
