package io.groundbreak.web.session;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.config.WebProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every page asks first: who is logged in, the reference data (project sources included), the plan and the
 * stalled thresholds.
 */
@RestController
class SessionController {

    private final ReferenceData referenceData;
    private final WebProperties properties;

    SessionController(ReferenceData referenceData, WebProperties properties) {
        this.referenceData = referenceData;
        this.properties = properties;
    }

    /** Reading the CSRF token here also (re)issues its cookie, which a sign-in rotates. */
    @GetMapping("/web/me")
    Me me(Authentication authentication, CsrfToken csrf) {
        csrf.getToken();
        CurrentUser user = CurrentUser.of(authentication);
        return new Me(user.name(), user.role(), user.district().orElse(null), referenceData.districts(),
                referenceData.chains(), referenceData.stages(), properties.plan(), properties.stalled(),
                referenceData.sources());
    }
}
