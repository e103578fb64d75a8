package io.groundbreak.audit.verification.check;

import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.LedgerSelection;
import io.groundbreak.audit.ledger.store.StoredEvent;
import io.groundbreak.events.HashChain;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The walk through the ledger's chains, one project's at a time, and what it found. */
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
        ledger.eachByProject(LedgerSelection.everything(), walk::check);
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

    private void check(StoredEvent event) {
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
        String recomputed = HashChain.hashOfJson(event.hashedFields());
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
