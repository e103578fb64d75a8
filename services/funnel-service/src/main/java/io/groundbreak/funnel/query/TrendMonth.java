package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.time.YearMonth;
import java.util.Map;

/** Per stage, how many projects reached it (for the first time, as now known) in {@code month}. */
public record TrendMonth(YearMonth month, Map<Stage, Long> reached) {
}
