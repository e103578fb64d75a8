package io.groundbreak.funnel.rebuild;

import io.groundbreak.events.EventEnvelope;
import java.util.List;
import java.util.function.Consumer;

/** Reads the project events topic from its beginning, apart from the live consumer group. */
public interface TopicReplay {

    Session open();

    interface Session extends AutoCloseable {

        /**
         * Hands over, batch by batch in topic order per partition, every record up to the end offsets of
         * the moment of the call; records that are not events are skipped and counted.
         */
        void readToEnd(Consumer<List<EventEnvelope>> batches);

        long recordsRead();

        long malformed();

        @Override
        void close();
    }
}
