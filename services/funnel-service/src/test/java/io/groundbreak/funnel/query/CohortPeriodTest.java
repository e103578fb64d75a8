package io.groundbreak.funnel.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Quarters and months as the cohort table writes and reads them. */
class CohortPeriodTest {

    @Test
    void quartersAndMonthsReadAndWriteTheirNames() {
        CohortPeriod quarter = CohortPeriod.parse("2024-Q4");
        assertThat(quarter.start()).isEqualTo(LocalDate.parse("2024-10-01"));
        assertThat(quarter.end()).isEqualTo(LocalDate.parse("2024-12-31"));
        assertThat(quarter).hasToString("2024-Q4");
        assertThat(quarter.next()).hasToString("2025-Q1");
        assertThat(quarter.plus(-7)).hasToString("2023-Q1");
        assertThat(CohortPeriod.parse("2023-Q1").count(quarter)).isEqualTo(8);
        assertThat(quarter.count(CohortPeriod.parse("2023-Q1"))).isZero();

        CohortPeriod february = CohortPeriod.parse("2024-02");
        assertThat(february.grain()).isEqualTo(CohortGrain.MONTH);
        assertThat(february.end()).isEqualTo(LocalDate.parse("2024-02-29"));
        assertThat(february.plus(-2)).hasToString("2023-12");
        assertThat(CohortPeriod.of(CohortGrain.QUARTER, LocalDate.parse("2024-08-17"))).hasToString("2024-Q3");
        assertThat(CohortPeriod.of(CohortGrain.MONTH, LocalDate.parse("2024-08-17"))).hasToString("2024-08");
    }

    @Test
    void anythingElseIsRefused() {
        for (String text : new String[] {"2024-Q5", "2024-Q0", "2024-13", "2024-1", "24-Q1", "2024-q1", "0000-Q1",
                "2024-01-01", "+12024-01"}) {
            assertThatThrownBy(() -> CohortPeriod.parse(text)).as(text).isInstanceOf(RuntimeException.class);
        }
        assertThatThrownBy(() -> new CohortPeriod(CohortGrain.QUARTER, LocalDate.parse("2024-02-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
