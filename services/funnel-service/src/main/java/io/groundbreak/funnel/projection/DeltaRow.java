package io.groundbreak.funnel.projection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/** One row to add to funnel_delta: a change of funnel position in one scope and grain. */
record DeltaRow(String scopeDistrict, String scopeChain, String grain, LocalDate onDate, int stage, boolean terminated,
                Change change) {

    /** funnel_delta's key order: how every writer sorts its rows, so that two lock shared rows alike. */
    static final Comparator<DeltaRow> KEY_ORDER = Comparator.comparing(DeltaRow::scopeDistrict)
            .thenComparing(DeltaRow::scopeChain).thenComparing(DeltaRow::grain).thenComparing(DeltaRow::onDate)
            .thenComparingInt(DeltaRow::stage).thenComparing(DeltaRow::terminated);

    /**
     * funnel_delta's primary key. A rebuild merges eight of them per funnel position, so hashCode and equals are
     * written out: a record's generated ones (through method handles) took a tenth of its time.
     */
    record Key(String scopeDistrict, String scopeChain, String grain, LocalDate onDate, int stage, boolean terminated) {

        DeltaRow with(Change change) {
            return new DeltaRow(scopeDistrict, scopeChain, grain, onDate, stage, terminated, change);
        }

        @Override
        public int hashCode() {
            return ((((Objects.hashCode(scopeDistrict) * 31 + Objects.hashCode(scopeChain)) * 31 + grain.hashCode()) * 31
                    + onDate.hashCode()) * 31 + stage) * 2 + (terminated ? 1 : 0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && stage == key.stage && terminated == key.terminated
                    && onDate.equals(key.onDate) && grain.equals(key.grain) && Objects.equals(scopeDistrict, key.scopeDistrict)
                    && Objects.equals(scopeChain, key.scopeChain);
        }
    }
}
