package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.freshness.FreshnessReader;
import io.groundbreak.funnel.query.FunnelFilter;
import io.groundbreak.funnel.query.Light;
import io.groundbreak.funnel.query.LightCounts;
import io.groundbreak.funnel.query.Lights;
import io.groundbreak.funnel.query.LightsReader;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervision office's views (督办): every project's light; a district office sees its own district's only. */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

    private static final int DEFAULT_SIZE = 50;
    private static final int MAX_SIZE = 1000;

    private final LightsReader lights;
    private final ReferenceData referenceData;
    private final Labels labels;
    private final FreshnessReader freshness;
    private final Clock clock;

    SupervisionController(LightsReader lights, ReferenceData referenceData, Labels labels, FreshnessReader freshness,
                          Clock clock) {
        this.lights = lights;
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
}
