package io.groundbreak.demo.generate;

import io.groundbreak.demo.plan.ProjectOutcome;
import io.groundbreak.demo.plan.Supervision;
import io.groundbreak.events.Stage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's schema 1.1 fields, made to fit its whole story: the planned dates of the stages it reached lie near
 * the days it reached them (met, or missed by weeks), and those of the stages still ahead give today's light a
 * believable mix (docs/funnel.md "Lights", the default thresholds): most projects on track, some with a plan due
 * within a month or longer in their stage than they should be, some whose planned date passed. A few projects
 * carry no plan, a few no persons or source.
 */
final class Plans {

    /** The default thresholds of funnel-service's lights: more days in the stage than amber / red. */
    static final Map<Stage, Integer> AMBER_DAYS = Map.of(Stage.TALKS, 180, Stage.SIGNED, 90, Stage.LANDED, 120,
            Stage.STARTED, 365);
    static final Map<Stage, Integer> RED_DAYS = Map.of(Stage.TALKS, 365, Stage.SIGNED, 180, Stage.LANDED, 240,
            Stage.STARTED, 730);
    static final int DUE_WITHIN_DAYS = 30;

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "于");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "勇", "军", "杰",
            "涛", "明", "超", "秀英", "建华", "志强", "海燕", "晓东", "立新", "文博", "雪梅", "国庆", "宏伟", "思远", "佳琪");
    private static final List<String> LEADER_TITLES = List.of("（副区长）", "（副区长）", "（区委常委）", "（区长）",
            "（管委会副主任）");
    /** How often each source of sources.csv occurs. */
    private static final Map<String, Double> SOURCES = Map.of("district-promotion", 30.0, "city-promotion", 16.0,
            "expansion", 15.0, "business-referral", 12.0, "beijing-tianjin-hebei", 12.0,
            "world-intelligence-expo", 9.0, "other", 4.0);
    private static final List<String> SOURCE_ORDER = List.of("district-promotion", "city-promotion", "expansion",
            "business-referral", "beijing-tianjin-hebei", "world-intelligence-expo", "other");

    private final Dice dice;
    private final LocalDate today;

    Plans(Dice dice, LocalDate today) {
        this.dice = dice;
        this.today = today;
    }

    Supervision of(ProjectOutcome outcome) {
        Map<Stage, LocalDate> planned = dice.chance(0.08) ? Map.of() : plannedDates(outcome);
        boolean persons = !dice.chance(0.05);
        String person = persons ? dice.oneOf(SURNAMES) + dice.oneOf(GIVEN) : null;
        String leader = persons ? dice.oneOf(SURNAMES) + dice.oneOf(GIVEN) + dice.oneOf(LEADER_TITLES) : null;
        String source = dice.chance(0.06) ? null : dice.weighted(SOURCE_ORDER, SOURCES::get);
        return new Supervision(planned, person, leader, source);
    }

    private Map<Stage, LocalDate> plannedDates(ProjectOutcome outcome) {
        Optional<Stage> now = outcome.stageOn(today);
        Map<Stage, LocalDate> planned = new EnumMap<>(Stage.class);
        LocalDate previous = null;
        boolean firstAhead = true;
        for (Stage stage : Stage.values()) {
            if (stage == Stage.TALKS) {
                continue;
            }
            Optional<LocalDate> reached = outcome.reachedOn(stage, today);
            LocalDate day;
            if (reached.isPresent()) {
                // history: met (planned on or after the day) or missed by weeks
                day = reached.get().plusDays(dice.between(-30, 60));
            } else if (firstAhead) {
                day = firstAhead(outcome, now);
                firstAhead = false;
            } else {
                int[] range = StoryWriter.DAYS_TO_REACH.get(stage);
                day = previous.plusDays(Math.round(dice.between(range[0], range[1]) * dice.between(1.0, 1.4)));
            }
            if (previous != null && day.isBefore(previous)) {
                day = previous; // the plan is in stage order, equal dates allowed
            }
            planned.put(stage, day);
            previous = day;
        }
        return planned;
    }

    /** The plan of the next stage, which sets today's light. */
    private LocalDate firstAhead(ProjectOutcome outcome, Optional<Stage> now) {
        if (now.isEmpty()) {
            return today.plusDays(dice.between(30, 300));
        }
        LocalDate since = outcome.stages().get(now.get());
        if (outcome.terminatedOn(today)) {
            return since.plusDays(dice.between(30, 200));
        }
        long days = ChronoUnit.DAYS.between(since, today);
        boolean passedPossible = days > 20;
        LocalDate passed = passedPossible ? since.plusDays(dice.between(15, (int) Math.min(days - 1, 400))) : null;
        LocalDate onTrack = today.plusDays(dice.between(DUE_WITHIN_DAYS + 1, 240));
        LocalDate due = today.plusDays(dice.between(0, DUE_WITHIN_DAYS));
        if (days > RED_DAYS.get(now.get())) {
            return dice.chance(0.5) && passedPossible ? passed : onTrack;
        }
        double draw = dice.between(0.0, 1.0);
        if (days > AMBER_DAYS.get(now.get())) {
            return draw < 0.2 && passedPossible ? passed : onTrack;
        }
        return draw < 0.65 ? onTrack : draw < 0.85 || !passedPossible ? due : passed;
    }
}
