package io.groundbreak.audit.verification.check;

import io.groundbreak.audit.completeness.check.Completeness;
import io.groundbreak.audit.completeness.check.CompletenessCheck;
import io.groundbreak.kit.deadletter.DeadLetter;
import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.ParkedEvents;
import io.groundbreak.audit.ledger.store.StoredEvent;
import io.groundbreak.events.HashChain;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Recomputes every hash and link from the rows as stored, without trusting anything the service
 * checked on ingest: the ledger is read project by project in sequence order through a cursor, so
 * memory holds one project's last hash, whatever the ledger's size (plus the problems found).
 * {@code projectsChecked} counts the projects with events in the ledger; {@code eventsChecked} the
 * ledger's events and the outstanding parked ones.
 * Every outstanding parked event (one not admitted since) is a problem too: it was sent to the auditors
 * and is not part of a verified chain.
 * <p>
 * The completeness check (mostly waiting on the other services' heads over HTTP) runs on a thread of its own beside
 * the walk, so the answer takes as long as the longer of the two, not their sum; each one's time is kept in the
 * timer {@value #DURATION_TIMER} (tag {@code part}: {@code completeness}, {@code chain-walk}).
 */
@Component
public class Verifier {

    static final String DURATION_TIMER = "groundbreak.verification.duration";

    private final Ledger ledger;
    private final ParkedEvents parked;
    private final CompletenessCheck completeness;
    private final Timer completenessTime;
    private final Timer walkTime;

    Verifier(Ledger ledger, ParkedEvents parked, CompletenessCheck completeness, MeterRegistry meters) {
        this.ledger = ledger;
        this.parked = parked;
        this.completeness = completeness;
        this.completenessTime = Timer.builder(DURATION_TIMER).tag("part", "completeness")
                .description("Verification's completeness check against the source's and the funnel's heads")
                .register(meters);
        this.walkTime = Timer.builder(DURATION_TIMER).tag("part", "chain-walk")
                .description("Verification's walk through every chain of the ledger").register(meters);
    }

    /** @throws io.groundbreak.audit.completeness.client.HeadsUnavailable when the source cannot be read */
    public VerificationReport verify() {
        CompletableFuture<Completeness> checked = beside(() -> completenessTime.record(completeness::check));
        ChainWalk walk = walkTime.record(() -> ChainWalk.through(ledger));
        Completeness complete = joined(checked);
        long[] parkedCount = {0};
        parked.eachOutstanding(parkedRecord -> {
            parkedCount[0]++;
            DeadLetter letter = parkedRecord.deadLetter();
            String what = parkedRecord.event().map(stored -> "event " + stored.id() + " is not in the ledger; "
                            + (intact(stored) ? "its own hash is intact" : "its own hash does not match its fields"))
                    .orElse("record " + letter.id() + " is not in the ledger: " + letter.detail());
            walk.problems().add(new ChainProblem(letter.projectId(), letter.sequence(),
                    "parked (" + parkedRecord.reason() + "): " + what));
        });
        return new VerificationReport(walk.problems().isEmpty() && complete.complete(), walk.projects(),
                walk.events() + parkedCount[0], List.copyOf(walk.problems()), complete);
    }

    private static <T> CompletableFuture<T> beside(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        }, "verification-completeness");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** The check's own exception (a {@code HeadsUnavailable} among them), not its wrapper. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException wrapped) {
            if (wrapped.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (wrapped.getCause() instanceof Error cause) {
                throw cause;
            }
            throw wrapped;
        }
    }

    private static boolean intact(StoredEvent stored) {
        try {
            return HashChain.hashOfJson(stored.hashedFields()).equals(stored.hash());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
