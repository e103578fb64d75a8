package io.groundbreak.bench;

/**
 * The raw limit a figure is compared with: another figure of the same run (its key, value and unit).
 *
 * @param key the yardstick's figure key, e.g. {@code raw.jdbc.1-row-tx.c32} or {@code raw.axon.plain}
 */
public record FigureLimit(String key, double value, String unit) {
}
