package io.groundbreak.audit.funnel;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Random project histories that obey the aggregate's rules (docs/rules.md):
 * milestones above the highest stage (skips allowed) and not dated before it, corrections keeping dates
 * in order, retractions of the highest stage only, nothing while suspended, nothing after termination
 * but amendments; each event recorded at its own instant, later than the project's previous one. A correction,
 * retraction, termination or amendment may go through four eyes (schema 1.3): requested, then left pending, approved
 * (the change follows), rejected or withdrawn. And pairs' streams of duplicate decisions, reversals included.
 */
final class RandomHistories {

    static final LocalDate FIRST_DATE = LocalDate.parse("2023-01-01");
    static final LocalDate LAST_DATE = LocalDate.parse("2024-12-31");

    private final Random random;
    private final List<String> districts;
    private final List<String> chains;
    private final Instant firstRecorded;
    private final Duration recordingWindow;

    RandomHistories(Random random, List<String> districts, List<String> chains, Instant firstRecorded,
                    Duration recordingWindow) {
        this.random = random;
        this.districts = districts;
        this.chains = chains;
        this.firstRecorded = firstRecorded;
        this.recordingWindow = recordingWindow;
    }

    List<EventEnvelope> project(int steps) {
        ProjectId id = ProjectId.random();
        String district = pick(districts);
        String office = "d" + district;
        String reviewer = "r" + district;
        Instant time = firstRecorded.plusSeconds(random.nextLong(recordingWindow.toSeconds() / 2));
        List<EventEnvelope> history = new ArrayList<>();
        Map<Stage, LocalDate> recorded = new EnumMap<>(Stage.class);
        boolean suspended = false;
        boolean terminated = false;
        seal(history, time, office, new ProjectRegistered(id, "P-" + random.nextInt(1_000_000), "Project", district,
                pick(chains), "Investor", amount(), null));
        for (int n = 1; n < steps; n++) {
            time = time.plusSeconds(1 + random.nextLong(recordingWindow.toSeconds() / (2L * steps)));
            Map<Stage, LocalDate> before = new EnumMap<>(recorded);
            boolean terminatedBefore = terminated;
            ProjectEvent event = null;
            boolean reviewable = true;
            while (event == null) {
                int choice = random.nextInt(10);
                Stage highest = highest(recorded);
                reviewable = true;
                if (choice < 4 && !suspended && !terminated && highest != Stage.PRODUCING) {
                    Stage[] above = Stage.values();
                    int from = highest == null ? 0 : highest.ordinal() + 1;
                    Stage stage = above[from + random.nextInt(Math.min(2, above.length - from))];
                    LocalDate date = dateBetween(highest == null ? FIRST_DATE : recorded.get(highest), LAST_DATE);
                    recorded.put(stage, date);
                    event = new MilestoneRecorded(id, stage, date, random.nextBoolean() ? amount() : null, null);
                    reviewable = false;
                } else if (choice == 4 && !terminated && highest != null) {
                    Stage stage = pick(List.copyOf(recorded.keySet()));
                    LocalDate date = dateBetween(
                            recorded.entrySet().stream().filter(e -> e.getKey().compareTo(stage) < 0)
                                    .map(Map.Entry::getValue).max(LocalDate::compareTo).orElse(FIRST_DATE),
                            recorded.entrySet().stream().filter(e -> e.getKey().compareTo(stage) > 0)
                                    .map(Map.Entry::getValue).min(LocalDate::compareTo).orElse(LAST_DATE));
                    recorded.put(stage, date);
                    event = new MilestoneCorrected(id, stage, date, null, "typo");
                } else if (choice == 5 && !terminated && highest != null) {
                    recorded.remove(highest);
                    event = new MilestoneRetracted(id, highest, "posted too early");
                } else if (choice == 6 && !terminated) {
                    event = suspended ? new ProjectResumed(id, dateBetween(FIRST_DATE, LAST_DATE), "permits")
                            : new ProjectSuspended(id, dateBetween(FIRST_DATE, LAST_DATE), "permits");
                    suspended = !suspended;
                    reviewable = false;
                } else if (choice == 7 && !terminated && random.nextInt(3) == 0) {
                    terminated = true;
                    event = new ProjectTerminated(id, dateBetween(FIRST_DATE, LAST_DATE), "investor withdrew");
                } else if (choice == 8) {
                    event = random.nextBoolean()
                            ? new ProjectDetailsAmended(id, null, pick(chains), null, null, null, "re-classified")
                            : new ProjectDetailsAmended(id, null, null, null, amount(), null, "re-budgeted");
                } else if (choice == 9) {
                    event = new InvestmentReported(id, YearMonth.of(2024, 1 + random.nextInt(12)), amount());
                    reviewable = false;
                }
            }
            if (!reviewable || random.nextInt(3) > 0) {
                seal(history, time, office, event);
                continue;
            }
            // four eyes (schema 1.3): asked for, then pending, approved, rejected or withdrawn; only an approval
            // records the change, at once after it and by the approver
            ChangeRequestId request = ChangeRequestId.random();
            seal(history, time, office, ChangeRequested.of(request, event));
            int outcome = random.nextInt(4);
            Instant closed = time.plusSeconds(1);
            if (outcome == 0) {
                seal(history, closed, reviewer, new ChangeApproved(id, request, random.nextBoolean() ? "checked" : null));
                seal(history, closed, reviewer, event);
                continue;
            }
            if (outcome == 1) {
                seal(history, closed, reviewer, new ChangeRejected(id, request, "no evidence"));
            } else if (outcome == 2) {
                seal(history, closed, office, new ChangeWithdrawn(id, request, random.nextBoolean() ? "asked twice" : null));
            }
            recorded.clear();
            recorded.putAll(before);
            terminated = terminatedBefore;
        }
        return history;
    }

    /**
     * A pair's stream (district {@code city}): decisions recorded one after another once both projects are registered,
     * each other than the one before (a reversal, or another primary), by the city's office.
     */
    List<EventEnvelope> pair(List<EventEnvelope> one, List<EventEnvelope> other, int decisions) {
        ProjectId a = one.get(0).subject();
        ProjectId b = other.get(0).subject();
        ProjectId first = DuplicateDecided.first(a, b);
        ProjectId second = first.equals(a) ? b : a;
        ProjectId pair = DuplicateDecided.pairOf(a, b);
        Instant time = (one.get(0).time().isAfter(other.get(0).time()) ? one : other).get(0).time()
                .plusSeconds(1 + random.nextLong(recordingWindow.toSeconds() / 4));
        List<EventEnvelope> history = new ArrayList<>();
        ProjectId primary = null;
        boolean same = false;
        for (int n = 0; n < decisions; n++) {
            boolean wasSame = same;
            ProjectId wasPrimary = primary;
            do {
                same = n == 0 ? random.nextInt(3) > 0 : random.nextBoolean();
                primary = same ? (random.nextBoolean() ? first : second) : null;
            } while (n > 0 && same == wasSame && Objects.equals(primary, wasPrimary));
            seal(history, time, "admin", EventEnvelope.CITY, new DuplicateDecided(pair, first, second, same, primary,
                    same ? "one investment" : "two investments"));
            time = time.plusSeconds(1 + random.nextLong(recordingWindow.toSeconds() / (4L * decisions)));
        }
        return history;
    }

    private static void seal(List<EventEnvelope> history, Instant time, String recordedBy, ProjectEvent event) {
        String district = history.isEmpty() ? ((ProjectRegistered) event).district() : history.get(0).district();
        seal(history, time, recordedBy, district, event);
    }

    private static void seal(List<EventEnvelope> history, Instant time, String recordedBy, String district,
                             ProjectEvent event) {
        history.add(HashChain.seal(UUID.randomUUID(), history.size(), time, recordedBy,
                history.isEmpty() ? HashChain.GENESIS_PREV_HASH : history.get(history.size() - 1).hash(), district,
                event));
    }

    private static Stage highest(Map<Stage, LocalDate> recorded) {
        return recorded.keySet().stream().max(Stage::compareTo).orElse(null);
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(random.nextLong(1, 50_000_000_000L), 2);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
