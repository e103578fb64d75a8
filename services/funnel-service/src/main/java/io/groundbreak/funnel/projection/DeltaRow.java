package io.groundbreak.funnel.projection;

import java.time.LocalDate;

/** One row to add to funnel_delta: a change of funnel position in one scope and grain. */
record DeltaRow(String scopeDistrict, String scopeChain, String grain, LocalDate onDate, int stage, boolean terminated,
                Change change) {

    String key() {
        return scopeDistrict + "|" + scopeChain + "|" + grain + "|" + onDate + "|" + stage + "|" + terminated;
    }

    DeltaRow plus(DeltaRow other) {
        return new DeltaRow(scopeDistrict, scopeChain, grain, onDate, stage, terminated, change.plus(other.change));
    }
}
