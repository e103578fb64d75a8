package io.groundbreak.funnel.projection;

import io.groundbreak.events.Stage;
import java.time.LocalDate;
import java.util.Objects;

/**
 * From {@code from} on, a project of this district and chain enters or leaves "at {@code stage}, terminated or not".
 * A map key of every funnel difference: hashCode and equals written out, as {@link DeltaRow.Key}'s.
 */
record FunnelPosition(String district, String chain, Stage stage, boolean terminated, LocalDate from) {

    @Override
    public int hashCode() {
        return (((Objects.hashCode(district) * 31 + Objects.hashCode(chain)) * 31 + stage.ordinal()) * 31
                + from.hashCode()) * 2 + (terminated ? 1 : 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FunnelPosition position && stage == position.stage
                && terminated == position.terminated && from.equals(position.from)
                && Objects.equals(district, position.district) && Objects.equals(chain, position.chain);
    }
}
