package io.groundbreak.audit.periods.figures;

/**
 * One figure that differs: {@code figure} as named in the answer ({@code reachedInMonth}, {@code current}, …, or a
 * month figure such as {@code lostInMonth}), its stage (null for a month figure), the value before and after, and the
 * change (after − before), each as decimal text.
 */
public record FigureChange(String figure, String stage, String before, String after, String change) {
}
