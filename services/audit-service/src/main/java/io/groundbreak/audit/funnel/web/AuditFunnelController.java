package io.groundbreak.audit.funnel.web;

import io.groundbreak.audit.ledger.freshness.Freshness;
import io.groundbreak.audit.ledger.freshness.FreshnessReader;
import io.groundbreak.audit.ledger.freshness.WithFreshness;
import io.groundbreak.audit.funnel.replay.Funnel;
import io.groundbreak.audit.funnel.replay.FunnelScope;
import io.groundbreak.audit.funnel.replay.LedgerReplay;
import io.groundbreak.kit.web.InvalidInput;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditFunnelController {

    /** Dates in Groundbreak are local dates of the city (docs/events.md). */
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final LedgerReplay replay;
    private final ReferenceData referenceData;
    private final FreshnessReader freshness;
    private final Clock clock;

    AuditFunnelController(LedgerReplay replay, ReferenceData referenceData, FreshnessReader freshness, Clock clock) {
        this.replay = replay;
        this.referenceData = referenceData;
        this.freshness = freshness;
        this.clock = clock;
    }

    /**
     * The funnel valid on {@code validAt} (default: today in the city) as the ledger knew it at
     * {@code knownAt} (an ISO instant; default: now). A blank parameter counts as not given.
     */
    @GetMapping("/api/audit/funnel")
    WithFreshness<Funnel> funnel(@RequestParam(required = false) String validAt,
                  @RequestParam(required = false) String knownAt,
                  @RequestParam(required = false) String district,
                  @RequestParam(required = false) String chain) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        LocalDate validDate = LocalDate.now(clock.withZone(CITY_ZONE));
        Instant knownInstant = clock.instant();
        try {
            validDate = given(validAt).map(LocalDate::parse).orElse(validDate);
        } catch (DateTimeException e) {
            problems.add(new InvalidInput.FieldProblem("validAt", "must be a date YYYY-MM-DD"));
        }
        try {
            knownInstant = given(knownAt).map(Instant::parse).orElse(knownInstant);
        } catch (DateTimeException e) {
            problems.add(new InvalidInput.FieldProblem("knownAt", "must be a UTC instant like 2024-07-05T00:00:00Z"));
        }
        Optional<String> districtCode = given(district);
        Optional<String> chainCode = given(chain);
        if (districtCode.isPresent() && !referenceData.isDistrict(districtCode.get())) {
            problems.add(new InvalidInput.FieldProblem("district", "is not a district code of the reference data"));
        }
        if (chainCode.isPresent() && !referenceData.isChain(chainCode.get())) {
            problems.add(new InvalidInput.FieldProblem("chain", "is not a chain code of the reference data"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Freshness fresh = freshness.now();
        return new WithFreshness<>(replay.funnel(validDate, knownInstant, new FunnelScope(districtCode, chainCode)), fresh);
    }

    private static Optional<String> given(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.strip());
    }
}
