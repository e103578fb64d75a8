package io.groundbreak.web.gateway;

/** The services behind the web app's {@code /api}. */
public enum Backend {
    MILESTONES, FUNNEL, AUDIT
}
