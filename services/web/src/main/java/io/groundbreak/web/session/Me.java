package io.groundbreak.web.session;

import io.groundbreak.kit.security.Role;
import io.groundbreak.reference.Chain;
import io.groundbreak.reference.District;
import io.groundbreak.reference.Source;
import io.groundbreak.reference.StageInfo;
import io.groundbreak.web.config.WebProperties;
import java.util.List;

/** The logged-in user (district only for a district office) and what the pages need to draw. */
record Me(String name, Role role, String district, List<District> districts, List<Chain> chains,
          List<StageInfo> stages, WebProperties.Plan plan, WebProperties.Stalled stalled, List<Source> sources) {
}
