package io.groundbreak.audit.ledger.freshness;

import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.NewestEvent;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ledger's freshness: read from the database, which every instance writes, so any instance answers for all of
 * them; and the group-wide lag, which covers the partitions of an instance that died too.
 */
@Component
public class FreshnessReader {

    private final Ledger ledger;
    private final IntakeLag lag;
    private final Clock clock;

    FreshnessReader(Ledger ledger, IntakeLag lag, Clock clock) {
        this.ledger = ledger;
        this.lag = lag;
        this.clock = clock;
    }

    public Freshness now() {
        Optional<NewestEvent> newest = ledger.newest();
        return new Freshness(newest.map(NewestEvent::recordedAt).orElse(null),
                newest.map(NewestEvent::ingestedAt).orElse(null), lag.recordsBehind(), clock.instant());
    }
}
