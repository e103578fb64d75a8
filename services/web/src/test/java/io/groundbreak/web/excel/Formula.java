package io.groundbreak.web.excel;

/** A formula cell for {@link Sheets}, e.g. {@code new Formula("A2&B2")}. */
public record Formula(String text) {
}
