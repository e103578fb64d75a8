package io.groundbreak.faults.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StallTest {

    private static final Instant T0 = Instant.parse("2026-12-04T17:00:00Z");

    private static Progress at(double seconds, long read, long available) {
        return new Progress(T0.plusMillis((long) (seconds * 1000)), read, available);
    }

    @Test
    void aReaderThatKeepsUpNeverStallsLongerThanASamplingInterval() {
        List<Progress> samples = List.of(at(0, 10, 12), at(0.5, 12, 15), at(1, 15, 15), at(1.5, 15, 18), at(2, 18, 20));

        assertThat(Stall.longest("p0", samples)).map(Stall::length).contains(Duration.ofMillis(500));
    }

    @Test
    void theStallRunsFromTheFirstSampleBehindAtAHeldPositionToTheFirstMoveOn() {
        // read 20 until 1 s; the instance dies; records keep arriving; another instance reads on at 9.5 s
        List<Progress> samples = List.of(at(0, 18, 20), at(1, 20, 20), at(2, 20, 24), at(5, 20, 30), at(9.5, 31, 33), at(10, 33, 33));

        Optional<Stall> stall = Stall.longest("funnel-service on partition 3", samples);

        assertThat(stall).map(Stall::from).contains(T0.plusSeconds(2));
        assertThat(stall).map(Stall::length).contains(Duration.ofMillis(7500));
        assertThat(stall).map(Stall::ended).contains(true);
    }

    @Test
    void nothingWaitingIsNoStallHoweverLongTheReaderStandsStill() {
        // the publisher paused: the partition got nothing new, so its reader had nothing to do
        List<Progress> samples = List.of(at(0, 20, 20), at(10, 20, 20), at(20, 20, 20));

        assertThat(Stall.longest("p0", samples)).isEmpty();
    }

    @Test
    void aStallNotOverAtTheLastSampleCountsUntilThenAndSaysSo() {
        List<Progress> samples = List.of(at(0, 5, 5), at(1, 5, 9), at(4, 5, 12));

        Optional<Stall> stall = Stall.longest("p0", samples);

        assertThat(stall).map(Stall::length).contains(Duration.ofSeconds(3));
        assertThat(stall).map(Stall::ended).contains(false);
    }

    @Test
    void theLongestOfSeveralReadersIsTheirWorst() {
        Optional<Stall> short1 = Stall.longest("p0", List.of(at(0, 1, 2), at(1, 2, 2)));
        Optional<Stall> long1 = Stall.longest("p1", List.of(at(0, 1, 2), at(6, 2, 2)));

        assertThat(Stall.longestOf(List.of(short1, Optional.empty(), long1))).map(Stall::reader).contains("p1");
    }

    @Test
    void readAgainIsTheFirstMoveBeyondThePositionHeldJustAfterTheKill() {
        // sampled at 0 s (read 10); the consumer commits 12 and dies at 1.5 s; another instance reads on at 8 s
        List<Progress> samples = List.of(at(0, 10, 12), at(2, 12, 14), at(2.5, 12, 16), at(8, 17, 17));

        assertThat(Stall.readAgainAt(samples, T0.plusMillis(1500))).contains(T0.plusSeconds(8));
        assertThat(Stall.readAgainAt(samples.subList(0, 3), T0.plusMillis(1500))).isEmpty();
        assertThat(Stall.readAgainAt(samples, T0.plusSeconds(9))).isEmpty();
    }
}
