package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.freshness.FreshnessReader;
import io.groundbreak.funnel.query.DuplicateCandidate;
import io.groundbreak.funnel.query.DuplicateFinder;
import io.groundbreak.funnel.query.FunnelFilter;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The city's coordination office (全市招商引资"一盘棋") sees the projects two districts may both have registered; a
 * district office sees the pairs one of whose projects is its own.
 */
@RestController
class DuplicateController {

    private final DuplicateFinder finder;
    private final ReferenceData referenceData;
    private final Labels labels;
    private final FreshnessReader freshness;
    private final Clock clock;

    DuplicateController(DuplicateFinder finder, ReferenceData referenceData, Labels labels, FreshnessReader freshness,
                        Clock clock) {
        this.finder = finder;
        this.referenceData = referenceData;
        this.labels = labels;
        this.freshness = freshness;
        this.clock = clock;
    }

    @GetMapping("/api/duplicates")
    DuplicatesAnswer duplicates(@RequestParam(required = false) String district,
                                @RequestParam(required = false) String chain,
                                Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        FunnelFilter filter = parameters.filter(null, district, chain);
        parameters.check();
        filter = Parameters.scoped(filter, CurrentUser.of(authentication));
        Freshness fresh = freshness.now();
        List<DuplicateCandidate> found = finder.candidates(filter.district(), filter.chain());
        return new DuplicatesAnswer(found.size(), found.stream().map(pair -> DuplicatesAnswer.Pair.of(pair, labels)).toList(),
                fresh);
    }
}
