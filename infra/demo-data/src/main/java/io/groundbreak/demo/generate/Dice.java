package io.groundbreak.demo.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** The seeded random choices of the generator: one Random, drawn in a fixed order, so the demo never varies. */
final class Dice {

    private final Random random;

    Dice(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from {@code from} to {@code to}, both included. */
    int between(int from, int to) {
        return to <= from ? from : from + random.nextInt(to - from + 1);
    }

    double between(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** A day from {@code from} to {@code to}, both included ({@code from} when the range is empty). */
    LocalDate day(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    /** Log-uniform: small values as likely as large ones per factor, like the sizes of investments. */
    double logUniform(double from, double to) {
        return Math.exp(between(Math.log(from), Math.log(to)));
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    <T> T weighted(List<T> choices, ToDoubleFunction<T> weight) {
        double total = choices.stream().mapToDouble(weight).sum();
        double point = random.nextDouble() * total;
        for (T choice : choices) {
            point -= weight.applyAsDouble(choice);
            if (point < 0) {
                return choice;
            }
        }
        return choices.get(choices.size() - 1);
    }

    <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
