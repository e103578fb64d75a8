package io.groundbreak.funnel.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project's row of the {@code project} table. */
record ProjectRow(String code, String name, String district, String chain, String investor, String park,
                  BigDecimal plannedInvestmentCny, LocalDate terminatedOn) {

    ProjectRow terminated(LocalDate on) {
        return new ProjectRow(code, name, district, chain, investor, park, plannedInvestmentCny, on);
    }

    /** The amended fields replace the row's; a field left out (null) keeps its value. */
    ProjectRow amended(String newName, String newChain, String newInvestor, String newPark, BigDecimal newPlanned) {
        return new ProjectRow(code, orKept(newName, name), district, orKept(newChain, chain), orKept(newInvestor, investor),
                orKept(newPark, park), orKept(newPlanned, plannedInvestmentCny), terminatedOn);
    }

    private static <T> T orKept(T amended, T kept) {
        return amended != null ? amended : kept;
    }
}
