package io.groundbreak.demo.generate;

import static io.groundbreak.demo.plan.DemoPlan.FIRST_DAY;
import static io.groundbreak.demo.plan.DemoPlan.PLAN_END;

import io.groundbreak.demo.plan.AmendDetails;
import io.groundbreak.demo.plan.CorrectMilestone;
import io.groundbreak.demo.plan.ProjectAction;
import io.groundbreak.demo.plan.RecordMilestone;
import io.groundbreak.demo.plan.RetractMilestone;
import io.groundbreak.demo.plan.StatusChange;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes one project's history so that it obeys docs/rules.md by construction: stages
 * ascend with dates that never go back, a suspension is resumed before the next stage, nothing follows a
 * termination, and every date lies between {@link io.groundbreak.demo.plan.DemoPlan#FIRST_DAY} and
 * {@link io.groundbreak.demo.plan.DemoPlan#PLAN_END} (the later years: {@link Continuation}).
 */
final class StoryWriter {

    /** Days from the previous stage to this one: [fewest, most]. Production takes longest to reach. */
    static final Map<Stage, int[]> DAYS_TO_REACH = Map.of(
            Stage.SIGNED, new int[] {20, 180},
            Stage.LANDED, new int[] {20, 200},
            Stage.STARTED, new int[] {30, 240},
            Stage.PRODUCING, new int[] {240, 720});
    /** Quarterly reports, the most recent ones only: enough to draw a curve, not thousands of requests. */
    private static final int MOST_REPORTS = 2;
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    static final Map<Stage, String> DATE_CORRECTIONS = Map.of(
            Stage.TALKS, "在谈日期以首次正式洽谈纪要为准",
            Stage.SIGNED, "签约日期录入有误，以合同落款日期为准",
            Stage.LANDED, "落地日期以项目公司营业执照核发日期为准",
            Stage.STARTED, "开工日期以施工许可证核发日期为准",
            Stage.PRODUCING, "投产日期以首批产品下线日期为准");
    private static final Map<Stage, String> MISTAKEN_REPORTS = Map.of(
            Stage.TALKS, "重复录入，撤回",
            Stage.SIGNED, "误报：合同尚未正式签署",
            Stage.LANDED, "误报：项目公司尚未完成注册",
            Stage.STARTED, "误报：尚未取得施工许可",
            Stage.PRODUCING, "误报：产线仍在调试，尚未投产");
    static final Map<Stage, List<String>> NOTES = Map.of(
            Stage.TALKS, List.of("首次洽谈", "赴企业总部对接", "线上招商推介会对接"),
            Stage.SIGNED, List.of("市重点项目集中签约活动", "签署投资合作协议", "签署框架协议后正式签约"),
            Stage.LANDED, List.of("项目公司注册成立", "完成土地摘牌", "取得项目备案"),
            Stage.STARTED, List.of("举行开工仪式", "主体工程开工", "桩基工程开工"),
            Stage.PRODUCING, List.of("首条产线投产", "首批产品下线", "一期工程竣工投产"));
    static final List<String> SUSPENSION_REASONS = List.of("投资方资金未到位", "环评审批调整，暂缓建设",
            "项目选址调整", "受市场需求变化影响暂缓推进");
    static final List<String> RESUMPTION_REASONS = List.of("资金到位，恢复推进", "环评批复已取得",
            "新选址已确定", "市场回暖，恢复建设");
    static final List<String> TERMINATION_REASONS = List.of("投资方战略调整，项目终止", "投资方撤资",
            "未能就项目用地达成一致", "企业经营困难，项目终止");

    private final Dice dice;
    private final Catalog catalog;

    StoryWriter(Dice dice, Catalog catalog) {
        this.dice = dice;
        this.catalog = catalog;
    }

    Story write(ProjectDraft draft) {
        List<Step> core = new ArrayList<>();
        List<Step> extras = new ArrayList<>();
        LocalDate firstDay;
        List<Stage> stages = draft.recordedStages;
        if (stages.isEmpty()) {
            firstDay = dice.day(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 10, 31));
            if (draft.incidents.contains(Incident.ONLY_STAGE_RETRACTED)) {
                core.add(new Step(firstDay, new RecordMilestone(Stage.TALKS, firstDay, null, null)));
                core.add(new Step(firstDay.plusDays(30), new RetractMilestone(Stage.TALKS,
                        "误录：项目尚处于前期接触，未进入实质性洽谈")));
            }
        } else {
            List<LocalDate> dates = new ArrayList<>();
            int suspendedAfter = draft.incidents.contains(Incident.SUSPENDED_AND_RESUMED)
                    ? dice.between(0, stages.size() - 2) : -1;
            datesOf(draft, suspendedAfter, dates);
            firstDay = dates.get(0);
            writeStages(draft, dates, suspendedAfter, core);
            if (!draft.terminates()) {
                extras.addAll(reports(draft, dates, stillSuspendedSince(core)));
            }
        }
        if (draft.amendment != null) {
            extras.add(new Step(dice.day(firstDay, PLAN_END), amendment(draft)));
        }
        return new Story(merge(core, extras), firstDay);
    }

    /** Dates of the recorded stages: backwards from the last one, squeezed into the plan's years if needed. */
    private void datesOf(ProjectDraft draft, int suspendedAfter, List<LocalDate> dates) {
        List<Stage> stages = draft.recordedStages;
        LocalDate last;
        if (draft.incidents.contains(Incident.STALLED)) {
            last = dice.day(LocalDate.of(2021, 3, 1), LocalDate.of(2022, 3, 31));
        } else if (draft.terminates()) {
            last = dice.day(LocalDate.of(2021, 3, 1), LocalDate.of(2023, 3, 31));
        } else if (draft.incidents.contains(Incident.SUSPENDED_AT_END)) {
            last = dice.day(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 6, 30));
        } else if (draft.incidents.contains(Incident.OVER_REPORT)) {
            last = dice.day(LocalDate.of(2022, 6, 1), LocalDate.of(2023, 10, 31));
        } else if (draft.finalStage() == Stage.PRODUCING) {
            last = dice.day(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 15));
        } else {
            // an active plan: most unfinished projects moved during its last year
            last = dice.day(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 20));
        }
        int[] gaps = new int[stages.size()];
        for (int k = 1; k < stages.size(); k++) {
            gaps[k] = daysBetween(stages.get(k - 1), stages.get(k));
            if (k - 1 == suspendedAfter) {
                gaps[k] += dice.between(120, 300); // the months the project stood still
            }
        }
        int total = Arrays.stream(gaps).sum();
        LocalDate first = last.minusDays(total);
        LocalDate earliest = FIRST_DAY.plusDays(dice.between(0, 30));
        if (first.isBefore(earliest)) {
            // squeeze the story proportionally between the plan's start and its last stage
            first = earliest.isAfter(last) ? last : earliest;
            long span = ChronoUnit.DAYS.between(first, last);
            long passed = 0;
            for (int k = 0; k < stages.size(); k++) {
                passed += gaps[k];
                dates.add(total == 0 ? first : first.plusDays(span * passed / total));
            }
        } else {
            long passed = 0;
            for (int k = 0; k < stages.size(); k++) {
                passed += gaps[k];
                dates.add(first.plusDays(passed));
            }
        }
    }

    private int daysBetween(Stage from, Stage to) {
        int days = 0;
        for (Stage stage : Stage.values()) {
            if (stage.compareTo(from) > 0 && stage.compareTo(to) <= 0) {
                int[] range = DAYS_TO_REACH.get(stage);
                days += dice.between(range[0], range[1]);
            }
        }
        // a skipped stage happened on the way, not one after the other
        return to.ordinal() - from.ordinal() > 1 ? days * 7 / 10 : days;
    }

    private void writeStages(ProjectDraft draft, List<LocalDate> dates, int suspendedAfter, List<Step> core) {
        List<Stage> stages = draft.recordedStages;
        int corrected = draft.incidents.contains(Incident.CORRECTION) ? dice.between(0, stages.size() - 1) : -1;
        int premature = draft.incidents.contains(Incident.PREMATURE_RETRACTION) ? dice.between(0, stages.size() - 1) : -1;
        LocalDate resumedOn = null;
        for (int k = 0; k < stages.size(); k++) {
            Stage stage = stages.get(k);
            LocalDate day = dates.get(k);
            LocalDate next = k + 1 < stages.size() ? dates.get(k + 1) : PLAN_END;
            // what happened before this stage: the previous stage, or the resumption in between
            LocalDate before = k == 0 ? later(FIRST_DAY, day.minusDays(60)) : dates.get(k - 1);
            if (resumedOn != null) {
                before = later(before, resumedOn);
            }
            BigDecimal amount = amountOf(draft, stage);
            String note = dice.chance(0.35) ? dice.oneOf(NOTES.get(stage)) : null;
            if (k == premature) {
                LocalDate tooEarly = dice.day(before, day);
                core.add(new Step(tooEarly, new RecordMilestone(stage, tooEarly, null, null)));
                core.add(new Step(tooEarly.plusDays(dice.between(3, 20)),
                        new RetractMilestone(stage, MISTAKEN_REPORTS.get(stage))));
            }
            if (k == corrected) {
                writeCorrected(draft, stage, day, before, next, amount, note, core);
            } else {
                core.add(new Step(day, new RecordMilestone(stage, day, amount, note)));
            }
            if (k == suspendedAfter) {
                long gap = ChronoUnit.DAYS.between(day, next);
                LocalDate suspendedOn = day.plusDays(gap * dice.between(10, 30) / 100);
                resumedOn = day.plusDays(gap * dice.between(60, 90) / 100);
                core.add(new Step(suspendedOn, StatusChange.suspend(suspendedOn, dice.oneOf(SUSPENSION_REASONS))));
                core.add(new Step(resumedOn, StatusChange.resume(resumedOn, dice.oneOf(RESUMPTION_REASONS))));
            } else {
                resumedOn = null;
            }
        }
        writeEnding(draft, dates.get(dates.size() - 1), core);
    }

    /** Posted wrong first (a date off by days or weeks, or an amount with a digit too many), then corrected. */
    private void writeCorrected(ProjectDraft draft, Stage stage, LocalDate day, LocalDate before, LocalDate next,
                                BigDecimal amount, String note, List<Step> core) {
        if (amount != null && dice.chance(0.35)) {
            core.add(new Step(day, new RecordMilestone(stage, day, amount.multiply(BigDecimal.TEN), note)));
            core.add(new Step(day.plusDays(dice.between(2, 15)),
                    new CorrectMilestone(stage, day, amount, "金额录入有误（多录一位）")));
            return;
        }
        LocalDate latest = next.isAfter(PLAN_END) ? PLAN_END : next;
        LocalDate wrong = wrongDay(day, before, latest);
        if (wrong == null) {
            // no other day fits between its neighbours: the amount was left out, and is added by the correction
            BigDecimal added = amount != null ? amount : roundedTo(draft.plannedInvestmentCny
                    .multiply(BigDecimal.valueOf(dice.between(30, 60))).movePointLeft(2), MILLION);
            core.add(new Step(day, new RecordMilestone(stage, day, null, note)));
            core.add(new Step(day.plusDays(dice.between(2, 15)),
                    new CorrectMilestone(stage, day, added, "补录金额")));
            return;
        }
        core.add(new Step(wrong, new RecordMilestone(stage, wrong, amount, note)));
        core.add(new Step(later(wrong, day).plusDays(dice.between(2, 20)),
                new CorrectMilestone(stage, day, null, DATE_CORRECTIONS.get(stage))));
    }

    /** A day 3 to 45 days off, within [earliest, latest], or null when only the right day fits. */
    private LocalDate wrongDay(LocalDate day, LocalDate earliest, LocalDate latest) {
        int offset = dice.between(3, 45);
        boolean laterFirst = dice.chance(0.5);
        for (boolean later : new boolean[] {laterFirst, !laterFirst}) {
            LocalDate wrong = later ? day.plusDays(offset) : day.minusDays(offset);
            if (wrong.isBefore(earliest)) {
                wrong = earliest;
            }
            if (wrong.isAfter(latest)) {
                wrong = latest;
            }
            if (!wrong.equals(day)) {
                return wrong;
            }
        }
        return null;
    }

    /** After the last stage: a mistaken report, a suspension, a termination, as the project's fate says. */
    private void writeEnding(ProjectDraft draft, LocalDate lastStageDay, List<Step> core) {
        LocalDate last = lastStageDay;
        if (draft.incidents.contains(Incident.OVER_REPORT)) {
            Stage above = Stage.values()[draft.finalStage().ordinal() + 1];
            LocalDate mistaken = dice.day(capped(last.plusDays(15)), capped(last.plusDays(120)));
            core.add(new Step(mistaken, new RecordMilestone(above, mistaken, null, null)));
            core.add(new Step(capped(mistaken.plusDays(dice.between(1, 10))),
                    new RetractMilestone(above, MISTAKEN_REPORTS.get(above))));
        }
        if (draft.incidents.contains(Incident.SUSPENDED_AT_END)
                || draft.incidents.contains(Incident.TERMINATED_AFTER_SUSPENSION)) {
            LocalDate suspendedOn = dice.day(capped(last.plusDays(30)), capped(last.plusDays(240)));
            core.add(new Step(suspendedOn, StatusChange.suspend(suspendedOn, dice.oneOf(SUSPENSION_REASONS))));
            last = suspendedOn;
        }
        if (draft.terminates()) {
            LocalDate terminatedOn = dice.day(capped(last.plusDays(30)), capped(last.plusDays(400)));
            core.add(new Step(terminatedOn, StatusChange.terminate(terminatedOn, dice.oneOf(TERMINATION_REASONS))));
        }
    }

    /** SIGNED mostly carries the contract's amount, STARTED sometimes the first phase's; others none. */
    private BigDecimal amountOf(ProjectDraft draft, Stage stage) {
        if (stage == Stage.SIGNED && dice.chance(0.7)) {
            return draft.plannedInvestmentCny;
        }
        if (stage == Stage.STARTED && dice.chance(0.25)) {
            return roundedTo(draft.plannedInvestmentCny.multiply(BigDecimal.valueOf(dice.between(30, 60)))
                    .movePointLeft(2), MILLION);
        }
        return null;
    }

    /**
     * Quarterly cumulative completed investment from construction on: it grows towards most of the planned
     * amount by production, then slowly to nearly all of it; a project suspended at the end stands still.
     */
    private List<Step> reports(ProjectDraft draft, List<LocalDate> dates, LocalDate suspendedSince) {
        List<Stage> stages = draft.recordedStages;
        LocalDate started = null;
        LocalDate producing = null;
        for (int k = 0; k < stages.size(); k++) {
            if (started == null && stages.get(k).compareTo(Stage.STARTED) >= 0) {
                started = dates.get(k);
            }
            if (stages.get(k) == Stage.PRODUCING) {
                producing = dates.get(k);
            }
        }
        if (started == null) {
            return List.of();
        }
        CompletionCurve curve = CompletionCurve.draw(dice, started, producing, 900, suspendedSince);
        List<YearMonth> quarters = new ArrayList<>();
        for (YearMonth month = YearMonth.from(started); !month.isAfter(YearMonth.from(PLAN_END)); month = month.plusMonths(1)) {
            if (month.getMonthValue() % 3 == 0) {
                quarters.add(month);
            }
        }
        List<YearMonth> reported = quarters.subList(Math.max(0, quarters.size() - MOST_REPORTS), quarters.size());
        return curve.reports(reported, draft.plannedInvestmentCny, BigDecimal.ZERO);
    }

    /** The day of a suspension that no resumption follows, or null. */
    private static LocalDate stillSuspendedSince(List<Step> core) {
        LocalDate since = null;
        for (Step step : core) {
            if (step.action() instanceof StatusChange change) {
                since = switch (change.kind()) {
                    case SUSPENSION -> change.effectiveDate();
                    case RESUMPTION -> null;
                    case TERMINATION -> since;
                };
            }
        }
        return since;
    }

    private AmendDetails amendment(ProjectDraft draft) {
        switch (draft.amendment) {
            case INVESTOR_RENAMED:
                String investor = draft.investor.contains("股份有限公司")
                        ? draft.investor.replace("股份有限公司", "集团股份有限公司")
                        : replaceLast(draft.investor, "有限公司", "股份有限公司");
                return new AmendDetails(null, null, investor, null, null, "投资方完成股份制改造，名称变更");
            case INVESTMENT_RAISED:
            case INVESTMENT_REDUCED:
                BigDecimal planned = amendedInvestment(draft.plannedInvestmentCny, draft.amendmentRatio);
                return new AmendDetails(null, null, null, planned, null,
                        draft.amendmentRatio > 0 ? "投资方追加投资，扩大建设规模" : "优化建设方案，调减投资规模");
            case NAME_CHANGED:
                String name = draft.name.replaceFirst("项目$", "") + "及配套工程项目";
                return new AmendDetails(name, null, null, null, null, "建设内容调整，项目更名");
            case PARK_MOVED:
                String park = catalog.districts().get(draft.district).parks().stream()
                        .filter(candidate -> candidate.hosts(draft.chain) && !candidate.name().equals(draft.park))
                        .map(Park::name).findFirst().orElseThrow();
                return new AmendDetails(null, null, null, null, park, "项目选址调整");
            case CHAIN_RECLASSIFIED:
                List<String> others = catalog.districts().get(draft.district).chains().stream()
                        .filter(chain -> !chain.equals(draft.chain)).toList();
                return new AmendDetails(null, dice.oneOf(others), null, null, null, "按产业链图谱调整归属");
            default:
                throw new IllegalStateException("unknown amendment " + draft.amendment);
        }
    }

    static BigDecimal amendedInvestment(BigDecimal planned, double ratio) {
        return roundedTo(planned.multiply(BigDecimal.valueOf(1 + ratio)), MILLION);
    }

    /** Core steps keep their order; reports and the amendment go in between by the day they were posted. */
    private static List<ProjectAction> merge(List<Step> core, List<Step> extras) {
        List<Step> ordered = new ArrayList<>();
        LocalDate cursor = FIRST_DAY;
        for (Step step : core) {
            cursor = later(cursor, step.postedOn());
            ordered.add(new Step(cursor, step.action()));
        }
        List<Step> sortedExtras = new ArrayList<>(extras);
        sortedExtras.sort(Comparator.comparing(Step::postedOn));
        List<ProjectAction> actions = new ArrayList<>();
        int extra = 0;
        for (Step step : ordered) {
            while (extra < sortedExtras.size() && sortedExtras.get(extra).postedOn().isBefore(step.postedOn())) {
                actions.add(sortedExtras.get(extra++).action());
            }
            actions.add(step.action());
        }
        while (extra < sortedExtras.size()) {
            actions.add(sortedExtras.get(extra++).action());
        }
        return actions;
    }

    static BigDecimal roundedTo(BigDecimal amount, BigDecimal unit) {
        return amount.divide(unit, 0, RoundingMode.HALF_UP).multiply(unit).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate capped(LocalDate day) {
        return day.isAfter(PLAN_END) ? PLAN_END : day;
    }

    private static String replaceLast(String text, String what, String with) {
        int at = text.lastIndexOf(what);
        return at < 0 ? text + with : text.substring(0, at) + with + text.substring(at + what.length());
    }
}
