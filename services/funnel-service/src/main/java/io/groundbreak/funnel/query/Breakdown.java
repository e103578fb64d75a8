package io.groundbreak.funnel.query;

/** What a funnel breakdown splits by. */
public enum Breakdown {
    DISTRICT, CHAIN
}
