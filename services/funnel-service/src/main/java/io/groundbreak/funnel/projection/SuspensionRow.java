package io.groundbreak.funnel.projection;

import java.time.LocalDate;

/** A suspension period not stored yet: a row for the {@code suspension} table; {@code resumedOn} null while open. */
record SuspensionRow(long sequence, LocalDate suspendedOn, LocalDate resumedOn) {

    SuspensionRow resumed(LocalDate on) {
        return new SuspensionRow(sequence, suspendedOn, on);
    }
}
