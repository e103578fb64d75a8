package io.groundbreak.faults.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.faults.load.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefusalsTest {

    private static final Instant T0 = Instant.parse("2026-12-04T17:00:00Z");

    private static Attempt attempt(String key, double sent, double answered, int status) {
        return new Attempt(T0.plusMillis((long) (sent * 1000)), T0.plusMillis((long) (answered * 1000)), key, status,
                false, false, status == 201 ? null : status + "");
    }

    @Test
    void aWriteIsRefusedFromItsFirstRefusedAttemptUntilTheAnswerThatTookIt() {
        List<Attempt> attempts = List.of(
                attempt("a", 0, 0.1, 201),
                attempt("b", 1, 1.2, 502), attempt("b", 1.5, 1.6, 0), attempt("b", 2.5, 4.0, 201),
                attempt("c", 2, 2.1, 503), attempt("c", 3, 3.2, 201));

        Optional<Refusals.RefusedWrite> longest = Refusals.longestRefusedWrite(attempts);

        assertThat(longest).map(Refusals.RefusedWrite::key).contains("b");
        assertThat(longest).map(Refusals.RefusedWrite::length).contains(Duration.ofSeconds(3));
        assertThat(longest).map(Refusals.RefusedWrite::taken).contains(true);
    }

    @Test
    void writesTakenAtTheirFirstAttemptWereNeverRefused() {
        assertThat(Refusals.longestRefusedWrite(List.of(attempt("a", 0, 0.1, 201), attempt("b", 1, 1.1, 201)))).isEmpty();
    }

    @Test
    void aWriteNeverTakenIsRefusedUntilItsLastAttempt() {
        Optional<Refusals.RefusedWrite> longest = Refusals.longestRefusedWrite(List.of(
                attempt("a", 0, 10, 0), attempt("a", 11, 21, 0)));

        assertThat(longest).map(Refusals.RefusedWrite::length).contains(Duration.ofSeconds(21));
        assertThat(longest).map(Refusals.RefusedWrite::taken).contains(false);
    }

    @Test
    void theLongestSilenceIsTheLongestGapBetweenWritesTakenFromTheFirstRequestToTheLastAnswer() {
        List<Attempt> attempts = List.of(
                attempt("a", 0, 0.5, 201), attempt("b", 1, 1.2, 201),
                attempt("c", 1.5, 1.6, 502), attempt("c", 2, 6.2, 201),
                attempt("d", 6.5, 7, 201));

        assertThat(Refusals.longestSilence(attempts)).isEqualTo(Duration.ofSeconds(5));
    }
}
