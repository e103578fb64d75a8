package io.groundbreak.audit.funnel;

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
import java.util.Random;
import java.util.UUID;

/**
 * Random project histories that obey the aggregate's rules (docs/rules.md):
 * milestones above the highest stage (skips allowed) and not dated before it, corrections keeping dates
 * in order, retractions of the highest stage only, nothing while suspended, nothing after termination
 * but amendments; each event recorded at its own instant, later than the project's previous one.
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

    List<EventEnvelope> project(int events) {
        ProjectId id = ProjectId.random();
        String district = pick(districts);
        Instant time = firstRecorded.plusSeconds(random.nextLong(recordingWindow.toSeconds() / 2));
        List<EventEnvelope> history = new ArrayList<>();
        Map<Stage, LocalDate> recorded = new EnumMap<>(Stage.class);
        boolean suspended = false;
        boolean terminated = false;
        ProjectEvent event = new ProjectRegistered(id, "P-" + random.nextInt(1_000_000), "Project", district, pick(chains),
                "Investor", amount(), null);
        for (int n = 0; n < events; n++) {
            if (n > 0) {
                event = null;
                while (event == null) {
                    int choice = random.nextInt(10);
                    Stage highest = highest(recorded);
                    if (choice < 4 && !suspended && !terminated && highest != Stage.PRODUCING) {
                        Stage[] above = Stage.values();
                        int from = highest == null ? 0 : highest.ordinal() + 1;
                        Stage stage = above[from + random.nextInt(Math.min(2, above.length - from))];
                        LocalDate date = dateBetween(highest == null ? FIRST_DATE : recorded.get(highest), LAST_DATE);
                        recorded.put(stage, date);
                        event = new MilestoneRecorded(id, stage, date, random.nextBoolean() ? amount() : null, null);
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
                    } else if (choice == 7 && !terminated && random.nextInt(3) == 0) {
                        terminated = true;
                        event = new ProjectTerminated(id, dateBetween(FIRST_DATE, LAST_DATE), "investor withdrew");
                    } else if (choice == 8) {
                        event = random.nextBoolean()
                                ? new ProjectDetailsAmended(id, null, pick(chains), null, null, null, "re-classified")
                                : new ProjectDetailsAmended(id, null, null, null, amount(), null, "re-budgeted");
                    } else if (choice == 9) {
                        event = new InvestmentReported(id, YearMonth.of(2024, 1 + random.nextInt(12)), amount());
                    }
                }
            }
            EventEnvelope sealed = HashChain.seal(UUID.randomUUID(), n, time, "d" + district,
                    history.isEmpty() ? HashChain.GENESIS_PREV_HASH : history.get(history.size() - 1).hash(),
                    district, event);
            history.add(sealed);
            time = time.plusSeconds(1 + random.nextLong(recordingWindow.toSeconds() / (2L * events)));
        }
        return history;
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
