package io.groundbreak.audit.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.audit.funnel.FunnelModel;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.IdentityProvider;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.http.RoleMatrix;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The monthly close (issue 19) on the real stack: events over a real broker into the ledger, closes into
 * {@code period_close}, everything asked over HTTP. The month's figures are checked against an independent computation
 * from the events the test published ({@link FunnelModel}, which looks back for the last event answering each question,
 * per project and per instant), not against the service's own replay. Each test uses districts and months of its own
 * (the closes of the shared database stay between tests).
 */
class PeriodCloseIT extends AuditIT {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** Only this class records projects in 静海区 and closes its months. */
    private static final String DISTRICT = "120118";
    private static final YearMonth MARCH = YearMonth.of(2025, 3);

    /** A project's events as the test seals and publishes them. */
    private static final class Story {
        private final ProjectId id = ProjectId.random();
        private final List<EventEnvelope> events = new ArrayList<>();
        private final String district;

        Story(String district) {
            this.district = district;
        }

        EventEnvelope add(Instant time, ProjectEvent body) {
            EventEnvelope envelope = HashChain.seal(UUID.randomUUID(), events.size(), time, "d" + district,
                    events.isEmpty() ? HashChain.GENESIS_PREV_HASH : events.get(events.size() - 1).hash(), district, body);
            events.add(envelope);
            return envelope;
        }
    }

    @Test
    void aBackdatedEventAfterTheCloseIsARestatementListedWithItsEvent() {
        List<Story> stories = new ArrayList<>();
        // envelope times are milliseconds (EventTime)
        Instant[] clock = {Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS)};
        BiFunction<Story, ProjectEvent, EventEnvelope> before = (story, body) ->
                story.add(clock[0] = clock[0].plusSeconds(1), body);
        Story signedInMarch = story(stories, "JH-1", "3000000000.00", before);
        before.apply(signedInMarch, milestone(signedInMarch, Stage.TALKS, "2025-02-10"));
        before.apply(signedInMarch, milestone(signedInMarch, Stage.SIGNED, "2025-03-05"));
        Story talksInMarch = story(stories, "JH-2", "1000000000.00", before);
        before.apply(talksInMarch, milestone(talksInMarch, Stage.TALKS, "2025-03-01"));
        Story reporting = story(stories, "JH-3", "2000000000.00", before);
        before.apply(reporting, milestone(reporting, Stage.TALKS, "2025-01-05"));
        before.apply(reporting, milestone(reporting, Stage.SIGNED, "2025-02-01"));
        before.apply(reporting, new InvestmentReported(reporting.id, MARCH, new BigDecimal("120000000.00")));
        Story lostInMarch = story(stories, "JH-4", "500000000.00", before);
        before.apply(lostInMarch, milestone(lostInMarch, Stage.TALKS, "2025-03-10"));
        before.apply(lostInMarch, new ProjectTerminated(lostInMarch.id, LocalDate.parse("2025-03-20"), "investor withdrew"));
        Story inApril = story(stories, "JH-6", "800000000.00", before);
        before.apply(inApril, milestone(inApril, Stage.TALKS, "2025-04-02"));
        publish(stories);

        JsonNode open = get(month(MARCH) + "?district=" + DISTRICT, "leader").json();
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("asClosed").isNull()).isTrue();
        assertThat(figures(open.get("asKnownNow"))).isEqualTo(expected(stories, MARCH, Instant.now()));

        TextAnswer closed = postJson(month(MARCH) + "/close", "d" + DISTRICT, "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        Instant closedAt = Instant.parse(closed.json().get("at").asString());
        assertThat(closed.json().get("by").asString()).isEqualTo("d" + DISTRICT);
        assertThat(closed.json().get("action").asString()).isEqualTo("close");

        // recorded after the close, each a millisecond after the one before; effective in March or before, but one
        clock[0] = closedAt.truncatedTo(ChronoUnit.MILLIS);
        BiFunction<Story, ProjectEvent, EventEnvelope> after = (story, body) ->
                story.add(clock[0] = clock[0].plusMillis(1), body);
        List<UUID> restating = new ArrayList<>();
        restating.add(after.apply(talksInMarch, milestone(talksInMarch, Stage.LANDED, "2025-03-15")).id());
        restating.add(after.apply(signedInMarch, new MilestoneCorrected(signedInMarch.id, Stage.SIGNED,
                LocalDate.parse("2025-04-02"), null, "signed in April in fact")).id());
        restating.add(after.apply(reporting, new ProjectDetailsAmended(reporting.id, null, null, null,
                new BigDecimal("2600000000.00"), null, "second phase added")).id());
        restating.add(after.apply(reporting, new InvestmentReported(reporting.id, MARCH, new BigDecimal("150000000.00"))).id());
        Story registeredLate = story(stories, "JH-5", "700000000.00", after);
        restating.add(after.apply(registeredLate, milestone(registeredLate, Stage.TALKS, "2025-03-20")).id());
        EventEnvelope afterMarch = after.apply(inApril, milestone(inApril, Stage.SIGNED, "2025-05-01"));
        publish(stories);

        TextAnswer answer = get(month(MARCH) + "?district=" + DISTRICT, "d" + DISTRICT);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        Instant now = Instant.now();
        assertThat(report.get("status").asString()).isEqualTo("closed");
        assertThat(Instant.parse(report.get("closedAt").asString())).isEqualTo(closedAt);
        assertThat(report.get("closedBy").asString()).isEqualTo("d" + DISTRICT);
        Map<String, BigDecimal> asClosed = expected(stories, MARCH, closedAt);
        Map<String, BigDecimal> asKnownNow = expected(stories, MARCH, now);
        assertThat(figures(report.get("asClosed"))).isEqualTo(asClosed);
        assertThat(figures(report.get("asKnownNow"))).isEqualTo(asKnownNow);
        assertThat(changes(report.get("differences"))).isEqualTo(difference(asClosed, asKnownNow)).isNotEmpty();

        // the restatements: exactly the later events that change a figure, each with what the model says it changed
        List<EventEnvelope> later = stories.stream().flatMap(s -> s.events.stream())
                .filter(e -> e.time().isAfter(closedAt)).sorted(Comparator.comparing(EventEnvelope::time)).toList();
        Map<UUID, Map<String, BigDecimal>> expectedChanges = new LinkedHashMap<>();
        for (EventEnvelope event : later) {
            Map<String, BigDecimal> change = difference(expected(stories, MARCH, event.time().minusNanos(1000)),
                    expected(stories, MARCH, event.time()));
            if (!change.isEmpty()) {
                expectedChanges.put(event.id(), change);
            }
        }
        assertThat(expectedChanges.keySet()).as("the scenario's own expectation").containsExactlyElementsOf(restating)
                .doesNotContain(afterMarch.id());
        JsonNode restatements = report.get("restatements");
        assertThat(restatements).hasSize(restating.size());
        Map<String, BigDecimal> summed = new TreeMap<>();
        for (int i = 0; i < restatements.size(); i++) {
            JsonNode restatement = restatements.get(i);
            UUID eventId = restating.get(i);
            EventEnvelope event = later.stream().filter(e -> e.id().equals(eventId)).findFirst().orElseThrow();
            assertThat(UUID.fromString(restatement.get("eventId").asString())).isEqualTo(restating.get(i));
            assertThat(restatement.get("projectId").asString()).isEqualTo(event.subject().toString());
            assertThat(restatement.get("type").asString()).isEqualTo(event.type());
            assertThat(restatement.get("sequence").asLong()).isEqualTo(event.sequence());
            assertThat(Instant.parse(restatement.get("recordedAt").asString())).isEqualTo(event.time());
            assertThat(restatement.get("recordedBy").asString()).isEqualTo("d" + DISTRICT);
            assertThat(changes(restatement.get("changes"))).isEqualTo(expectedChanges.get(event.id()));
            changes(restatement.get("changes")).forEach((figure, change) -> summed.merge(figure, change, BigDecimal::add));
        }
        summed.values().removeIf(change -> change.signum() == 0);
        assertThat(summed).as("the restatements add up to the differences").isEqualTo(changes(report.get("differences")));
        JsonNode landed = restatements.get(0);
        assertThat(landed.get("code").asString()).startsWith("JH-2-");
        assertThat(landed.get("stage").asString()).isEqualTo("LANDED");
        assertThat(landed.get("effective").asString()).isEqualTo("2025-03-15");
        assertThat(restatements.get(3).get("effective").asString()).isEqualTo("2025-03");
        assertThat(restatements.get(2).get("effective").isNull()).isTrue();
        assertThat(report.get("freshness").get("lag").isMissingNode()).isFalse();
    }

    /**
     * Issue 20: a duplicate (the non-primary of a pair decided the same) is in no figure of its district's month as known
     * at the instant; a decision recorded after the close that takes a project out or brings it back is a restatement
     * (by the city's office, on the pair's stream), and an event of a project while it is a duplicate restates nothing.
     * A district's REVIEWER reads the month like its office and closes nothing.
     */
    @Test
    void aDuplicateDecidedAfterTheCloseRestatesTheMonthAndAReviewerReadsIt() {
        String district = "120119";
        YearMonth month = YearMonth.of(2019, 3);
        String path = month(month) + "?district=" + district;
        Instant[] clock = {Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS)};
        BiFunction<Story, ProjectEvent, EventEnvelope> before = (story, body) ->
                story.add(clock[0] = clock[0].plusSeconds(1), body);
        List<Story> stories = new ArrayList<>();
        Story leaving = registered(stories, district, "XH-1", "100000000.00", before);
        before.apply(leaving, milestone(leaving, Stage.TALKS, "2019-03-03"));
        Story returning = registered(stories, district, "XH-2", "300000000.00", before);
        before.apply(returning, milestone(returning, Stage.TALKS, "2019-03-04"));
        Story primary = registered(stories, "120106", "XH-3", "500000000.00", before);
        before.apply(primary, milestone(primary, Stage.TALKS, "2019-03-05"));
        List<EventEnvelope> returningPair = new ArrayList<>();
        decide(returningPair, returning.id, primary.id, primary.id, clock[0] = clock[0].plusSeconds(1));
        publish(stories);
        topic.send(returningPair.toArray(EventEnvelope[]::new));
        awaitLedger(List.of(returningPair));

        JsonNode open = get(path, "r" + district).json();
        assertThat(figures(open.get("asKnownNow")).get("TALKS.reached")).as("the duplicate is left out").isEqualTo(BigDecimal.ONE);
        assertProblem(post(month(month) + "/close", "r" + district), 403);
        assertProblem(get(month(month) + "?district=120106", "r" + district), 403);
        assertProblem(get(month(month) + "/closes", "r" + district), 403);
        TextAnswer closed = post(month(month) + "/close", "d" + district);
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        Instant closedAt = Instant.parse(closed.json().get("at").asString());

        clock[0] = closedAt.truncatedTo(ChronoUnit.MILLIS);
        List<EventEnvelope> leavingPair = new ArrayList<>();
        EventEnvelope out = decide(leavingPair, leaving.id, primary.id, primary.id, clock[0] = clock[0].plusMillis(1));
        leaving.add(clock[0] = clock[0].plusMillis(1), milestone(leaving, Stage.SIGNED, "2019-03-20"));
        EventEnvelope back = decide(returningPair, returning.id, primary.id, null, clock[0] = clock[0].plusMillis(1));
        publish(stories);
        topic.send(leavingPair.toArray(EventEnvelope[]::new));
        topic.send(returningPair.toArray(EventEnvelope[]::new));
        awaitLedger(List.of(leavingPair, returningPair));

        TextAnswer answer = get(path, "r" + district);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(figures(report.get("asClosed"))).containsEntry("TALKS.reached", BigDecimal.ONE)
                .containsEntry("TALKS.reachedInvestmentCny", new BigDecimal("1E+8"))
                .containsEntry("SIGNED.reached", BigDecimal.ZERO);
        assertThat(figures(report.get("asKnownNow"))).containsEntry("TALKS.reached", BigDecimal.ONE)
                .containsEntry("TALKS.reachedInvestmentCny", new BigDecimal("3E+8"))
                .containsEntry("SIGNED.reached", BigDecimal.ZERO);
        JsonNode restatements = report.get("restatements");
        assertThat(restatements).hasSize(2);
        for (JsonNode restatement : restatements) {
            assertThat(restatement.get("type").asString()).isEqualTo("DuplicateDecided");
            assertThat(restatement.get("recordedBy").asString()).isEqualTo("admin");
        }
        assertThat(restatements.get(0).get("eventId").asString()).isEqualTo(out.id().toString());
        assertThat(restatements.get(0).get("projectId").asString()).isEqualTo(leaving.id.toString());
        assertThat(changes(restatements.get(0).get("changes"))).containsEntry("TALKS.reached", BigDecimal.ONE.negate());
        assertThat(restatements.get(1).get("eventId").asString()).isEqualTo(back.id().toString());
        assertThat(restatements.get(1).get("projectId").asString()).isEqualTo(returning.id.toString());
        assertThat(restatements.get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(changes(restatements.get(1).get("changes"))).containsEntry("TALKS.reached", BigDecimal.ONE);
        Map<String, BigDecimal> summed = new TreeMap<>();
        restatements.forEach(restatement -> changes(restatement.get("changes"))
                .forEach((figure, change) -> summed.merge(figure, change, BigDecimal::add)));
        summed.values().removeIf(change -> change.signum() == 0);
        assertThat(summed).as("the restatements add up to the differences").isEqualTo(changes(report.get("differences")));
    }

    @Test
    void aDistrictClosesAndReadsItsOwnMonthOnlyAndLeadersReadEvery() {
        String own = "120114";
        String other = "120111";
        String path = month(MARCH);
        assertProblem(postJson(path + "/close", "d" + own, "{\"district\":\"" + other + "\"}"), 403);
        assertProblem(get(path + "?district=" + other, "d" + own), 403);
        assertProblem(post(path + "/close", "leader"), 403);
        assertProblem(post(path + "/close", "auditor"), 403);
        assertProblem(post(path + "/close", null), 401);
        assertProblem(postJson(path + "/reopen", "d" + own, "{\"district\":\"" + own + "\",\"reason\":\"r\"}"), 403);
        assertProblem(postJson(path + "/reopen", "leader", "{\"district\":\"" + own + "\",\"reason\":\"r\"}"), 403);
        assertProblem(get(path + "/closes", "d" + own), 403);
        assertThat(invalid(postJson(path + "/close", "admin", "{}"))).containsExactly("district");
        assertThat(invalid(get(path, "leader"))).containsExactly("district");
        assertThat(history(own, MARCH)).as("nothing written by a refusal").isEmpty();
        assertThat(history(other, MARCH)).isEmpty();

        TextAnswer byAdmin = postJson(path + "/close", "admin", "{\"district\":\"" + other + "\"}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        assertThat(byAdmin.json().get("district").asString()).isEqualTo(other);
        TextAnswer byOffice = post(path + "/close", "d" + own);
        assertThat(byOffice.status()).as(byOffice.body()).isEqualTo(201);
        assertThat(byOffice.json().get("district").asString()).isEqualTo(own);

        JsonNode ownMonth = get(path, "d" + other).json();
        assertThat(ownMonth.get("district").asString()).isEqualTo(other);
        assertThat(ownMonth.get("status").asString()).isEqualTo("closed");
        assertThat(ownMonth.get("closedBy").asString()).isEqualTo("admin");
        for (String reader : List.of("leader", "auditor", "admin")) {
            TextAnswer read = get(path + "?district=" + own, reader);
            assertThat(read.status()).as(reader).isEqualTo(200);
            assertThat(read.json().get("closedBy").asString()).isEqualTo("d" + own);
        }
        assertThat(get(path + "/closes", "leader").status()).isEqualTo(200);
    }

    /**
     * With access tokens of the identity provider (infra/test-support's Keycloak): a district's machine client closes
     * its own district's month (closedBy is its service account), a district office's token reads its own month only,
     * and an auditor's token reads the city's list.
     */
    @Test
    void bearerTokensActAsTheirCallerAndADistrictsTokenKeepsToItsDistrict() {
        IdentityProvider provider = TestInfrastructure.get().identityProvider();
        String own = "120115";
        String path = month(YearMonth.of(2024, 2));
        String machine = "Bearer " + provider.clientToken(own);
        assertProblem(authorized("POST", path + "/close", machine, "{\"district\":\"120116\"}"), 403);
        TextAnswer closed = authorized("POST", path + "/close", machine, "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);
        assertThat(closed.json().get("district").asString()).isEqualTo(own);

        String office = "Bearer " + provider.passwordToken("d" + own);
        TextAnswer read = authorized("GET", path, office, null);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("closedBy").asString()).isEqualTo("service-account-district-" + own);
        assertProblem(authorized("GET", path + "?district=120116", office, null), 403);
        assertProblem(authorized("GET", path + "/closes", office, null), 403);
        assertThat(authorized("GET", path + "/closes", "Bearer " + provider.passwordToken("auditor"), null).status())
                .isEqualTo(200);
        assertProblem(authorized("GET", path, "Bearer " + provider.otherRealmToken("d" + own), null), 401);
    }

    @Test
    void onlyAnAdminReopensAndOnlyWithAReasonAndEveryActIsKept() {
        String district = "120112";
        YearMonth june = YearMonth.of(2025, 6);
        String path = month(june);
        assertThat(post(path + "/close", "d" + district).status()).isEqualTo(201);
        TextAnswer twice = post(path + "/close", "d" + district);
        assertProblem(twice, 409);
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:groundbreak:problem:period-already-closed");
        assertThat(twice.json().get("closedBy").asString()).isEqualTo("d" + district);

        assertThat(invalid(postJson(path + "/reopen", "admin", "{\"district\":\"" + district + "\"}"))).containsExactly("reason");
        assertThat(invalid(postJson(path + "/reopen", "admin", "{\"district\":\"" + district + "\",\"reason\":\"  \"}")))
                .containsExactly("reason");
        assertThat(invalid(postJson(path + "/reopen", "admin", "{\"district\":\"" + district + "\",\"reason\":\"a\\u0000b\"}")))
                .containsExactly("reason");
        assertThat(invalid(postJson(path + "/reopen", "admin", "{\"reason\":\"why\"}"))).containsExactly("district");
        assertThat(invalid(post(path + "/reopen", "admin"))).containsExactlyInAnyOrder("district", "reason");
        assertThat(history(district, june)).as("nothing written by a refusal").hasSize(1);

        TextAnswer reopened = postJson(path + "/reopen", "admin",
                "{\"district\":\"" + district + "\",\"reason\":\"a project's June signing was entered in July\"}");
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().get("action").asString()).isEqualTo("reopen");
        assertThat(reopened.json().get("step").asInt()).isEqualTo(1);
        JsonNode open = get(path, "d" + district).json();
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("asClosed").isNull()).isTrue();
        TextAnswer again = postJson(path + "/reopen", "admin", "{\"district\":\"" + district + "\",\"reason\":\"again\"}");
        assertProblem(again, 409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:groundbreak:problem:period-not-closed");

        assertThat(post(path + "/close", "d" + district).status()).isEqualTo(201);
        List<JsonNode> history = history(district, june);
        assertThat(history).extracting(act -> act.get("action").asString()).containsExactly("close", "reopen", "close");
        assertThat(history).extracting(act -> act.get("by").asString()).containsExactly("d" + district, "admin", "d" + district);
        assertThat(history.get(1).get("reason").asString()).isEqualTo("a project's June signing was entered in July");
        assertThat(history.get(0).get("reason").isNull()).isTrue();
        assertThat(get(path, "d" + district).json().get("status").asString()).isEqualTo("closed");
    }

    @Test
    void closesAtTheSameTimeKeepOne() {
        YearMonth september = YearMonth.of(2025, 9);
        for (int round = 0; round < 3; round++) {
            String district = List.of("120113", "120105", "120106").get(round);
            List<CompletableFuture<TextAnswer>> closes = List.of(
                    CompletableFuture.supplyAsync(() -> post(month(september) + "/close", "d" + district)),
                    CompletableFuture.supplyAsync(() -> postJson(month(september) + "/close", "admin",
                            "{\"district\":\"" + district + "\"}")),
                    CompletableFuture.supplyAsync(() -> post(month(september) + "/close", "d" + district)));
            List<Integer> statuses = closes.stream().map(CompletableFuture::join).map(TextAnswer::status).sorted().toList();
            assertThat(statuses).as(district).containsExactly(201, 409, 409);
            assertThat(history(district, september)).as("one close kept").hasSize(1);
        }
    }

    @Test
    void badMonthsAndMonthsNotEndedAreRefusedAndNothingIsWritten() {
        String district = "120110";
        YearMonth thisMonth = YearMonth.now(CITY);
        for (String bad : List.of("2024-13", "2024-3", "2024-00", "March", "20240-01")) {
            assertThat(invalid(post("/api/periods/" + bad + "/close", "d" + district))).as(bad).containsExactly("period");
            assertThat(invalid(get("/api/periods/" + bad + "?district=" + district, "leader"))).as(bad).containsExactly("period");
            assertThat(invalid(get("/api/periods/" + bad + "/closes", "leader"))).as(bad).containsExactly("period");
            assertThat(invalid(postJson("/api/periods/" + bad + "/reopen", "admin",
                    "{\"district\":\"" + district + "\",\"reason\":\"r\"}"))).as(bad).containsExactly("period");
        }
        assertThat(invalid(postJson(month(MARCH) + "/close", "admin", "{\"district\":\"999999\"}"))).containsExactly("district");
        assertThat(invalid(get(month(MARCH) + "?district=999999", "leader"))).containsExactly("district");
        assertProblem(postJson(month(MARCH) + "/close", "d" + district, "{not json"), 400);
        for (YearMonth notEnded : List.of(thisMonth, thisMonth.plusMonths(1), thisMonth.plusYears(3))) {
            TextAnswer refused = post(month(notEnded) + "/close", "d" + district);
            assertProblem(refused, 422);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:groundbreak:problem:period-not-ended");
            assertThat(history(district, notEnded)).as("nothing written").isEmpty();
        }
        assertThat(history(district, MARCH)).isEmpty();
    }

    @Test
    void theCityViewSaysWhoClosedOnTimeLateOrNotAtAll() {
        YearMonth january = YearMonth.of(2025, 1);
        assertThat(post(month(january) + "/close", "d120101").status()).isEqualTo(201);
        assertThat(postJson(month(january) + "/reopen", "admin", "{\"district\":\"120101\",\"reason\":\"wrong figures\"}")
                .status()).isEqualTo(200);
        assertThat(post(month(january) + "/close", "d120101").status()).isEqualTo(201);
        YearMonth lastMonth = YearMonth.now(CITY).minusMonths(1);
        assertThat(post(month(lastMonth) + "/close", "d120102").status()).isEqualTo(201);

        JsonNode board = get(month(january) + "/closes", "leader").json();
        assertThat(board.get("deadline").asString()).isEqualTo("2025-02-05");
        assertThat(board.get("deadlinePassed").asBoolean()).isTrue();
        List<JsonNode> districts = new ArrayList<>();
        board.get("districts").forEach(districts::add);
        assertThat(districts).extracting(d -> d.get("district").asString()).hasSize(16).startsWith("120101", "120102")
                .endsWith("120119");
        Map<String, String> statuses = districts.stream().collect(Collectors.toMap(d -> d.get("district").asString(),
                d -> d.get("status").asString()));
        assertThat(statuses.get("120101")).isEqualTo("late");
        assertThat(statuses.values().stream().filter(s -> !s.equals("not-closed")).count()).isEqualTo(1);
        assertThat(districts.get(0).get("closedBy").asString()).isEqualTo("d120101");
        assertThat(districts.get(0).get("reopens").asInt()).isEqualTo(1);
        assertThat(districts.get(0).get("nameZh").asString()).isEqualTo("和平区");
        assertThat(districts.get(1).get("closedAt").isNull()).isTrue();

        // last month's deadline is the 5th of this one: on time until then, late after (the day in the city, included)
        JsonNode recent = get(month(lastMonth) + "/closes", "auditor").json();
        boolean byTheDeadline = LocalDate.now(CITY).getDayOfMonth() <= 5;
        assertThat(recent.get("districts").get(1).get("status").asString()).isEqualTo(byTheDeadline ? "on-time" : "late");
        assertThat(recent.get("deadlinePassed").asBoolean()).isEqualTo(!byTheDeadline);
    }

    private Story story(List<Story> stories, String code, String planned,
                        BiFunction<Story, ProjectEvent, EventEnvelope> record) {
        return registered(stories, DISTRICT, code, planned, record);
    }

    private static Story registered(List<Story> stories, String district, String code, String planned,
                                    BiFunction<Story, ProjectEvent, EventEnvelope> record) {
        Story story = new Story(district);
        record.apply(story, new ProjectRegistered(story.id, code + "-" + story.id.value().toString().substring(0, 8),
                "项目 " + code, district, "new-energy", "Investor", new BigDecimal(planned), null));
        stories.add(story);
        return story;
    }

    /** The city's office decides on the pair (schema 1.3): the same with {@code primary}, or (null) not the same. */
    private static EventEnvelope decide(List<EventEnvelope> pair, ProjectId one, ProjectId other, ProjectId primary,
                                        Instant at) {
        ProjectId first = DuplicateDecided.first(one, other);
        EventEnvelope decision = HashChain.seal(UUID.randomUUID(), pair.size(), at, "admin",
                pair.isEmpty() ? HashChain.GENESIS_PREV_HASH : pair.get(pair.size() - 1).hash(), EventEnvelope.CITY,
                new DuplicateDecided(DuplicateDecided.pairOf(one, other), first, first.equals(one) ? other : one,
                        primary != null, primary, primary != null ? "one investment" : "two investments"));
        pair.add(decision);
        return decision;
    }

    private static MilestoneRecorded milestone(Story story, Stage stage, String date) {
        return new MilestoneRecorded(story.id, stage, LocalDate.parse(date), null, null);
    }

    /** Sends what was not sent yet and waits until the ledger holds every event. */
    private void publish(List<Story> stories) {
        List<List<EventEnvelope>> histories = stories.stream().map(s -> s.events).toList();
        for (List<EventEnvelope> history : histories) {
            topic.send(history.toArray(EventEnvelope[]::new)); // events sent again are redeliveries: skipped
        }
        awaitLedger(histories);
    }

    /**
     * The month's figures as known at an instant, computed from the published events alone: per project, the model's
     * funnel on the month's last day and on the previous month's last day, and its reports for the month.
     */
    private static Map<String, BigDecimal> expected(List<Story> stories, YearMonth period, Instant knownAt) {
        Map<String, BigDecimal> figures = new TreeMap<>();
        LocalDate end = period.atEndOfMonth();
        LocalDate start = period.minusMonths(1).atEndOfMonth();
        for (Stage stage : Stage.values()) {
            for (String figure : List.of("reachedInMonth", "reached", "current", "lost", "reachedInvestmentCny",
                    "currentInvestmentCny")) {
                figures.put(stage + "." + figure, BigDecimal.ZERO);
            }
        }
        figures.put("lostInMonth", BigDecimal.ZERO);
        figures.put("investmentReports", BigDecimal.ZERO);
        figures.put("completedInvestmentCny", BigDecimal.ZERO);
        for (Story story : stories) {
            List<List<EventEnvelope>> one = List.of(story.events);
            FunnelModel.ExpectedFunnel atEnd = FunnelModel.funnel(one, end, knownAt, DISTRICT, null);
            FunnelModel.ExpectedFunnel atStart = FunnelModel.funnel(one, start, knownAt, DISTRICT, null);
            boolean lostByEnd = false;
            boolean lostByStart = false;
            for (int i = 0; i < Stage.values().length; i++) {
                FunnelModel.Expected e = atEnd.stages().get(i);
                String stage = e.stage() + ".";
                add(figures, stage + "reached", e.reached());
                add(figures, stage + "current", e.current());
                add(figures, stage + "lost", e.lost());
                figures.merge(stage + "reachedInvestmentCny", e.reachedInvestment(), BigDecimal::add);
                figures.merge(stage + "currentInvestmentCny", e.currentInvestment(), BigDecimal::add);
                add(figures, stage + "reachedInMonth", e.reached() == 1 && atStart.stages().get(i).reached() == 0 ? 1 : 0);
                lostByEnd |= e.lost() == 1;
                lostByStart |= atStart.stages().get(i).lost() == 1;
            }
            add(figures, "lostInMonth", lostByEnd && !lostByStart ? 1 : 0);
            story.events.stream().filter(e -> !e.time().isAfter(knownAt))
                    .map(EventEnvelope::data).filter(b -> b instanceof InvestmentReported r && r.period().equals(period))
                    .map(b -> ((InvestmentReported) b).cumulativeCompletedCny()).reduce((first, last) -> last)
                    .ifPresent(completed -> {
                        add(figures, "investmentReports", 1);
                        figures.merge("completedInvestmentCny", completed, BigDecimal::add);
                    });
        }
        figures.replaceAll((figure, value) -> value.stripTrailingZeros());
        return figures;
    }

    private static void add(Map<String, BigDecimal> figures, String figure, long count) {
        figures.merge(figure, BigDecimal.valueOf(count), BigDecimal::add);
    }

    /** The answer's figures in the keys of {@link #expected}. */
    private static Map<String, BigDecimal> figures(JsonNode month) {
        Map<String, BigDecimal> figures = new TreeMap<>();
        month.get("stages").forEach(stage -> {
            String prefix = stage.get("stage").asString() + ".";
            for (String figure : List.of("reachedInMonth", "reached", "current", "lost", "reachedInvestmentCny",
                    "currentInvestmentCny")) {
                figures.put(prefix + figure, new BigDecimal(stage.get(figure).asString()).stripTrailingZeros());
            }
        });
        for (String figure : List.of("lostInMonth", "investmentReports", "completedInvestmentCny")) {
            figures.put(figure, new BigDecimal(month.get(figure).asString()).stripTrailingZeros());
        }
        return figures;
    }

    /** Figure → change, from a list of {figure, stage, before, after, change}. */
    private static Map<String, BigDecimal> changes(JsonNode list) {
        Map<String, BigDecimal> changes = new TreeMap<>();
        list.forEach(change -> {
            String figure = change.get("stage").isNull() ? change.get("figure").asString()
                    : change.get("stage").asString() + "." + change.get("figure").asString();
            BigDecimal value = new BigDecimal(change.get("change").asString()).stripTrailingZeros();
            assertThat(new BigDecimal(change.get("after").asString()).subtract(new BigDecimal(change.get("before").asString())))
                    .isEqualByComparingTo(value);
            changes.put(figure, value);
        });
        return changes;
    }

    private static Map<String, BigDecimal> difference(Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Map<String, BigDecimal> changes = new TreeMap<>();
        after.forEach((figure, value) -> {
            BigDecimal change = value.subtract(before.get(figure));
            if (change.signum() != 0) {
                changes.put(figure, change.stripTrailingZeros());
            }
        });
        return changes;
    }

    /**
     * Each role's real token on each endpoint of the service (issue 21): the allowed callers get an answer that is not a
     * refusal (200, or 400/404 for these harmless parameters), every other caller 403; a district office, its reviewer
     * and its machine client read their own district's month only. The writes (close, reopen, dead-letter actions)
     * and the reconciliation (which asks funnel-service, not served here) are only sent with the tokens that must be
     * refused, so nothing is closed or reprocessed.
     */
    @Test
    void theRoleTimesEndpointMatrixWithRealTokensHasNoLeak() {
        RoleMatrix matrix = new RoleMatrix(TestInfrastructure.get().identityProvider(), port);
        List<String> auditors = List.of("auditor", "admin");
        String month = month(YearMonth.of(2024, 1));
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        allowed.put("GET /api/audit/projects/" + UUID.randomUUID() + "/history", auditors);
        allowed.put("GET /api/audit/funnel?validAt=2024-01-31", auditors);
        allowed.put("POST /api/audit/verification", auditors);
        allowed.put("GET /api/audit/export?project=" + UUID.randomUUID(), auditors);
        allowed.put("GET /api/admin/dead-letters", auditors);
        allowed.put("GET /api/admin/dead-letters/operations", auditors);
        allowed.put("GET " + month + "?district=120116", matrix.users());
        allowed.put("GET " + month + "?district=120101", List.of("leader", "auditor", "admin"));
        allowed.put("GET " + month + "/closes", List.of("leader", "auditor", "admin"));
        Map<String, List<String>> refused = new LinkedHashMap<>();
        List<String> allButAdmin = matrix.users().stream().filter(user -> !user.equals("admin")).toList();
        refused.put("POST /api/audit/reconciliation", List.of("leader", "d120116", "r120116", "district-120116"));
        refused.put("POST " + month + "/close {\"district\":\"120116\"}", List.of("leader", "auditor", "r120116"));
        refused.put("POST " + month + "/close {\"district\":\"120101\"}", allButAdmin);
        refused.put("POST " + month + "/reopen {\"district\":\"120116\",\"reason\":\"matrix\"}", allButAdmin);
        for (String path : List.of("/api/admin/dead-letters/" + UUID.randomUUID() + "/reprocess",
                "/api/admin/dead-letters/projects/" + UUID.randomUUID() + "/reprocess",
                "/api/admin/dead-letters/" + UUID.randomUUID() + "/discard")) {
            refused.put("POST " + path, allButAdmin);
        }

        assertThat(matrix.leaks(allowed, refused)).isEmpty();
    }

    private List<JsonNode> history(String district, YearMonth period) {
        TextAnswer answer = get(month(period) + "?district=" + district, "admin");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> acts = new ArrayList<>();
        answer.json().get("history").forEach(acts::add);
        return acts;
    }

    private static String month(YearMonth period) {
        return "/api/periods/" + period;
    }

    private static void assertProblem(TextAnswer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static List<String> invalid(TextAnswer answer) {
        assertProblem(answer, 400);
        return answer.invalidFields();
    }
}
