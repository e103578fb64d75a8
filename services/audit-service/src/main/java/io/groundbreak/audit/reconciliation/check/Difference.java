package io.groundbreak.audit.reconciliation.check;

/**
 * One figure on which the ledger's replay and funnel-service's live answer disagree: in which funnel
 * ({@code city}, {@code district=…}, {@code chain=…}), at which stage (or conversion {@code SIGNED->LANDED}),
 * which field, and both values as text.
 */
public record Difference(String scope, String stage, String field, String ledger, String funnelService) {
}
