package io.groundbreak.web.excel;

/** A number typed into a cell without a date format, for {@link Sheets}: what a date typed as an Excel serial number is. */
public record Serial(double value) {
}
