package io.groundbreak.bench;

import io.groundbreak.events.Stage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one district office posts, over and over: it registers a project, then records its five stages
 * TALKS … PRODUCING with dates moving forward (never after today), then registers the next one. Six
 * events per project, each a separate HTTP request answered 201 on success.
 */
final class DistrictWorkload {

    private static final Pattern PROJECT_ID = Pattern.compile("\"projectId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);

    private final String district;
    private final List<String> chains;
    private final String runId;
    private final int client;
    private final Random random;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private long projectsRegistered;
    private String projectId;
    private int nextStage;
    private LocalDate nextDate;

    /** @param client this client's number in the run: several clients may share a district, never a code */
    DistrictWorkload(String district, List<String> chains, String runId, int client) {
        this.district = district;
        this.chains = chains;
        this.runId = runId;
        this.client = client;
        this.random = new Random(client);
    }

    String user() {
        return "d" + district;
    }

    String district() {
        return district;
    }

    WriteRequest next() {
        if (projectId == null || nextStage >= Stage.values().length) {
            return registration("");
        }
        return milestone(projectId, Stage.values()[nextStage], nextDate);
    }

    /**
     * The same six writes of a new project at once, for a batch ({@code POST /api/batch}): the registration names its
     * project id itself, as the demo loader's do, so that its milestones can follow it in the same batch. The one-by-one
     * sequence of {@link #next()} is not disturbed.
     */
    List<WriteRequest> project() {
        String id = UUID.randomUUID().toString();
        List<WriteRequest> writes = new ArrayList<>();
        writes.add(registration("\"projectId\":\"" + id + "\","));
        LocalDate date = EARLIEST.plusDays(random.nextInt(5 * 365));
        for (Stage stage : Stage.values()) {
            writes.add(milestone(id, stage, date));
            date = later(date);
        }
        return writes;
    }

    private WriteRequest registration(String projectIdField) {
        long number = projectsRegistered++;
        return new WriteRequest("/api/projects", String.format(Locale.ROOT, """
                {%s"code":"B%s-%d-%d","name":"基准项目 %d","district":"%s","chain":"%s","investor":"某某投资集团有限公司",\
                "plannedInvestmentCny":"%d.00"}""", projectIdField, runId, client, number, number, district,
                chains.get(random.nextInt(chains.size())), 50_000_000L + random.nextInt(2_000_000_000)), true);
    }

    private WriteRequest milestone(String project, Stage stage, LocalDate date) {
        return new WriteRequest("/api/projects/" + project + "/milestones", String.format(Locale.ROOT, """
                {"stage":"%s","effectiveDate":"%s","amountCny":"%d.00"}""", stage.name(), date,
                10_000_000L + random.nextInt(900_000_000)), false);
    }

    /** The next stage's date: up to 90 days on, never after today. */
    private LocalDate later(LocalDate date) {
        LocalDate later = date.plusDays(random.nextInt(90));
        return later.isAfter(today) ? today : later;
    }

    /** Moves on after an answer; a refused request abandons the project and the next one is registered. */
    void answered(WriteRequest request, int status, String body) {
        if (status != 201) {
            projectId = null;
            return;
        }
        if (request.registration()) {
            Matcher matcher = PROJECT_ID.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("a registration answered 201 without a projectId: " + body);
            }
            projectId = matcher.group(1);
            nextStage = 0;
            nextDate = EARLIEST.plusDays(random.nextInt(5 * 365));
        } else {
            nextStage++;
            nextDate = later(nextDate);
        }
    }
}
