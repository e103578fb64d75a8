package io.groundbreak.audit.verification.check;

import io.groundbreak.audit.completeness.check.Completeness;
import io.groundbreak.audit.completeness.check.CompletenessCheck;
import io.groundbreak.audit.ledger.store.DeadLetter;
import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.ParkedEvents;
import io.groundbreak.audit.ledger.store.StoredEvent;
import io.groundbreak.events.HashChain;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Recomputes every hash and link from the rows as stored, without trusting anything the service
 * checked on ingest: the ledger is read project by project in sequence order through a cursor, so
 * memory holds one project's last hash, whatever the ledger's size (plus the problems found).
 * {@code projectsChecked} counts the projects with events in the ledger; {@code eventsChecked} the
 * ledger's events and the outstanding parked ones.
 * Every outstanding parked event (one not admitted since) is a problem too: it was sent to the auditors
 * and is not part of a verified chain.
 */
@Component
public class Verifier {

    private final Ledger ledger;
    private final ParkedEvents parked;
    private final CompletenessCheck completeness;

    Verifier(Ledger ledger, ParkedEvents parked, CompletenessCheck completeness) {
        this.ledger = ledger;
        this.parked = parked;
        this.completeness = completeness;
    }

    /** @throws io.groundbreak.audit.completeness.client.HeadsUnavailable when the source cannot be read */
    public VerificationReport verify() {
        Completeness complete = completeness.check();
        ChainWalk walk = ChainWalk.through(ledger);
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

    private static boolean intact(StoredEvent stored) {
        try {
            return HashChain.hashOfJson(stored.hashedFields()).equals(stored.hash());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
