package io.groundbreak.funnel.model;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.events.TargetCell;
import io.groundbreak.events.TargetsSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * docs/funnel.md written the simplest way, independent of the service: it replays the
 * published events with the delivery rules (a project's next sequence is applied, anything else is a
 * redelivery or a gap and changes nothing) and answers in the compact text form the tests compare. A pair's latest
 * decision (schema 1.3) takes its duplicate out of every figure and every figure's list; a change request changes
 * nothing (its approval is followed by the change, a normal event).
 */
public final class FunnelModel {

    private final Map<java.util.UUID, ModelProject> projects = new LinkedHashMap<>();
    /** Per year, each cell's target ("district chain"), as the latest TargetsSet of the year's plan stream set it. */
    private final Map<Integer, Map<String, TargetCell>> targets = new java.util.HashMap<>();
    private final Map<Integer, Long> planSequences = new java.util.HashMap<>();
    /** Per pair stream (schema 1.3), its last applied sequence and its latest decision. */
    private final Map<java.util.UUID, Long> pairSequences = new java.util.HashMap<>();
    private final Map<java.util.UUID, DuplicateDecided> decisions = new java.util.HashMap<>();
    /** Every change request and its status: pending until approved, rejected or withdrawn. */
    private final Map<java.util.UUID, String> requests = new java.util.HashMap<>();

    public FunnelModel(List<EventEnvelope> published) {
        published.forEach(this::apply);
    }

    public List<java.util.UUID> projectIds() {
        return List.copyOf(projects.keySet());
    }

    private void apply(EventEnvelope envelope) {
        if (envelope.data() instanceof DuplicateDecided decided) {
            // a pair's stream: its own sequence, the latest decision replacing the earlier ones
            long expected = pairSequences.getOrDefault(envelope.subject().value(), -1L) + 1;
            if (envelope.sequence() == expected) {
                pairSequences.put(envelope.subject().value(), expected);
                decisions.put(envelope.subject().value(), decided);
            }
            return;
        }
        if (envelope.data() instanceof TargetsSet set) {
            // a year's plan stream: its own sequence, each cell replaced whole by the latest event
            long expected = planSequences.getOrDefault(set.year(), -1L) + 1;
            if (envelope.sequence() == expected) {
                planSequences.put(set.year(), expected);
                set.targets().forEach(cell -> targets.computeIfAbsent(set.year(), year -> new java.util.TreeMap<>())
                        .put(cell.district() + " " + cell.chain(), cell));
            }
            return;
        }
        ModelProject project = projects.get(envelope.subject().value());
        long expected = project == null ? 0 : project.lastSequence + 1;
        if (envelope.sequence() != expected) {
            return;
        }
        if (envelope.data() instanceof ProjectRegistered registered) {
            project = new ModelProject(envelope.subject().value(), registered.district());
            project.code = registered.code();
            project.name = registered.name();
            project.chain = registered.chain();
            project.investor = registered.investor();
            project.park = registered.park();
            project.planned = registered.plannedInvestmentCny();
            project.source = registered.source();
            plan(project, registered.plannedDates());
            projects.put(project.id, project);
        } else if (project == null) {
            return;
        } else if (envelope.data() instanceof MilestoneRecorded recorded) {
            project.dates.put(recorded.stage(), recorded.effectiveDate());
            putOrRemove(project.amounts, recorded.stage(), recorded.amountCny());
        } else if (envelope.data() instanceof MilestoneCorrected corrected) {
            if (project.dates.containsKey(corrected.stage())) {
                project.dates.put(corrected.stage(), corrected.effectiveDate());
                if (corrected.amountCny() != null) {
                    project.amounts.put(corrected.stage(), corrected.amountCny());
                }
            }
        } else if (envelope.data() instanceof MilestoneRetracted retracted) {
            project.dates.remove(retracted.stage());
            project.amounts.remove(retracted.stage());
        } else if (envelope.data() instanceof ProjectSuspended suspended) {
            project.suspensions.add(new LocalDate[] {suspended.effectiveDate(), null});
        } else if (envelope.data() instanceof ProjectResumed resumed) {
            project.suspensions.stream().filter(period -> period[1] == null)
                    .forEach(period -> period[1] = resumed.effectiveDate());
        } else if (envelope.data() instanceof ProjectTerminated terminated) {
            project.terminatedOn = terminated.effectiveDate();
        } else if (envelope.data() instanceof InvestmentReported reported) {
            project.reports.put(reported.period(), reported.cumulativeCompletedCny());
        } else if (envelope.data() instanceof ChangeRequested requested) {
            requests.put(requested.requestId().value(), "pending");
        } else if (envelope.data() instanceof ChangeApproved approved) {
            requests.replace(approved.requestId().value(), "pending", "approved");
        } else if (envelope.data() instanceof ChangeRejected rejected) {
            requests.replace(rejected.requestId().value(), "pending", "rejected");
        } else if (envelope.data() instanceof ChangeWithdrawn withdrawn) {
            requests.replace(withdrawn.requestId().value(), "pending", "withdrawn");
        } else if (envelope.data() instanceof ProjectDetailsAmended amended) {
            project.name = amended.name() != null ? amended.name() : project.name;
            project.chain = amended.chain() != null ? amended.chain() : project.chain;
            project.investor = amended.investor() != null ? amended.investor() : project.investor;
            project.park = amended.park() != null ? amended.park() : project.park;
            project.planned = amended.plannedInvestmentCny() != null ? amended.plannedInvestmentCny() : project.planned;
            project.source = amended.source() != null ? amended.source() : project.source;
            plan(project, amended.plannedDates());
        }
        project.lastSequence = envelope.sequence();
    }

    /** A stage given (not null) takes its new date; the others keep theirs. */
    private static void plan(ModelProject project, PlannedDates dates) {
        if (dates == null) {
            return;
        }
        LocalDate[] given = {null, dates.signed(), dates.landed(), dates.started(), dates.producing()};
        for (Stage stage : Stage.values()) {
            if (given[stage.ordinal()] != null) {
                project.plans.put(stage, given[stage.ordinal()]);
            }
        }
    }

    /** "STAGE reached/current/lost reachedInvestment/currentInvestment" per stage, then "FROM>TO rate" per conversion. */
    public List<String> funnel(LocalDate asOf, String district, String chain) {
        return funnel(asOf, select(district, chain));
    }

    /** The funnel of the projects whose source is {@code source} (null: those without one), as {@link #funnel}. */
    public List<String> sourceFunnel(LocalDate asOf, String source) {
        return funnel(asOf, select(null, null).stream().filter(project -> java.util.Objects.equals(project.source, source))
                .toList());
    }

    /**
     * docs/funnel.md "Lights" with the documented default thresholds, written apart from the service: first
     * "total green/amber/red", then "district CODE g/a/r" for each of {@code districts} and "chain CODE g/a/r" for each
     * of {@code chains}, then one "id LIGHT detail" line per lit project of {@code light} (all when null), red first,
     * then amber, then green, each by code then id.
     */
    public List<String> lights(LocalDate asOf, String district, String chain, String light, List<String> districts,
                               List<String> chains) {
        Map<String, long[]> byDistrict = new LinkedHashMap<>();
        Map<String, long[]> byChain = new LinkedHashMap<>();
        districts.forEach(code -> byDistrict.put(code, new long[3]));
        chains.forEach(code -> byChain.put(code, new long[3]));
        long[] total = new long[3];
        List<String[]> lit = new ArrayList<>();
        for (ModelProject project : select(district, chain)) {
            String[] colourAndDetail = light(project, asOf);
            if (colourAndDetail == null) {
                continue;
            }
            int colour = List.of("GREEN", "AMBER", "RED").indexOf(colourAndDetail[0]);
            total[colour]++;
            byDistrict.computeIfAbsent(project.district, code -> new long[3])[colour]++;
            byChain.computeIfAbsent(project.chain, code -> new long[3])[colour]++;
            if (light == null || light.equals(colourAndDetail[0])) {
                lit.add(new String[] {String.valueOf(2 - colour), project.code, project.id.toString(),
                        colourAndDetail[0], colourAndDetail[1]});
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("total " + counts(total));
        byDistrict.forEach((code, counts) -> lines.add("district " + code + " " + counts(counts)));
        byChain.forEach((code, counts) -> lines.add("chain " + code + " " + counts(counts)));
        lit.sort(Comparator.<String[], String>comparing(row -> row[0]).thenComparing(row -> row[1]).thenComparing(row -> row[2]));
        lit.forEach(row -> lines.add(row[2] + " " + row[3] + " " + row[4]));
        return lines;
    }

    private static String counts(long[] counts) {
        return counts[0] + "/" + counts[1] + "/" + counts[2];
    }

    /** Amber and red days in stage per stage below PRODUCING, and the days ahead a plan is due: docs/funnel.md. */
    private static final int[][] THRESHOLDS = {{180, 365}, {90, 180}, {120, 240}, {365, 730}};
    private static final int DUE_WITHIN_DAYS = 30;

    /** {colour, detail} or null when no light applies. */
    private static String[] light(ModelProject project, LocalDate asOf) {
        Stage at = project.stageOn(asOf);
        if (at == null || at == Stage.PRODUCING || project.terminatedOn(asOf)) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(project.dates.get(at), asOf);
        int amber = THRESHOLDS[at.ordinal()][0];
        int red = THRESHOLDS[at.ordinal()][1];
        // the lowest stage ahead whose plan is before asOf; else the lowest due within the window
        Stage passed = null;
        Stage due = null;
        for (Stage stage : Stage.values()) {
            LocalDate plan = project.plans.get(stage);
            if (stage.compareTo(at) <= 0 || plan == null) {
                continue;
            }
            long until = ChronoUnit.DAYS.between(asOf, plan);
            if (until < 0 && passed == null) {
                passed = stage;
            } else if (until >= 0 && until <= DUE_WITHIN_DAYS && due == null) {
                due = stage;
            }
        }
        if (passed != null) {
            return new String[] {"RED", "plannedDatePassed: " + passed + " planned " + project.plans.get(passed)};
        } else if (days > red) {
            return new String[] {"RED", "daysInStage: " + at + " " + days + " days > red " + red};
        } else if (due != null) {
            return new String[] {"AMBER", "plannedDateDue: " + due + " planned " + project.plans.get(due)};
        } else if (days > amber) {
            return new String[] {"AMBER", "daysInStage: " + at + " " + days + " days > amber " + amber};
        }
        return new String[] {"GREEN", "onTrack: " + at + " " + days + " days"};
    }

    private List<String> funnel(LocalDate asOf, List<ModelProject> selected) {
        List<String> lines = new ArrayList<>();
        long[] reached = new long[Stage.values().length];
        for (Stage stage : Stage.values()) {
            long current = 0;
            long lost = 0;
            BigDecimal reachedInvestment = BigDecimal.ZERO;
            BigDecimal currentInvestment = BigDecimal.ZERO;
            for (ModelProject project : selected) {
                Stage at = project.stageOn(asOf);
                if (at == null || at.compareTo(stage) < 0) {
                    continue;
                }
                reached[stage.ordinal()]++;
                reachedInvestment = reachedInvestment.add(project.planned);
                if (at == stage && project.terminatedOn(asOf)) {
                    lost++;
                } else if (at == stage) {
                    current++;
                    currentInvestment = currentInvestment.add(project.planned);
                }
            }
            lines.add(stage + " " + reached[stage.ordinal()] + "/" + current + "/" + lost + " "
                    + money(reachedInvestment) + "/" + money(currentInvestment));
        }
        for (int i = 0; i + 1 < reached.length; i++) {
            lines.add(Stage.values()[i] + ">" + Stage.values()[i + 1] + " "
                    + (reached[i] == 0 ? "null" : Double.toString((double) reached[i + 1] / reached[i])));
        }
        return lines;
    }

    /** "FROM>TO count median p90" per consecutive pair, the days with two decimals. */
    public List<String> cycleTimes(LocalDate asOf, String district, String chain) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i + 1 < Stage.values().length; i++) {
            Stage from = Stage.values()[i];
            Stage to = Stage.values()[i + 1];
            List<Long> days = new ArrayList<>();
            for (ModelProject project : select(district, chain)) {
                LocalDate start = project.dates.get(from);
                LocalDate end = project.dates.get(to);
                if (start != null && end != null && !start.isAfter(asOf) && !end.isAfter(asOf)) {
                    days.add(ChronoUnit.DAYS.between(start, end));
                }
            }
            days.sort(Comparator.naturalOrder());
            lines.add(from + ">" + to + " " + days.size() + " " + days(percentile(days, 0.5)) + " " + days(percentile(days, 0.9)));
        }
        return lines;
    }

    /**
     * The targets of a year against actuals on asOf (docs/funnel.md "Targets"), counted project by project: "total …",
     * then "district chain …" per cell with a target or an actual, sorted; each "…" is
     * "signed t/a landed t/a started t/a producing t/a planned t/a completed t/a" with "-" for no target.
     */
    public List<String> targets(int year, LocalDate asOf, String district, String chain) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = asOf.isBefore(LocalDate.of(year, 12, 31)) ? asOf : LocalDate.of(year, 12, 31);
        Map<String, Object[]> cells = new java.util.TreeMap<>();
        targets.getOrDefault(year, Map.of()).forEach((key, cell) -> {
            if ((district == null || district.equals(cell.district())) && (chain == null || chain.equals(cell.chain()))) {
                cells.put(key, new Object[] {cell, new long[4], BigDecimal.ZERO, BigDecimal.ZERO});
            }
        });
        for (ModelProject project : select(district, chain)) {
            long[] reached = new long[4];
            BigDecimal planned = BigDecimal.ZERO;
            for (Stage stage : List.of(Stage.SIGNED, Stage.LANDED, Stage.STARTED, Stage.PRODUCING)) {
                LocalDate on = project.reachedBy(stage, asOf);
                if (on != null && !on.isBefore(from) && !on.isAfter(until)) {
                    reached[stage.ordinal() - 1] = 1;
                    planned = stage == Stage.SIGNED ? project.planned : planned;
                }
            }
            BigDecimal completed = BigDecimal.ZERO;
            YearMonth first = YearMonth.from(from);
            YearMonth last = YearMonth.from(until);
            if (!until.isBefore(from) && project.reports.keySet().stream().anyMatch(m -> !m.isBefore(first) && !m.isAfter(last))) {
                BigDecimal end = project.reports.entrySet().stream().filter(r -> !r.getKey().isAfter(last))
                        .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(BigDecimal.ZERO);
                BigDecimal start = project.reports.entrySet().stream().filter(r -> r.getKey().isBefore(first))
                        .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(BigDecimal.ZERO);
                completed = end.subtract(start);
            }
            LocalDate talks = project.reachedBy(Stage.TALKS, asOf);
            boolean moved = (talks != null && !talks.isBefore(from) && !talks.isAfter(until))
                    || reached[0] + reached[1] + reached[2] + reached[3] > 0;
            boolean reported = project.reports.keySet().stream().anyMatch(m -> !m.isBefore(first) && !m.isAfter(last));
            // a cell is listed when one of its projects reached any stage (TALKS too) or reported in the window
            if (until.isBefore(from) || (!moved && !reported)) {
                continue;
            }
            Object[] cell = cells.computeIfAbsent(project.district + " " + project.chain,
                    key -> new Object[] {null, new long[4], BigDecimal.ZERO, BigDecimal.ZERO});
            for (int i = 0; i < 4; i++) {
                ((long[]) cell[1])[i] += reached[i];
            }
            cell[2] = ((BigDecimal) cell[2]).add(planned);
            cell[3] = ((BigDecimal) cell[3]).add(completed);
        }
        List<String> lines = new ArrayList<>();
        Object[] total = {null, new long[4], BigDecimal.ZERO, BigDecimal.ZERO};
        Long[] totalTargets = new Long[4];
        BigDecimal[] totalAmounts = new BigDecimal[2];
        cells.forEach((key, cell) -> {
            TargetCell target = (TargetCell) cell[0];
            if (target != null) {
                Integer[] counts = {target.signed(), target.landed(), target.started(), target.producing()};
                for (int i = 0; i < 4; i++) {
                    if (counts[i] != null) {
                        totalTargets[i] = (totalTargets[i] == null ? 0L : totalTargets[i]) + counts[i];
                    }
                }
                totalAmounts[0] = sum(totalAmounts[0], target.plannedInvestmentCny());
                totalAmounts[1] = sum(totalAmounts[1], target.completedInvestmentCny());
            }
            for (int i = 0; i < 4; i++) {
                ((long[]) total[1])[i] += ((long[]) cell[1])[i];
            }
            total[2] = ((BigDecimal) total[2]).add((BigDecimal) cell[2]);
            total[3] = ((BigDecimal) total[3]).add((BigDecimal) cell[3]);
        });
        lines.add("total " + targetLine(totalTargets, totalAmounts, total));
        cells.forEach((key, cell) -> {
            TargetCell target = (TargetCell) cell[0];
            Long[] counts = target == null ? new Long[4] : java.util.stream.Stream.of(target.signed(), target.landed(),
                    target.started(), target.producing()).map(c -> c == null ? null : c.longValue()).toArray(Long[]::new);
            BigDecimal[] amounts = target == null ? new BigDecimal[2]
                    : new BigDecimal[] {target.plannedInvestmentCny(), target.completedInvestmentCny()};
            lines.add(key + " " + targetLine(counts, amounts, cell));
        });
        return lines;
    }

    /** How many projects reported investment for a month of the year up to asOf's month: the completed figure's list. */
    public long reportedIn(int year, LocalDate asOf) {
        YearMonth first = YearMonth.of(year, 1);
        YearMonth last = YearMonth.from(asOf).isBefore(YearMonth.of(year, 12)) ? YearMonth.from(asOf) : YearMonth.of(year, 12);
        return select(null, null).stream()
                .filter(project -> project.reports.keySet().stream().anyMatch(m -> !m.isBefore(first) && !m.isAfter(last)))
                .count();
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static String targetLine(Long[] targets, BigDecimal[] amounts, Object[] actual) {
        long[] reached = (long[]) actual[1];
        return "signed " + (targets[0] == null ? "-" : targets[0]) + "/" + reached[0]
                + " landed " + (targets[1] == null ? "-" : targets[1]) + "/" + reached[1]
                + " started " + (targets[2] == null ? "-" : targets[2]) + "/" + reached[2]
                + " producing " + (targets[3] == null ? "-" : targets[3]) + "/" + reached[3]
                + " planned " + (amounts[0] == null ? "-" : money(amounts[0])) + "/" + money((BigDecimal) actual[2])
                + " completed " + (amounts[1] == null ? "-" : money(amounts[1])) + "/" + money((BigDecimal) actual[3]);
    }

    /** "YYYY-MM STAGE n" for every month and stage. */
    public List<String> trend(YearMonth from, YearMonth to, String district, String chain) {
        List<String> lines = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            for (Stage stage : Stage.values()) {
                YearMonth thisMonth = month;
                long count = select(district, chain).stream()
                        .filter(project -> project.reachedOn(stage) != null && YearMonth.from(project.reachedOn(stage)).equals(thisMonth))
                        .count();
                lines.add(month + " " + stage + " " + count);
            }
        }
        return lines;
    }

    /**
     * The cohort table, "FROM>TO period projects w90/w180/w365 closed90/closed180/closed365 reached/waiting/lost" per
     * transition and period ({@code quarter} or {@code month}, {@code from} and {@code to} their first days), on
     * {@code asOf}: docs/funnel.md "Cohorts" counted project by project.
     */
    public List<String> cohorts(boolean quarters, LocalDate from, LocalDate to, LocalDate asOf, String district,
                                String chain) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i + 1 < Stage.values().length; i++) {
            Stage stage = Stage.values()[i];
            for (LocalDate start = from; !start.isAfter(to); start = start.plusMonths(quarters ? 3 : 1)) {
                LocalDate end = start.plusMonths(quarters ? 3 : 1).minusDays(1);
                long[] counts = new long[6];
                for (ModelProject project : cohort(stage, start, end, asOf, district, chain)) {
                    String outcome = outcome(project, stage, asOf);
                    long days = outcome.startsWith("reached ") ? Long.parseLong(outcome.substring(8)) : Long.MAX_VALUE;
                    counts[0] += days <= 90 ? 1 : 0;
                    counts[1] += days <= 180 ? 1 : 0;
                    counts[2] += days <= 365 ? 1 : 0;
                    counts[3] += days != Long.MAX_VALUE ? 1 : 0;
                    counts[4] += outcome.equals("waiting") ? 1 : 0;
                    counts[5] += outcome.equals("lost") ? 1 : 0;
                }
                String period = quarters ? start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1)
                        : YearMonth.from(start).toString();
                lines.add(stage + ">" + Stage.values()[i + 1] + " " + period + " "
                        + cohort(stage, start, end, asOf, district, chain).size() + " "
                        + counts[0] + "/" + counts[1] + "/" + counts[2] + " "
                        + !end.plusDays(90).isAfter(asOf) + "/" + !end.plusDays(180).isAfter(asOf) + "/"
                        + !end.plusDays(365).isAfter(asOf) + " " + counts[3] + "/" + counts[4] + "/" + counts[5]);
            }
        }
        return lines;
    }

    /**
     * The ids (sorted) of the projects of one cohort cell: those that reached {@code stage} between {@code start} and
     * {@code end}, on {@code asOf}, with {@code outcome} (within90, within180, within365, reached, waiting, lost) or
     * all of them (null).
     */
    public List<String> cohortMembers(Stage stage, LocalDate start, LocalDate end, String outcome, LocalDate asOf,
                                      String district, String chain) {
        return cohort(stage, start, end, asOf, district, chain).stream().filter(project -> {
            String became = outcome(project, stage, asOf);
            return switch (outcome == null ? "all" : outcome) {
                case "all" -> true;
                case "within90", "within180", "within365" -> became.startsWith("reached ")
                        && Long.parseLong(became.substring(8)) <= Long.parseLong(outcome.substring(6));
                case "reached" -> became.startsWith("reached ");
                default -> became.equals(outcome);
            };
        }).map(project -> project.id.toString()).sorted().toList();
    }

    private List<ModelProject> cohort(Stage stage, LocalDate start, LocalDate end, LocalDate asOf, String district,
                                      String chain) {
        return select(district, chain).stream().filter(project -> {
            LocalDate reached = project.reachedBy(stage, asOf);
            return reached != null && !reached.isBefore(start) && !reached.isAfter(end);
        }).toList();
    }

    /** "reached N" (days to the next stage), "waiting" or "lost", on asOf. */
    private static String outcome(ModelProject project, Stage stage, LocalDate asOf) {
        LocalDate next = project.reachedBy(Stage.values()[stage.ordinal() + 1], asOf);
        if (next != null) {
            return "reached " + ChronoUnit.DAYS.between(project.reachedBy(stage, asOf), next);
        }
        return project.terminatedOn(asOf) ? "lost" : "waiting";
    }

    /**
     * The project list: "total N" then one "id stage since status duplicateOf" line per project of the page, sorted
     * by {@code sort} (code, plannedInvestment, stage, stageSince), nulls last, ties by id; {@code duplicates} include,
     * exclude or only (the duplicate parameter).
     */
    public List<String> projects(LocalDate asOf, String district, String chain, Stage stage, Integer stalledDays,
                                 String duplicates, String sort, boolean descending, int page, int size) {
        Predicate<ModelProject> wanted = project -> stage == null || project.stageOn(asOf) == stage;
        Predicate<ModelProject> stalled = project -> {
            if (stalledDays == null) {
                return true;
            }
            Stage at = project.stageOn(asOf);
            return at != null && at != Stage.PRODUCING && !project.terminatedOn(asOf)
                    && ChronoUnit.DAYS.between(project.dates.get(at), asOf) > stalledDays;
        };
        List<ModelProject> listed = new ArrayList<>(listed(district, chain, duplicates).stream().filter(wanted)
                .filter(stalled).toList());
        Comparator<ModelProject> order = switch (sort) {
            case "code" -> nullsLast(project -> project.code, descending);
            case "plannedInvestment" -> nullsLast(project -> project.planned, descending);
            case "stage" -> nullsLast(project -> project.stageOn(asOf), descending);
            case "stageSince" -> nullsLast(project -> {
                Stage at = project.stageOn(asOf);
                return at == null ? null : project.dates.get(at);
            }, descending);
            default -> throw new IllegalArgumentException(sort);
        };
        listed.sort(order.thenComparing(project -> project.id.toString()));
        List<String> lines = new ArrayList<>();
        lines.add("total " + listed.size());
        listed.stream().skip((long) page * size).limit(size).forEach(project -> {
            Stage at = project.stageOn(asOf);
            lines.add(project.id + " " + at + " " + (at == null ? null : project.dates.get(at)) + " " + project.statusOn(asOf)
                    + " " + duplicateOf(project.id));
        });
        return lines;
    }

    /**
     * One project on a date: "stage status terminatedOn planned completed period chain", then "STAGE date
     * amount reached skipped" per stage, then "suspended from until" per suspension begun by then.
     */
    public List<String> project(java.util.UUID id, LocalDate asOf) {
        ModelProject project = projects.get(id);
        Stage at = project.stageOn(asOf);
        Map.Entry<YearMonth, BigDecimal> report = project.reports.floorEntry(YearMonth.from(asOf));
        List<String> lines = new ArrayList<>();
        lines.add(at + " " + project.statusOn(asOf) + " " + (project.terminatedOn(asOf) ? project.terminatedOn : null)
                + " " + money(project.planned) + " " + (report == null ? null : money(report.getValue()))
                + " " + (report == null ? null : report.getKey()) + " " + project.chain);
        for (Stage stage : Stage.values()) {
            LocalDate date = project.dates.get(stage);
            LocalDate shown = date != null && !date.isAfter(asOf) ? date : null;
            boolean reached = at != null && stage.compareTo(at) <= 0;
            BigDecimal amount = shown == null ? null : project.amounts.get(stage);
            lines.add(stage + " " + shown + " " + (amount == null ? null : money(amount)) + " " + reached + " "
                    + (reached && shown == null));
        }
        for (LocalDate[] period : project.suspensions) {
            if (!period[0].isAfter(asOf)) {
                LocalDate resumed = period[1] != null && !period[1].isAfter(asOf) ? period[1] : null;
                lines.add("suspended " + period[0] + " " + resumed);
            }
        }
        return lines;
    }

    /**
     * The primary a pair's latest decision makes the project a duplicate of (the smallest id text when several do), or
     * null: docs/funnel.md "Duplicates".
     */
    public java.util.UUID duplicateOf(java.util.UUID project) {
        return decisions.values().stream()
                .filter(decided -> decided.duplicate().filter(id -> id.value().equals(project)).isPresent())
                .map(decided -> decided.primaryProjectId().value())
                .min(Comparator.comparing(java.util.UUID::toString)).orElse(null);
    }

    /** The change requests the model knows and their status (pending, approved, rejected, withdrawn). */
    public Map<java.util.UUID, String> requests() {
        return Map.copyOf(requests);
    }

    /** The projects every figure counts: those of the district and chain (any when null) that are not duplicates. */
    private List<ModelProject> select(String district, String chain) {
        return listed(district, chain, "exclude");
    }

    /** The projects of the district and chain (any when null), duplicates included, excluded or only them. */
    private List<ModelProject> listed(String district, String chain, String duplicates) {
        return projects.values().stream()
                .filter(project -> switch (duplicates) {
                    case "include" -> true;
                    case "exclude" -> duplicateOf(project.id) == null;
                    case "only" -> duplicateOf(project.id) != null;
                    default -> throw new IllegalArgumentException(duplicates);
                })
                .filter(project -> district == null || project.district.equals(district))
                .filter(project -> chain == null || project.chain.equals(chain))
                .toList();
    }

    private static <T extends Comparable<T>> Comparator<ModelProject> nullsLast(
            java.util.function.Function<ModelProject, T> key, boolean descending) {
        Comparator<T> natural = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(natural));
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
    private static Double percentile(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return null;
        }
        double position = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
    }

    public static String days(Double days) {
        return days == null ? "null" : String.format(Locale.ROOT, "%.2f", days);
    }

    public static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static <K, V> void putOrRemove(Map<K, V> map, K key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
