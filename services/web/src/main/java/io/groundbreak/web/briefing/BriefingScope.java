package io.groundbreak.web.briefing;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What one briefing covers: the month, the date its figures are valid on (the month's last day, or today for the
 * current month, in Asia/Shanghai), and the city, one district or one chain (district and chain are never both set).
 */
record BriefingScope(YearMonth month, LocalDate asOf, String district, String chain) {

    boolean city() {
        return district == null && chain == null;
    }
}
