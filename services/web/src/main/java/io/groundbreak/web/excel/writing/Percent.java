package io.groundbreak.web.excel.writing;

/** A rate (0.42 for 42 %) written as a number with the percent format. */
public record Percent(double rate) {
}
