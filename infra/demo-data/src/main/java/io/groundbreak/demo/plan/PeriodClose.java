package io.groundbreak.demo.plan;

import java.time.YearMonth;
import java.util.Objects;

/** {@code POST /api/periods/{period}/close} to audit-service, as the district's office (月度调度). */
public record PeriodClose(String district, YearMonth period) {

    public PeriodClose {
        Objects.requireNonNull(district);
        Objects.requireNonNull(period);
    }

    public String path() {
        return "/api/periods/" + period + "/close";
    }

    public String districtUser() {
        return "d" + district;
    }
}
