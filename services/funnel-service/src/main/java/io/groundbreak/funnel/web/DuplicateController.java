package io.groundbreak.funnel.web;

import io.groundbreak.funnel.freshness.Freshness;
import io.groundbreak.funnel.freshness.FreshnessReader;
import io.groundbreak.funnel.query.DuplicatePair;
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
 * district office (or its reviewer) sees the pairs one of whose projects is its own. Open candidates are for the city to
 * decide; decided pairs say what it decided.
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

    /** {@code status} open (the default: candidates without a decision) or decided (every pair with one). */
    @GetMapping("/api/duplicates")
    DuplicatesAnswer duplicates(@RequestParam(required = false) String status,
                                @RequestParam(required = false) String district,
                                @RequestParam(required = false) String chain,
                                Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        boolean decided = parameters.parsed("status", status, DuplicateController::decided, "must be open or decided")
                .orElse(false);
        FunnelFilter filter = parameters.filter(null, district, chain);
        parameters.check();
        filter = Parameters.scoped(filter, CurrentUser.of(authentication));
        Freshness fresh = freshness.now();
        List<DuplicatePair> found = decided ? finder.decided(filter.district(), filter.chain())
                : finder.open(filter.district(), filter.chain());
        return new DuplicatesAnswer(found.size(), found.stream().map(pair -> DuplicatesAnswer.Pair.of(pair, labels)).toList(),
                fresh);
    }

    private static boolean decided(String status) {
        return switch (status) {
            case "open" -> false;
            case "decided" -> true;
            default -> throw new IllegalArgumentException(status);
        };
    }
}
