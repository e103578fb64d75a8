package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.freshness.FreshnessReader;
import io.groundbreak.funnel.query.FunnelFilter;
import io.groundbreak.funnel.query.Light;
import io.groundbreak.funnel.query.LightCounts;
import io.groundbreak.funnel.query.Lights;
import io.groundbreak.funnel.query.LightsReader;
import io.groundbreak.funnel.query.TargetCellKey;
import io.groundbreak.funnel.query.TargetProgress;
import io.groundbreak.funnel.query.Targets;
import io.groundbreak.funnel.query.TargetsReader;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision office's views (督办): every project's light, the plan's targets against actuals and their history;
 * a district office sees its own district's only.
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

    private static final int DEFAULT_SIZE = 50;
    private static final int MAX_SIZE = 1000;
    /** The years a target can be set for (TargetsSet.schema.json). */
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2100;

    private final LightsReader lights;
    private final TargetsReader targets;
    private final ReferenceData referenceData;
    private final Labels labels;
    private final FreshnessReader freshness;
    private final Clock clock;

    SupervisionController(LightsReader lights, TargetsReader targets, ReferenceData referenceData, Labels labels,
                          FreshnessReader freshness, Clock clock) {
        this.lights = lights;
        this.targets = targets;
        this.referenceData = referenceData;
        this.labels = labels;
        this.freshness = freshness;
        this.clock = clock;
    }

    @GetMapping("/lights")
    LightsAnswer lights(@RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String district,
                        @RequestParam(required = false) String chain,
                        @RequestParam(required = false) String light,
                        @RequestParam(required = false) String page,
                        @RequestParam(required = false) String size,
                        Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        FunnelFilter filter = parameters.filter(asOf, district, chain);
        Optional<Light> only = parameters.parsed("light", light, value -> Light.valueOf(value.toUpperCase(Locale.ROOT)),
                "must be green, amber or red");
        int pageNumber = parameters.number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = parameters.number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        parameters.check();
        filter = Parameters.scoped(filter, CurrentUser.of(authentication));
        Freshness fresh = freshness.now();
        Lights found = lights.lights(filter, only);
        List<ProjectItem> items = found.items().stream().skip((long) pageNumber * pageSize).limit(pageSize)
                .map(lit -> ProjectItem.of(lit.project(), lit.light(), labels)).toList();
        List<String> districts = filter.district().map(List::of).orElse(referenceData.districtCodes());
        List<String> chains = filter.chain().map(List::of).orElse(referenceData.chainCodes());
        long totalItems = found.items().size();
        return new LightsAnswer(filter.asOf(), only.orElse(null), pageNumber, pageSize, totalItems,
                (totalItems + pageSize - 1) / pageSize, items,
                LightCountsAnswer.of(new Label(null, null, null), found.total()),
                districts.stream().map(code -> LightCountsAnswer.of(labels.district(code),
                        found.byDistrict().getOrDefault(code, LightCounts.NONE))).toList(),
                chains.stream().map(code -> LightCountsAnswer.of(labels.chain(code),
                        found.byChain().getOrDefault(code, LightCounts.NONE))).toList(),
                fresh);
    }

    /** The year's targets against actuals; year defaults to the year of asOf (today by default). */
    @GetMapping("/targets")
    TargetsAnswer targets(@RequestParam(required = false) String year,
                          @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String district,
                          @RequestParam(required = false) String chain,
                          Authentication authentication) {
        TargetScope scope = targetScope(year, asOf, district, chain, authentication);
        int targetYear = scope.year();
        FunnelFilter filter = scope.filter();
        Freshness fresh = freshness.now();
        Targets found = targets.targets(targetYear, filter);
        Map<String, TargetProgress> byDistrict = found.byDistrict();
        Map<String, TargetProgress> byChain = found.byChain();
        List<String> districts = filter.district().map(List::of).orElse(referenceData.districtCodes());
        List<String> chains = filter.chain().map(List::of).orElse(referenceData.chainCodes());
        List<TargetCellAnswer> cells = found.cells().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<TargetCellKey, TargetProgress> cell) ->
                                order(districts, cell.getKey().district()))
                        .thenComparing(cell -> order(chains, cell.getKey().chain())))
                .map(cell -> new TargetCellAnswer(labels.district(cell.getKey().district()),
                        labels.chain(cell.getKey().chain()), TargetFiguresAnswer.of(cell.getValue())))
                .toList();
        return new TargetsAnswer(targetYear, filter.asOf(), found.until(),
                TargetRowAnswer.of(new Label(null, null, null), TargetFiguresAnswer.of(found.total())),
                districts.stream().map(code -> TargetRowAnswer.of(labels.district(code),
                        TargetFiguresAnswer.of(byDistrict.getOrDefault(code, TargetProgress.NONE)))).toList(),
                chains.stream().map(code -> TargetRowAnswer.of(labels.chain(code),
                        TargetFiguresAnswer.of(byChain.getOrDefault(code, TargetProgress.NONE)))).toList(),
                cells, fresh);
    }

    /** Every change of the year's targets in the scope, newest first: who, when, why. */
    @GetMapping("/targets/history")
    TargetHistoryAnswer targetHistory(@RequestParam(required = false) String year,
                                      @RequestParam(required = false) String district,
                                      @RequestParam(required = false) String chain,
                                      Authentication authentication) {
        TargetScope scope = targetScope(year, null, district, chain, authentication);
        return new TargetHistoryAnswer(scope.year(), targets.history(scope.year(), scope.filter()).stream()
                .map(change -> new TargetHistoryAnswer.Change(change.eventId(), change.time(), change.recordedBy(),
                        change.reason(), labels.district(change.cell().district()), labels.chain(change.cell().chain()),
                        change.target()))
                .toList());
    }

    /** The target year asked for (by default that of asOf, today by default) and the filter scoped to the caller. */
    private record TargetScope(int year, FunnelFilter filter) {
    }

    private TargetScope targetScope(String year, String asOf, String district, String chain, Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        FunnelFilter filter = parameters.filter(asOf, district, chain);
        int targetYear = parameters.number("year", year, filter.asOf().getYear(), MIN_YEAR, MAX_YEAR);
        parameters.check();
        return new TargetScope(targetYear, Parameters.scoped(filter, CurrentUser.of(authentication)));
    }

    /** A code's place in the reference data's order; one it does not know (another city's data) last. */
    private static int order(List<String> codes, String code) {
        int index = codes.indexOf(code);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
