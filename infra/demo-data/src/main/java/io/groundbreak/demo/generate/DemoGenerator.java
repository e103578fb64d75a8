package io.groundbreak.demo.generate;

import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.Money;
import io.groundbreak.demo.plan.PendingReview;
import io.groundbreak.demo.plan.ProjectOutcome;
import io.groundbreak.demo.plan.RetractMilestone;
import io.groundbreak.demo.plan.ProjectAction;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo: the plan's named projects plus generated ones, {@value #PROJECTS} in all, with about
 * 4,800亿元 of planned investment and histories over 2021–2023, carried on to the load's today
 * ({@link Continuation}), newcomers entering each year since 2024, schema 1.1 fields ({@link Plans}), each
 * year's targets, the districts' monthly closes and a few restatements of closed months ({@link Supervising}).
 * Everything is drawn from seeded random sources, so the same seed and today always give the same plan, and the
 * plan's years the same whatever today is.
 */
public final class DemoGenerator {

    public static final long STANDARD_SEED = 20_210_104L;
    public static final int PROJECTS = 320;
    /** Projects entering the funnel in each year after the plan's (this year: its share so far). */
    public static final int NEWCOMERS_PER_YEAR = 40;
    public static final java.time.ZoneId CITY_ZONE = java.time.ZoneId.of("Asia/Shanghai");
    /** 4,800亿元: the plan's total planned investment, which the generated projects' amounts are scaled to. */
    public static final BigDecimal PLANNED_INVESTMENT_CNY = Money.ofYi(new BigDecimal(4800));
    /** Major projects are at least 1亿元. */
    static final BigDecimal SMALLEST_PROJECT_CNY = Money.YI.setScale(2);
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    /**
     * Where generated projects stand at the end of 2023, by weight: most reached 签约, fewer 落地, fewer
     * 开工, some produce; a few were registered and never entered the funnel.
     */
    private static final Map<Stage, Double> FINAL_STAGE_MIX = new LinkedHashMap<>();
    private static final double NO_STAGE_WEIGHT = 1.5;
    static {
        FINAL_STAGE_MIX.put(Stage.TALKS, 11.0);
        FINAL_STAGE_MIX.put(Stage.SIGNED, 19.0);
        FINAL_STAGE_MIX.put(Stage.LANDED, 20.0);
        FINAL_STAGE_MIX.put(Stage.STARTED, 28.0);
        FINAL_STAGE_MIX.put(Stage.PRODUCING, 20.5);
    }
    /** How many generated projects each incident befalls (where it can). */
    private static final Map<Incident, Integer> INCIDENT_COUNTS = new EnumMap<>(Incident.class);
    static {
        INCIDENT_COUNTS.put(Incident.TERMINATED, 7);
        INCIDENT_COUNTS.put(Incident.TERMINATED_AFTER_SUSPENSION, 3);
        INCIDENT_COUNTS.put(Incident.SUSPENDED_AT_END, 5);
        INCIDENT_COUNTS.put(Incident.OVER_REPORT, 6);
        INCIDENT_COUNTS.put(Incident.STALLED, 8);
        INCIDENT_COUNTS.put(Incident.ONLY_STAGE_RETRACTED, 1);
        INCIDENT_COUNTS.put(Incident.SUSPENDED_AND_RESUMED, 12);
        INCIDENT_COUNTS.put(Incident.PREMATURE_RETRACTION, 5);
        INCIDENT_COUNTS.put(Incident.CORRECTION, 28);
        INCIDENT_COUNTS.put(Incident.AMENDED, 8);
    }
    private static final List<AmendmentKind> AMENDMENTS = List.of(AmendmentKind.INVESTOR_RENAMED,
            AmendmentKind.INVESTMENT_RAISED, AmendmentKind.NAME_CHANGED, AmendmentKind.INVESTMENT_REDUCED,
            AmendmentKind.PARK_MOVED, AmendmentKind.CHAIN_RECLASSIFIED, AmendmentKind.INVESTMENT_RAISED,
            AmendmentKind.INVESTOR_RENAMED);

    private final Catalog catalog;

    private DemoGenerator(Catalog catalog) {
        this.catalog = catalog;
    }

    public static DemoGenerator fromCatalog() {
        return new DemoGenerator(Catalog.load());
    }

    /** The demo that {@code infra/local.sh} loads today (Asia/Shanghai). */
    public static DemoPlan standard() {
        return standard(LocalDate.now(CITY_ZONE));
    }

    /** The demo as loaded on that day. */
    public static DemoPlan standard(LocalDate today) {
        return fromCatalog().generate(STANDARD_SEED, today);
    }

    public DemoPlan generate(long seed, LocalDate today) {
        if (today.isBefore(DemoPlan.PLAN_END)) {
            throw new IllegalArgumentException("the demo is loaded after its plan's years, not on " + today);
        }
        Dice dice = new Dice(seed);
        List<ProjectDraft> drafts = new ArrayList<>();
        for (NamedProject named : catalog.namedProjects()) {
            ProjectDraft draft = new ProjectDraft(true, named.name(), named.district(), named.chain(), named.investor(),
                    named.park(), named.plannedYi().doubleValue());
            draft.recordedStages.addAll(recordedStages(dice, named.finalStage(), true));
            drafts.add(draft);
        }
        NameMaker names = new NameMaker(dice);
        List<ProjectDraft> generated = generateDrafts(dice, PROJECTS - drafts.size(), names);
        drafts.addAll(generated);
        assignIncidents(dice, generated);
        assignAmounts(drafts);

        StoryWriter writer = new StoryWriter(dice, catalog);
        List<Story> stories = new ArrayList<>();
        for (ProjectDraft draft : drafts) {
            stories.add(writer.write(draft));
        }
        List<String> codes = codes(drafts, stories);
        // the years since the plan: their own source, so that the plan's years never depend on today
        Dice later = new Dice(seed * 31 + 2024);
        Continuation continuation = new Continuation(later, today);
        List<DemoProject> projects = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ProjectDraft draft = drafts.get(i);
            DemoProject planYears = new DemoProject(codes.get(i), draft.name, draft.district, draft.chain,
                    draft.investor, draft.plannedInvestmentCny, draft.park, draft.named, stories.get(i).actions());
            List<ProjectAction> actions = new ArrayList<>(planYears.actions());
            actions.addAll(continuation.continueStory(planYears, draft));
            projects.add(new DemoProject(codes.get(i), draft.name, draft.district, draft.chain, draft.investor,
                    draft.plannedInvestmentCny, draft.park, draft.named, actions));
        }
        projects.addAll(newcomers(later, names.drawingFrom(later), continuation, today));
        Plans plans = new Plans(later, today);
        List<DemoProject> supervised = new ArrayList<>();
        for (DemoProject project : projects) {
            supervised.add(new DemoProject(project.code(), project.name(), project.district(), project.chain(),
                    project.investor(), project.plannedInvestmentCny(), project.park(), project.named(),
                    project.actions(), plans.of(project.outcome()), List.of()));
        }
        Supervising supervising = new Supervising(later, today, catalog);
        var closes = supervising.closes();
        List<DemoProject> restated = supervising.restate(supervised, closes);
        return new DemoPlan(seed, today, restated, supervising.targets(restated), closes, pendingReviews(restated, today));
    }

    /** Changes left waiting for review: in as many districts, each the retraction of an open project's highest stage. */
    public static final int PENDING_REVIEWS = 3;

    /** The first open projects with a stage, by code, of {@value #PENDING_REVIEWS} districts: the same on every load. */
    private static List<PendingReview> pendingReviews(List<DemoProject> projects, LocalDate today) {
        Map<String, PendingReview> byDistrict = new LinkedHashMap<>();
        projects.stream().sorted(Comparator.comparing(DemoProject::code)).forEach(project -> {
            ProjectOutcome outcome = project.outcome();
            if (byDistrict.size() < PENDING_REVIEWS && !byDistrict.containsKey(project.district())
                    && outcome.terminatedOn() == null) {
                outcome.stageOn(today).ifPresent(highest -> byDistrict.put(project.district(), new PendingReview(project,
                        new RetractMilestone(highest, "核查发现该阶段佐证材料不足，申请撤回"))));
            }
        });
        return List.copyOf(byDistrict.values());
    }

    /**
     * Projects that entered after the plan's years: {@value #NEWCOMERS_PER_YEAR} a year (this year's share by
     * today), coded by the year of their first stage, numbered per district and year from 001.
     */
    private List<DemoProject> newcomers(Dice dice, NameMaker names, Continuation continuation, LocalDate today) {
        List<DemoProject> newcomers = new ArrayList<>();
        List<DistrictProfile> districts = List.copyOf(catalog.districts().values());
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (int year = DemoPlan.PLAN_END.getYear() + 1; year <= today.getYear(); year++) {
            LocalDate yearStart = LocalDate.of(year, 1, 5);
            LocalDate yearEnd = LocalDate.of(year, 12, 20);
            LocalDate last = today.minusDays(5).isBefore(yearEnd) ? today.minusDays(5) : yearEnd;
            if (last.isBefore(yearStart)) {
                continue;
            }
            int count = year < today.getYear() ? NEWCOMERS_PER_YEAR
                    : (int) Math.round(NEWCOMERS_PER_YEAR * (today.getDayOfYear() / 365.0));
            List<LocalDate> firstDays = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                firstDays.add(dice.day(yearStart, last));
            }
            firstDays.sort(Comparator.naturalOrder());
            for (LocalDate firstDay : firstDays) {
                ProjectDraft draft = drawnDraft(dice, names, districts);
                draft.plannedInvestmentCny = StoryWriter.roundedTo(BigDecimal.valueOf(draft.rawYi * 1e8), MILLION)
                        .max(SMALLEST_PROJECT_CNY);
                newcomers.add(new DemoProject(nextCode(numbers, draft.district, year), draft.name, draft.district,
                        draft.chain, draft.investor, draft.plannedInvestmentCny, draft.park, false,
                        continuation.newcomerStory(draft, firstDay)));
            }
        }
        return newcomers;
    }

    private List<ProjectDraft> generateDrafts(Dice dice, int count, NameMaker names) {
        List<Stage> finalStages = finalStages(dice, count);
        List<ProjectDraft> drafts = new ArrayList<>();
        List<DistrictProfile> districts = List.copyOf(catalog.districts().values());
        for (int i = 0; i < count; i++) {
            ProjectDraft draft = drawnDraft(dice, names, districts);
            Stage finalStage = finalStages.get(i);
            if (finalStage != null) {
                draft.recordedStages.addAll(recordedStages(dice, finalStage, false));
            }
            drafts.add(draft);
        }
        return drafts;
    }

    /**
     * A generated project: a district drawn by weight, one of its chains by weight, a product of the chain, a
     * brand's name and investor, a park and an unscaled amount in the product's range.
     */
    private ProjectDraft drawnDraft(Dice dice, NameMaker names, List<DistrictProfile> districts) {
        DistrictProfile district = dice.weighted(districts, DistrictProfile::weight);
        List<ChainProfile> chains = district.chains().stream().map(catalog.chains()::get).toList();
        ChainProfile chain = dice.weighted(chains, ChainProfile::weight);
        Product product = dice.oneOf(catalog.productsOf(chain.code()));
        String brand = names.brand();
        return new ProjectDraft(false, names.projectName(brand, product), district.code(),
                chain.code(), names.investor(brand, chain), park(dice, district, chain.code()),
                dice.logUniform(product.minYi(), product.maxYi()));
    }

    /** Exactly the mix's shares of the count (largest remainders), in a random order; null = no stage. */
    private static List<Stage> finalStages(Dice dice, int count) {
        Map<Stage, Double> weights = new LinkedHashMap<>();
        weights.put(null, NO_STAGE_WEIGHT);
        weights.putAll(FINAL_STAGE_MIX);
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Stage, Integer> counts = new LinkedHashMap<>();
        Map<Stage, Double> remainders = new LinkedHashMap<>();
        int assigned = 0;
        for (Map.Entry<Stage, Double> weight : weights.entrySet()) {
            double exact = count * weight.getValue() / total;
            counts.put(weight.getKey(), (int) exact);
            remainders.put(weight.getKey(), exact - (int) exact);
            assigned += (int) exact;
        }
        List<Stage> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort(Comparator.comparing(remainders::get).reversed());
        for (int i = 0; i < count - assigned; i++) {
            counts.merge(byRemainder.get(i), 1, Integer::sum);
        }
        List<Stage> stages = new ArrayList<>();
        counts.forEach((stage, n) -> {
            for (int i = 0; i < n; i++) {
                stages.add(stage);
            }
        });
        return dice.shuffled(stages);
    }

    /**
     * The stages a story records up to its final one: many projects enter at 在谈, many straight at 签约,
     * a few at 落地; now and then a stage on the way is skipped (it counts as passed).
     */
    private static List<Stage> recordedStages(Dice dice, Stage finalStage, boolean named) {
        double entry = dice.between(0.0, 1.0);
        Stage first = entry < (named ? 0.5 : 0.55) ? Stage.TALKS : entry < 0.93 ? Stage.SIGNED : Stage.LANDED;
        if (first.compareTo(finalStage) > 0) {
            first = finalStage;
        }
        List<Stage> stages = new ArrayList<>();
        stages.add(first);
        for (Stage stage : Stage.values()) {
            if (stage.compareTo(first) > 0 && stage.compareTo(finalStage) < 0 && !dice.chance(0.1)) {
                stages.add(stage);
            }
        }
        if (finalStage != first) {
            stages.add(finalStage);
        }
        return stages;
    }

    /** A park of the district that hosts the chain, preferring one that specialises in it; sometimes none. */
    private static String park(Dice dice, DistrictProfile district, String chain) {
        if (dice.chance(0.15)) {
            return null;
        }
        List<Park> specialised = district.parks().stream().filter(park -> park.specialisesIn(chain)).toList();
        List<Park> hosting = district.parks().stream().filter(park -> park.hosts(chain)).toList();
        List<Park> candidates = specialised.isEmpty() ? hosting : specialised;
        return candidates.isEmpty() ? null : dice.oneOf(candidates).name();
    }

    private void assignIncidents(Dice dice, List<ProjectDraft> drafts) {
        Predicate<ProjectDraft> hasStage = draft -> draft.finalStage() != null;
        Predicate<ProjectDraft> endsBelowLanded = draft -> hasStage.test(draft)
                && draft.finalStage().compareTo(Stage.LANDED) <= 0;
        Predicate<ProjectDraft> unfinished = draft -> hasStage.test(draft) && draft.finalStage() != Stage.PRODUCING;
        Predicate<ProjectDraft> open = draft -> !draft.endsEarly();
        pick(dice, drafts, Incident.TERMINATED, endsBelowLanded.and(open));
        pick(dice, drafts, Incident.TERMINATED_AFTER_SUSPENSION, endsBelowLanded.and(open));
        pick(dice, drafts, Incident.SUSPENDED_AT_END,
                unfinished.and(draft -> draft.finalStage() != Stage.TALKS).and(open));
        pick(dice, drafts, Incident.OVER_REPORT, unfinished.and(open));
        pick(dice, drafts, Incident.STALLED, unfinished.and(open));
        pick(dice, drafts, Incident.ONLY_STAGE_RETRACTED, hasStage.negate());
        pick(dice, drafts, Incident.SUSPENDED_AND_RESUMED, draft -> draft.recordedStages.size() >= 2);
        pick(dice, drafts, Incident.PREMATURE_RETRACTION, hasStage);
        pick(dice, drafts, Incident.CORRECTION, hasStage);
        List<ProjectDraft> amended = pick(dice, drafts, Incident.AMENDED, draft -> !draft.terminates());
        for (int i = 0; i < amended.size(); i++) {
            ProjectDraft draft = amended.get(i);
            AmendmentKind kind = AMENDMENTS.get(i % AMENDMENTS.size());
            if (kind == AmendmentKind.PARK_MOVED && catalog.districts().get(draft.district).parks().stream()
                    .noneMatch(park -> park.hosts(draft.chain) && !park.name().equals(draft.park))) {
                kind = AmendmentKind.INVESTOR_RENAMED;
            }
            draft.amendment = kind;
            draft.amendmentRatio = kind == AmendmentKind.INVESTMENT_RAISED ? dice.between(0.1, 0.35)
                    : kind == AmendmentKind.INVESTMENT_REDUCED ? -dice.between(0.1, 0.3) : 0;
        }
    }

    private static List<ProjectDraft> pick(Dice dice, List<ProjectDraft> drafts, Incident incident,
                                           Predicate<ProjectDraft> eligible) {
        List<ProjectDraft> picked = dice.shuffled(drafts.stream().filter(eligible).toList()).stream()
                .limit(INCIDENT_COUNTS.get(incident)).toList();
        picked.forEach(draft -> draft.incidents.add(incident));
        return picked;
    }

    /**
     * Named projects keep their amounts; the generated ones are scaled so that all planned investment, as
     * finally amended, comes to {@link #PLANNED_INVESTMENT_CNY} (rounded to millions, at least 1亿元 each).
     */
    private static void assignAmounts(List<ProjectDraft> drafts) {
        BigDecimal named = BigDecimal.ZERO;
        double generated = 0;
        for (ProjectDraft draft : drafts) {
            if (draft.named) {
                draft.plannedInvestmentCny = Money.ofYi(BigDecimal.valueOf(draft.rawYi));
                named = named.add(draft.plannedInvestmentCny);
            } else {
                generated += draft.rawYi * (1 + draft.amendmentRatio);
            }
        }
        double scale = PLANNED_INVESTMENT_CNY.subtract(named).divide(Money.YI).doubleValue() / generated;
        for (ProjectDraft draft : drafts) {
            if (!draft.named) {
                BigDecimal planned = StoryWriter.roundedTo(BigDecimal.valueOf(draft.rawYi * scale * 1e8), MILLION);
                draft.plannedInvestmentCny = planned.max(SMALLEST_PROJECT_CNY);
            }
        }
    }

    /**
     * {@code TJ-<district>-<year>-<nnn>}: the year the story starts, numbered per district and year in the
     * order the stories start (a project registered without a stage counts as 2023's).
     */
    private List<String> codes(List<ProjectDraft> drafts, List<Story> stories) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> stories.get(i).firstDay()).thenComparing(i -> i));
        Map<String, Integer> numbers = new LinkedHashMap<>();
        String[] codes = new String[drafts.size()];
        for (int i : order) {
            codes[i] = nextCode(numbers, drafts.get(i).district, stories.get(i).firstDay().getYear());
        }
        return List.of(codes);
    }

    /** {@code TJ-<district>-<year>-<nnn>}, the next number of the district's year in {@code numbers}. */
    private String nextCode(Map<String, Integer> numbers, String district, int year) {
        String prefix = "TJ-" + catalog.districts().get(district).abbreviation() + "-" + year;
        return prefix + "-" + String.format("%03d", numbers.merge(prefix, 1, Integer::sum));
    }
}
