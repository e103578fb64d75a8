package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.RequestReader;
import io.groundbreak.funnel.query.RequestStatus;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change requests that need (or needed) a second person: a district office and its reviewer see their district's,
 * the city all of them. Approving and rejecting are milestone-service's.
 */
@RestController
class RequestController {

    private final RequestReader requests;
    private final ReferenceData referenceData;
    private final Labels labels;
    private final Clock clock;

    RequestController(RequestReader requests, ReferenceData referenceData, Labels labels, Clock clock) {
        this.requests = requests;
        this.referenceData = referenceData;
        this.labels = labels;
        this.clock = clock;
    }

    /** {@code status} pending (the default), approved, rejected or withdrawn. */
    @GetMapping("/api/requests")
    RequestsAnswer requests(@RequestParam(required = false) String status,
                            @RequestParam(required = false) String district,
                            Authentication authentication) {
        Parameters parameters = new Parameters(referenceData, clock);
        Optional<RequestStatus> wanted = parameters.parsed("status", status,
                value -> RequestStatus.valueOf(value.toUpperCase(Locale.ROOT)),
                "must be pending, approved, rejected or withdrawn");
        Optional<String> of = parameters.district(district);
        parameters.check();
        Optional<String> scoped = Parameters.scopedDistrict(of, CurrentUser.of(authentication));
        return new RequestsAnswer(requests.requests(wanted.orElse(RequestStatus.PENDING), scoped).stream()
                .map(request -> RequestsAnswer.Request.of(request, labels)).toList());
    }
}
