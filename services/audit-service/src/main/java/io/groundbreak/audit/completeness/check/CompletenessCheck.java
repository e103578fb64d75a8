package io.groundbreak.audit.completeness.check;

import io.groundbreak.audit.completeness.client.HeadsClient;
import io.groundbreak.audit.completeness.client.HeadsStream;
import io.groundbreak.audit.completeness.client.SourceHead;
import io.groundbreak.kit.deadletter.DeadLetter;
import io.groundbreak.audit.ledger.store.Head;
import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.ParkedEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Completeness against the source, not against the copy: milestone-service's heads (each project's last
 * sequence and hash in its event store), the ledger's and funnel-service's, merged as three streams sorted
 * by project id (memory holds one head of each, plus the outstanding parked records), so a million
 * projects are compared without loading them.
 * <ul>
 * <li>a copy is behind on a project when it lacks the project, holds an earlier sequence, or holds the
 *     source's sequence with another hash; a copy ahead of the source (an event recorded after the source was
 *     read) is not behind;
 * <li>a gap is a sequence between the ledger's head and the source's head that is neither in the ledger nor
 *     parked while a later event of the project is parked (the record that should fill it never arrived or
 *     was lost): at most {@value #GAPS_PER_PROJECT} per project are listed.
 * </ul>
 */
@Component
public class CompletenessCheck {

    static final int GAPS_PER_PROJECT = 100;

    private final HeadsClient heads;
    private final Ledger ledger;
    private final ParkedEvents parked;

    CompletenessCheck(HeadsClient heads, Ledger ledger, ParkedEvents parked) {
        this.heads = heads;
        this.ledger = ledger;
        this.parked = parked;
    }

    /** @throws io.groundbreak.audit.completeness.client.HeadsUnavailable when a service cannot be read */
    public Completeness check() {
        List<DeadLetter> outstanding = parked.list(false);
        Map<UUID, NavigableSet<Long>> parkedSequences = new HashMap<>();
        outstanding.stream().filter(letter -> letter.projectId() != null && letter.sequence() != null)
                .forEach(letter -> parkedSequences.computeIfAbsent(letter.projectId(), id -> new TreeSet<>())
                        .add(letter.sequence()));
        try (HeadsStream source = heads.milestoneHeads(); HeadsStream funnel = heads.funnelHeads()) {
            return ledger.heads(ledgerHeads -> {
                Merge merge = new Merge(parkedSequences);
                Iterator<Head> ledgerIterator = ledgerHeads.iterator();
                Head ledgerHead = ledgerIterator.hasNext() ? ledgerIterator.next() : null;
                while (source.hasNext()) {
                    SourceHead head = source.next();
                    String id = head.projectId().toString();
                    while (ledgerHead != null && ledgerHead.projectId().toString().compareTo(id) < 0) {
                        ledgerHead = ledgerIterator.hasNext() ? ledgerIterator.next() : null;
                    }
                    while (funnel.peek() != null && funnel.peek().projectId().toString().compareTo(id) < 0) {
                        funnel.next();
                    }
                    Head ledgerMatch = ledgerHead != null && ledgerHead.projectId().equals(head.projectId()) ? ledgerHead : null;
                    SourceHead funnelMatch = funnel.peek() != null && funnel.peek().projectId().equals(head.projectId())
                            ? funnel.peek() : null;
                    merge.compare(head, ledgerMatch, funnelMatch);
                }
                return new Completeness(merge.sourceProjects, List.copyOf(merge.ledgerBehind),
                        List.copyOf(merge.funnelBehind), outstanding, List.copyOf(merge.gaps));
            });
        }
    }

    private static final class Merge {
        private final Map<UUID, NavigableSet<Long>> parkedSequences;
        private final List<Behind> ledgerBehind = new ArrayList<>();
        private final List<Behind> funnelBehind = new ArrayList<>();
        private final List<Gap> gaps = new ArrayList<>();
        private long sourceProjects;

        Merge(Map<UUID, NavigableSet<Long>> parkedSequences) {
            this.parkedSequences = parkedSequences;
        }

        void compare(SourceHead source, Head ledger, SourceHead funnel) {
            sourceProjects++;
            Long ledgerSequence = ledger == null ? null : ledger.sequence();
            if (behind(source, ledgerSequence, ledger == null ? null : ledger.hash())) {
                ledgerBehind.add(new Behind(source.projectId(), source.sequence(), source.hash(), ledgerSequence,
                        ledger == null ? null : ledger.hash()));
            }
            if (behind(source, funnel == null ? null : funnel.sequence(), funnel == null ? null : funnel.hash())) {
                funnelBehind.add(new Behind(source.projectId(), source.sequence(), source.hash(),
                        funnel == null ? null : funnel.sequence(), funnel == null ? null : funnel.hash()));
            }
            NavigableSet<Long> parked = parkedSequences.get(source.projectId());
            if (parked == null || parked.isEmpty()) {
                return;
            }
            long from = ledgerSequence == null ? 0 : ledgerSequence + 1;
            long to = Math.min(parked.last(), source.sequence() + 1);
            int listed = 0;
            for (long sequence = from; sequence < to && listed < GAPS_PER_PROJECT; sequence++) {
                if (!parked.contains(sequence)) {
                    gaps.add(new Gap(source.projectId(), sequence));
                    listed++;
                }
            }
        }

        private static boolean behind(SourceHead source, Long sequence, String hash) {
            return sequence == null || sequence < source.sequence()
                    || (sequence == source.sequence() && !source.hash().equals(hash));
        }
    }
}
