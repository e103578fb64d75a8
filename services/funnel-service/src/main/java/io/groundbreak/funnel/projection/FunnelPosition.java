package io.groundbreak.funnel.projection;

import io.groundbreak.events.Stage;
import java.time.LocalDate;

/** From {@code from} on, a project of this district and chain enters or leaves "at {@code stage}, terminated or not". */
record FunnelPosition(String district, String chain, Stage stage, boolean terminated, LocalDate from) {
}
