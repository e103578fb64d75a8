package io.groundbreak.funnel.rebuild;

/** Which read-model set answers now, whether a rebuild runs in this instance, and the last one's report (or null). */
public record RebuildStatus(String active, boolean running, RebuildReport last) {
}
