package io.groundbreak.funnel.funnel.web;

import io.groundbreak.kit.web.InvalidInput;
import io.groundbreak.funnel.funnel.query.Funnel;
import io.groundbreak.funnel.funnel.query.FunnelFilter;
import io.groundbreak.funnel.funnel.query.FunnelReader;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/funnel")
class FunnelController {

    /** Dates in Groundbreak are local dates of the city (DESIGN.md "Events"). */
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final FunnelReader funnels;
    private final ReferenceData referenceData;
    private final Clock clock;

    FunnelController(FunnelReader funnels, ReferenceData referenceData, Clock clock) {
        this.funnels = funnels;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /**
     * A district office sees its own district only: without {@code district} it gets its own, and
     * naming another is refused. A blank parameter counts as not given.
     */
    @GetMapping
    Funnel funnel(@RequestParam(required = false) String asOf,
                  @RequestParam(required = false) String district,
                  @RequestParam(required = false) String chain,
                  Authentication authentication) {
        FunnelFilter filter = validFilter(asOf, given(district), given(chain));
        return funnels.funnel(scopedToCaller(filter, CurrentUser.of(authentication)));
    }

    private FunnelFilter validFilter(String asOf, Optional<String> district, Optional<String> chain) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        LocalDate validDate = LocalDate.now(clock.withZone(CITY_ZONE));
        if (asOf != null) {
            try {
                validDate = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput.FieldProblem("asOf", "must be a date YYYY-MM-DD"));
            }
        }
        if (district.isPresent() && !referenceData.isDistrict(district.get())) {
            problems.add(new InvalidInput.FieldProblem("district", "is not a district code of the reference data"));
        }
        if (chain.isPresent() && !referenceData.isChain(chain.get())) {
            problems.add(new InvalidInput.FieldProblem("chain", "is not a chain code of the reference data"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new FunnelFilter(validDate, district, chain);
    }

    private static FunnelFilter scopedToCaller(FunnelFilter filter, CurrentUser user) {
        if (!user.isDistrictOffice()) {
            return filter;
        }
        String own = user.district().orElseThrow(() -> new OtherDistrict(user.name()));
        if (filter.district().isPresent() && !filter.district().get().equals(own)) {
            throw new OtherDistrict(user.name());
        }
        return new FunnelFilter(filter.asOf(), Optional.of(own), filter.chain());
    }

    private static Optional<String> given(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.strip());
    }
}
