package io.groundbreak.funnel.query;

/** A cell of the plan's targets: one district's one chain. */
public record TargetCellKey(String district, String chain) {
}
