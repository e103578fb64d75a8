package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.freshness.FreshnessReader;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.query.Breakdown;
import io.groundbreak.funnel.query.Cohort;
import io.groundbreak.funnel.query.CohortGrain;
import io.groundbreak.funnel.query.CohortPeriod;
import io.groundbreak.funnel.query.CohortQuery;
import io.groundbreak.funnel.query.CohortReader;
import io.groundbreak.funnel.query.Funnel;
import io.groundbreak.funnel.query.FunnelFilter;
import io.groundbreak.funnel.query.FunnelReader;
import io.groundbreak.funnel.query.MilestoneReader;
import io.groundbreak.funnel.query.SourceBreakdown;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The funnel, its breakdowns, cycle times and trend; a district office reads its own district only. */
@RestController
@RequestMapping("/api/funnel")
class FunnelController {

    /** The trend's default span, and the longest one answered. */
    private static final int TREND_DEFAULT_MONTHS = 12;
    private static final int TREND_MAX_MONTHS = 240;
    /** The cohort table's default span (two years of quarters, a year of months), and the longest one answered. */
    private static final int COHORT_DEFAULT_QUARTERS = 8;
    private static final int COHORT_DEFAULT_MONTHS = 12;
    private static final int COHORT_MAX_PERIODS = 120;

    private final FunnelReader funnels;
    private final MilestoneReader milestones;
    private final CohortReader cohorts;
    private final SourceBreakdown sources;
    private final ReferenceData referenceData;
    private final Labels labels;
    private final FreshnessReader freshness;
    private final Clock clock;

    FunnelController(FunnelReader funnels, MilestoneReader milestones, CohortReader cohorts, SourceBreakdown sources,
                     ReferenceData referenceData, Labels labels, FreshnessReader freshness, Clock clock) {
        this.funnels = funnels;
        this.milestones = milestones;
        this.cohorts = cohorts;
        this.sources = sources;
        this.referenceData = referenceData;
        this.labels = labels;
        this.freshness = freshness;
        this.clock = clock;
    }

    @GetMapping
    FunnelAnswer funnel(@RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String district,
                        @RequestParam(required = false) String chain,
                        Authentication authentication) {
        FunnelFilter filter = filter(asOf, district, chain, authentication);
        Freshness fresh = freshness.now();
        return FunnelAnswer.of(funnels.funnel(filter), labels, fresh);
    }

    /**
     * by=district lists every district (a district office: its own only); by=chain every chain; by=source every source
     * of the reference data, then the projects without a source (code null).
     */
    @GetMapping("/breakdown")
    BreakdownAnswer breakdown(@RequestParam(required = false) String by,
                              @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String district,
                              @RequestParam(required = false) String chain,
                              Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        Optional<Breakdown> breakdown = parameters.parsed("by", by, value -> Breakdown.valueOf(value.toUpperCase(Locale.ROOT)),
                "must be district, chain or source");
        if (by == null || by.isBlank()) {
            parameters.problem("by", "must be district, chain or source");
        }
        FunnelFilter filter = parameters.filter(asOf, district, chain);
        parameters.check();
        filter = Parameters.scoped(filter, CurrentUser.of(authentication));
        List<String> codes = switch (breakdown.get()) {
            case DISTRICT -> filter.district().map(List::of).orElse(referenceData.districtCodes());
            case CHAIN -> filter.chain().map(List::of).orElse(referenceData.chainCodes());
            case SOURCE -> {
                List<String> sourceCodes = new ArrayList<>(referenceData.sourceCodes());
                sourceCodes.add(SourceBreakdown.NO_SOURCE);
                yield sourceCodes;
            }
        };
        Freshness fresh = freshness.now();
        Map<String, Funnel> split = breakdown.get() == Breakdown.SOURCE
                ? sources.bySource(filter, codes) : funnels.breakdown(breakdown.get(), filter, codes);
        List<BreakdownEntry> entries = new ArrayList<>();
        split.forEach((code, funnel) -> {
            Label label = switch (breakdown.get()) {
                case DISTRICT -> labels.district(code);
                case CHAIN -> labels.chain(code);
                case SOURCE -> labels.source(code);
            };
            FunnelAnswer answer = FunnelAnswer.of(funnel, labels, fresh);
            entries.add(new BreakdownEntry(label.code(), label.nameZh(), label.nameEn(), answer.stages(), answer.conversions()));
        });
        return new BreakdownAnswer(filter.asOf(), breakdown.get().name().toLowerCase(Locale.ROOT), entries, fresh);
    }

    @GetMapping("/cycle-times")
    CycleTimesAnswer cycleTimes(@RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) String district,
                                     @RequestParam(required = false) String chain,
                                     Authentication authentication) {
        FunnelFilter filter = filter(asOf, district, chain, authentication);
        Freshness fresh = freshness.now();
        return new CycleTimesAnswer(filter.asOf(), milestones.cycleTimes(filter).stream().map(time -> {
            Label from = labels.stage(time.from());
            Label to = labels.stage(time.to());
            return new CycleTimeAnswer(from.code(), to.code(), from.nameZh() + "→" + to.nameZh(),
                    from.nameEn() + " → " + to.nameEn(), time.count(), time.medianDays(), time.p90Days());
        }).toList(), fresh);
    }

    /** from and to are months YYYY-MM, both included; without them, the twelve months up to this one. */
    @GetMapping("/trend")
    TrendAnswer trend(@RequestParam(required = false) String from,
                      @RequestParam(required = false) String to,
                      @RequestParam(required = false) String district,
                      @RequestParam(required = false) String chain,
                      Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        YearMonth last = parameters.month("to", to).orElseGet(() -> YearMonth.from(parameters.today()));
        YearMonth first = parameters.month("from", from).orElse(last.minusMonths(TREND_DEFAULT_MONTHS - 1));
        Optional<String> districtCode = parameters.district(district);
        Optional<String> chainCode = parameters.chain(chain);
        if (first.isAfter(last)) {
            parameters.problem("from", "must not be after to");
        } else if (first.plusMonths(TREND_MAX_MONTHS).isBefore(last.plusMonths(1))) {
            parameters.problem("from", "must be at most " + TREND_MAX_MONTHS + " months before to");
        }
        parameters.check();
        districtCode = Parameters.scopedDistrict(districtCode, CurrentUser.of(authentication));
        Freshness fresh = freshness.now();
        List<TrendAnswer.Month> months = milestones.trend(first, last, districtCode, chainCode).stream()
                .map(month -> new TrendAnswer.Month(month.month(), month.reached().entrySet().stream().map(reached -> {
                    Label stage = labels.stage(reached.getKey());
                    return new TrendAnswer.Reached(stage.code(), stage.nameZh(), stage.nameEn(), reached.getValue());
                }).toList()))
                .toList();
        return new TrendAnswer(first, last, months, fresh);
    }

    /**
     * Cohorts per quarter (default) or month: from and to are periods of that grain ({@code 2024-Q1}, {@code 2024-01}),
     * both included; without them, the eight quarters (twelve months) up to asOf's.
     */
    @GetMapping("/cohorts")
    CohortsAnswer cohorts(@RequestParam(required = false) String by,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String district,
                          @RequestParam(required = false) String chain,
                          Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        CohortGrain grain = parameters.parsed("by", by, value -> CohortGrain.valueOf(value.toUpperCase(Locale.ROOT)),
                "must be quarter or month").orElse(CohortGrain.QUARTER);
        FunnelFilter filter = parameters.filter(asOf, district, chain);
        CohortPeriod last = period(parameters, "to", to, grain).orElseGet(() -> CohortPeriod.of(grain, filter.asOf()));
        CohortPeriod first = period(parameters, "from", from, grain).orElseGet(() ->
                last.plus(1 - (grain == CohortGrain.QUARTER ? COHORT_DEFAULT_QUARTERS : COHORT_DEFAULT_MONTHS)));
        if (first.start().isAfter(last.start())) {
            parameters.problem("from", "must not be after to");
        } else if (first.count(last) > COHORT_MAX_PERIODS) {
            parameters.problem("from", "must be at most " + COHORT_MAX_PERIODS + " periods before to");
        } else if (first.start().getYear() < 1) {
            parameters.problem("from", "must not be before the year 0001");
        }
        parameters.check();
        FunnelFilter scoped = Parameters.scoped(filter, CurrentUser.of(authentication));
        Freshness fresh = freshness.now();
        List<CohortsAnswer.Transition> transitions = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (stage == Stage.PRODUCING) {
                continue;
            }
            Label stageFrom = labels.stage(stage);
            Label stageTo = labels.stage(Stage.values()[stage.ordinal() + 1]);
            transitions.add(new CohortsAnswer.Transition(stageFrom.code(), stageTo.code(),
                    stageFrom.nameZh() + "→" + stageTo.nameZh(), stageFrom.nameEn() + " → " + stageTo.nameEn(),
                    new ArrayList<>()));
        }
        for (Cohort cohort : cohorts.cohorts(new CohortQuery(scoped, first, last))) {
            transitions.get(cohort.stage().ordinal()).periods().add(new CohortsAnswer.Period(cohort.period().toString(),
                    cohort.period().start(), cohort.period().end(), cohort.projects(), cohort.windows().stream()
                    .map(window -> new CohortsAnswer.Window(window.days(), window.reached(), window.closed())).toList(),
                    cohort.reached(), cohort.waiting(), cohort.lost()));
        }
        return new CohortsAnswer(scoped.asOf(), grain.name().toLowerCase(Locale.ROOT), first.toString(), last.toString(),
                transitions, fresh);
    }

    /** A period of the grain asked for; one of the other grain is refused like any malformed one. */
    private static Optional<CohortPeriod> period(Parameters parameters, String name, String value, CohortGrain grain) {
        String message = grain == CohortGrain.QUARTER ? "must be a quarter YYYY-Qn, e.g. 2024-Q1" : "must be a month YYYY-MM";
        Optional<CohortPeriod> period = parameters.parsed(name, value, CohortPeriod::parse, message);
        if (period.isPresent() && period.get().grain() != grain) {
            parameters.problem(name, message);
            return Optional.empty();
        }
        return period;
    }

    private FunnelFilter filter(String asOf, String district, String chain, Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        FunnelFilter filter = parameters.filter(asOf, district, chain);
        parameters.check();
        return Parameters.scoped(filter, CurrentUser.of(authentication));
    }
}
