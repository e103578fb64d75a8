package io.groundbreak.audit.funnel.replay;

import io.groundbreak.events.Stage;

/** reached(to) / reached(from); null when nobody reached {@code from}. */
public record Conversion(Stage from, Stage to, Double rate) {
}
