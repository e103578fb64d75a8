package io.groundbreak.milestone.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.milestone.ServiceTestBase;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The store read from a token gives what Axon's one query meant ({@code global_index > index OR global_index IN gaps},
 * in index order), page after page: gaps that hold an event now, a gap still empty, and more events after the index
 * than one page (Axon's batch of 100) holds.
 */
class IndexedReadStorageEngineIT extends ServiceTestBase {

    @Autowired
    EventStorageEngine engine;

    @Test
    void theReadFromATokenWithGapsGivesTheGapsEventsThenTheEventsAfterItInIndexOrder() {
        assertThat(engine).isInstanceOf(IndexedReadStorageEngine.class);
        while (eventCount() < 260) {
            registerProject("120116");
        }
        List<Long> stored = jdbc.sql("SELECT global_index FROM domain_event_entry ORDER BY global_index")
                .query(Long.class).list();
        long index = stored.get(stored.size() - 230);
        long emptyGap = jdbc.sql("SELECT max(global_index) + 1000 FROM domain_event_entry").query(Long.class).single();
        TreeSet<Long> gaps = new TreeSet<>(List.of(stored.get(3), stored.get(10), stored.get(stored.size() - 240)));
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(index, gaps);

        List<String> expected = jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE global_index > ? "
                        + "OR global_index IN (?, ?, ?) ORDER BY global_index")
                .params(index, gaps.first(), gaps.higher(gaps.first()), gaps.last()).query(String.class).list();
        assertThat(expected).hasSizeGreaterThan(200);
        assertThat(eventIds(engine.readEvents(token, false), expected.size())).isEqualTo(expected);

        // a gap with no event (a transaction that rolled back) is skipped, not waited for
        GapAwareTrackingToken withEmptyGap = GapAwareTrackingToken.newInstance(emptyGap + 1,
                LongStream.of(stored.get(5), emptyGap).boxed().collect(Collectors.toCollection(TreeSet::new)));
        assertThat(eventIds(engine.readEvents(withEmptyGap, false), 1)).containsExactly(jdbc.sql(
                "SELECT event_identifier FROM domain_event_entry WHERE global_index = ?").param(stored.get(5))
                .query(String.class).single());
    }

    /** The events' identifiers: a gap's event carries the token's index, not its own, so the index cannot say which. */
    private static List<String> eventIds(Stream<? extends TrackedEventMessage<?>> events, int count) {
        try (events) {
            return events.limit(count).map(TrackedEventMessage::getIdentifier).toList();
        }
    }
}
