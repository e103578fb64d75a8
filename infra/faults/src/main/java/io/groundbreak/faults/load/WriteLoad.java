package io.groundbreak.faults.load;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Steady write load: one {@link DistrictClient} per district, all at once, for a duration. The clients stop
 * starting new requests at the end; requests still being retried go on until answered (or given up).
 */
public final class WriteLoad {

    private final List<Thread> clients = new ArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    private volatile Instant stopAt;

    private WriteLoad(Instant stopAt) {
        this.stopAt = stopAt;
    }

    public static WriteLoad start(String scenario, URI milestoneService, List<String> districts, String chain,
                                  Duration duration, Consumer<Acknowledged> listener) {
        WriteLoad load = new WriteLoad(Instant.now().plus(duration));
        for (String district : districts) {
            DistrictClient client = new DistrictClient(scenario, district, chain, load::stopAt, milestoneService,
                    load.attempts, ack -> {
                        load.acknowledged.add(ack);
                        listener.accept(ack);
                    });
            Thread thread = new Thread(client, "district-" + district);
            thread.setDaemon(true);
            load.clients.add(thread);
        }
        load.clients.forEach(Thread::start);
        return load;
    }

    public Instant stopAt() {
        return stopAt;
    }

    /** Moves the end of the load (earlier or later): the clients start no new request after it. */
    public void stopAt(Instant stopAt) {
        this.stopAt = stopAt;
    }

    /** Waits until every client has finished (its last request answered or given up); returns when that was. */
    public Instant awaitFinished() throws InterruptedException {
        for (Thread client : clients) {
            client.join();
        }
        return Instant.now();
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }
}
