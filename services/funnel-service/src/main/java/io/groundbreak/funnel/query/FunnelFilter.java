package io.groundbreak.funnel.query;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The valid date and the optional district and chain a funnel is asked for. */
public record FunnelFilter(LocalDate asOf, Optional<String> district, Optional<String> chain) {

    public FunnelFilter {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(chain, "chain");
    }
}
