package io.groundbreak.funnel.query;

import java.util.Objects;

/** The cohort table asked for: periods {@code from} to {@code to} (both included, of one grain), on the filter's date. */
public record CohortQuery(FunnelFilter filter, CohortPeriod from, CohortPeriod to) {

    public CohortQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.grain() != to.grain() || from.start().isAfter(to.start())) {
            throw new IllegalArgumentException("from " + from + " and to " + to + " are no span of periods");
        }
    }
}
