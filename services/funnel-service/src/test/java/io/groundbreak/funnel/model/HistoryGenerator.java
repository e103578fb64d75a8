package io.groundbreak.funnel.model;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random project histories that milestone-service would accept (docs/rules.md):
 * stages only go up, skipping some; dates never go back below the highest stage's; corrections keep the
 * dates in order; only the highest stage is retracted; nothing is recorded while suspended or after
 * termination. Dates lie in 2019–2023, so every one is backdated; terminations may be backdated too. A quarter of the
 * corrections, retractions, terminations and amendments are change requests (schema 1.3), approved (the change
 * follows), rejected, withdrawn or left pending: only an approved one changes the project.
 */
public final class HistoryGenerator {

    private static final LocalDate EARLIEST = LocalDate.parse("2019-01-01");
    /** Days to the next stage on either side of the cohorts' windows' ends (90, 180, 365 days: in, and just out). */
    private static final List<Integer> WINDOW_EDGES = List.of(90, 91, 180, 181, 365, 366);

    private final Random random;
    private final List<String> districts;
    private final List<String> chains;

    public HistoryGenerator(Random random, List<String> districts, List<String> chains) {
        this.random = random;
        this.districts = districts;
        this.chains = chains;
    }

    /** One project's events, in order. */
    public List<EventEnvelope> project() {
        String district = pick(districts);
        ProjectStream stream = new ProjectStream(district);
        ProjectId id = stream.projectId;
        List<EventEnvelope> events = new ArrayList<>();
        LocalDate start = EARLIEST.plusDays(random.nextInt(4 * 365));
        boolean supervised = random.nextBoolean();
        events.add(stream.next(new ProjectRegistered(id, "P-" + id.toString().substring(0, 8), "项目 " + id.toString().substring(0, 4),
                district, pick(chains), "Investor " + random.nextInt(100), amount(), random.nextBoolean() ? null : "Park " + random.nextInt(5),
                supervised ? plans(start, null) : null, supervised ? "责任人 " + random.nextInt(9) : null,
                supervised && random.nextBoolean() ? "包联领导 " + random.nextInt(9) : null,
                random.nextInt(3) == 0 ? null : pick(SOURCES))));
        Map<Stage, LocalDate> recorded = new EnumMap<>(Stage.class);
        boolean suspended = false;
        boolean terminated = false;
        LocalDate suspendedOn = null;
        BigDecimal completed = BigDecimal.ZERO;
        int steps = random.nextInt(10);
        for (int step = 0; step < steps && !terminated; step++) {
            Map<Stage, LocalDate> recordedBefore = new EnumMap<>(recorded);
            Stage highest = highest(recorded);
            LocalDate floor = highest == null ? start : recorded.get(highest);
            ProjectEvent event = null;
            switch (random.nextInt(12)) {
                case 0, 1, 2, 3, 4 -> {
                    if (!suspended && highest != Stage.PRODUCING) {
                        int next = highest == null ? random.nextInt(3) : highest.ordinal() + 1 + (random.nextInt(4) == 0 ? 1 : 0);
                        Stage stage = Stage.values()[Math.min(next, Stage.PRODUCING.ordinal())];
                        LocalDate date = floor.plusDays(random.nextInt(4) == 0 ? 0
                                : random.nextInt(6) == 0 ? pick(WINDOW_EDGES) : random.nextInt(240));
                        recorded.put(stage, date);
                        event = new MilestoneRecorded(id, stage, date, random.nextBoolean() ? amount() : null, null);
                    }
                }
                case 5 -> {
                    if (!recorded.isEmpty()) {
                        Stage stage = pick(new ArrayList<>(recorded.keySet()));
                        LocalDate low = recorded.entrySet().stream().filter(e -> e.getKey().compareTo(stage) < 0)
                                .map(Map.Entry::getValue).max(LocalDate::compareTo).orElse(start.minusDays(200));
                        LocalDate high = recorded.entrySet().stream().filter(e -> e.getKey().compareTo(stage) > 0)
                                .map(Map.Entry::getValue).min(LocalDate::compareTo).orElse(low.plusDays(400));
                        LocalDate date = low.plusDays(random.nextInt((int) (high.toEpochDay() - low.toEpochDay()) + 1));
                        recorded.put(stage, date);
                        event = new MilestoneCorrected(id, stage, date, random.nextBoolean() ? amount() : null, "typo");
                    }
                }
                case 6 -> {
                    if (highest != null) {
                        recorded.remove(highest);
                        event = new MilestoneRetracted(id, highest, "recorded by mistake");
                    }
                }
                case 7 -> {
                    if (suspended) {
                        suspended = false;
                        event = new ProjectResumed(id, suspendedOn.plusDays(random.nextInt(120)), "land found");
                    } else {
                        suspended = true;
                        suspendedOn = floor.plusDays(random.nextInt(200));
                        event = new ProjectSuspended(id, suspendedOn, "awaiting approval");
                    }
                }
                case 8 -> {
                    terminated = true;
                    event = new ProjectTerminated(id, floor.plusDays(random.nextInt(300) - 100), "investor withdrew");
                }
                case 9, 10 -> {
                    completed = completed.add(amount());
                    event = new InvestmentReported(id, YearMonth.from(start).plusMonths(random.nextInt(48)), completed);
                }
                default -> {
                    String name = random.nextBoolean() ? "新名称 " + step : null;
                    String chain = random.nextBoolean() ? pick(chains) : null;
                    // an amendment changes at least one field
                    BigDecimal planned = name == null && chain == null || random.nextBoolean() ? amount() : null;
                    // new plans for the stages ahead, in order from the highest stage's date (as the aggregate wants)
                    PlannedDates plans = highest != Stage.PRODUCING && random.nextInt(3) == 0 ? plans(floor, highest) : null;
                    String source = random.nextInt(4) == 0 ? pick(SOURCES) : null;
                    event = new ProjectDetailsAmended(id, name, chain, null, planned, null, plans, null, null, source,
                            "plan revised");
                }
            }
            if (event != null && requested(event)) {
                // a change above the review bounds (schema 1.3): requested, then approved, rejected, withdrawn or left
                ChangeRequestId request = ChangeRequestId.random();
                events.add(stream.next(ChangeRequested.of(request, event)));
                switch (random.nextInt(4)) {
                    case 0 -> {
                        events.add(stream.next(new ChangeApproved(id, request, random.nextBoolean() ? "ok" : null)));
                        events.add(stream.next(event));
                    }
                    case 1 -> events.add(stream.next(new ChangeRejected(id, request, "not backed by documents")));
                    case 2 -> events.add(stream.next(new ChangeWithdrawn(id, request, random.nextBoolean() ? "mistake" : null)));
                    default -> {
                        // pending: nothing of it counts
                    }
                }
                if (events.get(events.size() - 1).data() != event) {
                    // not applied: the project stays as it was
                    recorded.clear();
                    recorded.putAll(recordedBefore);
                    terminated = false;
                }
            } else if (event != null) {
                events.add(stream.next(event));
            }
        }
        return events;
    }

    /** A correction, retraction, termination or amendment goes through a change request a quarter of the time. */
    private boolean requested(ProjectEvent event) {
        return (event instanceof MilestoneCorrected || event instanceof MilestoneRetracted
                || event instanceof ProjectTerminated || event instanceof ProjectDetailsAmended) && random.nextInt(4) == 0;
    }

    /** Some of the bundled reference data's project sources. */
    private static final List<String> SOURCES = List.of("world-intelligence-expo", "beijing-tianjin-hebei", "district-promotion");

    /**
     * Planned dates in order from {@code from} on: at registration ({@code highest} null) for some stages, in an
     * amendment for every stage above {@code highest}, so that the plans of the stages ahead stay in order.
     */
    private PlannedDates plans(LocalDate from, Stage highest) {
        LocalDate[] dates = new LocalDate[Stage.values().length];
        LocalDate date = from;
        boolean any = false;
        for (Stage stage : Stage.values()) {
            date = date.plusDays(random.nextInt(300));
            if (stage != Stage.TALKS && stage.isAbove(highest)
                    && (highest != null || random.nextBoolean() || stage == Stage.PRODUCING && !any)) {
                dates[stage.ordinal()] = date;
                any = true;
            }
        }
        return new PlannedDates(dates[1], dates[2], dates[3], dates[4]);
    }

    /** Between 10,000 and 50 million yuan, with cents. */
    private BigDecimal amount() {
        return BigDecimal.valueOf(1_000_000L + random.nextInt(5_000_000) * 1000L + random.nextInt(100), 2);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Stage highest(Map<Stage, LocalDate> recorded) {
        Stage highest = null;
        for (Stage stage : recorded.keySet()) {
            highest = stage;
        }
        return highest;
    }
}
