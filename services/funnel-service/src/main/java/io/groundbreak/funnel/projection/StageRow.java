package io.groundbreak.funnel.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A recorded, not retracted stage of a project: a row of the {@code milestone} table. */
record StageRow(LocalDate effectiveDate, BigDecimal amountCny) {
}
