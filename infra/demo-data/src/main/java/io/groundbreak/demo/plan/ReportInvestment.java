package io.groundbreak.demo.plan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /investment-reports}: the investment completed up to the end of a month. */
public record ReportInvestment(YearMonth period, BigDecimal cumulativeCompletedCny) implements ProjectAction {

    public ReportInvestment {
        Objects.requireNonNull(period);
        Objects.requireNonNull(cumulativeCompletedCny);
    }

    @Override
    public String path() {
        return "/investment-reports";
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", period.toString());
        body.put("cumulativeCompletedCny", Money.text(cumulativeCompletedCny));
        return body;
    }

    @Override
    public String slug() {
        return "investment-report-" + period;
    }
}
