package io.groundbreak.audit.verification.check;

import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.LedgerSelection;
import io.groundbreak.audit.ledger.store.StoredEvent;
import io.groundbreak.events.HashChain;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The walk through the ledger's chains, one project's at a time, and what it found. Each event's hash is
 * recomputed on a pool of threads, one per core, as the ledger is read (the prepare step of
 * {@link Ledger#eachByProject}): that was the walk's cost. The links, sequences and comparisons are checked here, on
 * the caller's thread, in the ledger's order, so the problems are the same, in the same order, as when each hash was
 * recomputed in turn.
 */
final class ChainWalk {

    private final List<ChainProblem> problems = new ArrayList<>();
    private long projects;
    private long events;
    private UUID project;
    private long expectedSequence;
    private String previousHash;

    private ChainWalk() {
    }

    /** Every event of the ledger checked, project by project in sequence order. */
    static ChainWalk through(Ledger ledger) {
        ChainWalk walk = new ChainWalk();
        ledger.eachByProject(LedgerSelection.everything(), Recomputed::of, walk::check);
        return walk;
    }

    /** Mutable: the verifier adds the parked events' problems after the chains'. */
    List<ChainProblem> problems() {
        return problems;
    }

    long projects() {
        return projects;
    }

    long events() {
        return events;
    }

    /** An event as stored and the hash its stored fields give. */
    private record Recomputed(StoredEvent event, String hash) {

        static Recomputed of(StoredEvent event) {
            return new Recomputed(event, HashChain.hashOfJson(event.hashedFields()));
        }
    }

    private void check(Recomputed recomputedEvent) {
        StoredEvent event = recomputedEvent.event();
        events++;
        if (!event.projectId().equals(project)) {
            project = event.projectId();
            projects++;
            expectedSequence = 0;
            previousHash = HashChain.GENESIS_PREV_HASH;
        }
        if (event.sequence() != expectedSequence) {
            problem(event, "sequence-gap: expected sequence " + expectedSequence + ", the ledger holds "
                    + event.sequence() + " next (an event is missing)");
        }
        if (!event.prevHash().equals(previousHash)) {
            problem(event, "prev-hash-mismatch: prevHash is not the hash of the project's previous event in the ledger");
        }
        String recomputed = recomputedEvent.hash();
        if (!recomputed.equals(event.hash())) {
            problem(event, "hash-mismatch: the stored fields give " + recomputed + ", the stored hash is " + event.hash());
        }
        if (event.storedCopyProblem() != null) {
            problem(event, "stored-copy-mismatch: " + event.storedCopyProblem());
        }
        expectedSequence = event.sequence() + 1;
        previousHash = event.hash();
    }

    private void problem(StoredEvent event, String text) {
        problems.add(new ChainProblem(event.projectId(), event.sequence(), text));
    }
}
