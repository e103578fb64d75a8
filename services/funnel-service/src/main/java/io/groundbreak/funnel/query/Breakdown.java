package io.groundbreak.funnel.query;

/** What a funnel breakdown splits by: district and chain from funnel_delta, source from the project list. */
public enum Breakdown {
    DISTRICT, CHAIN, SOURCE
}
