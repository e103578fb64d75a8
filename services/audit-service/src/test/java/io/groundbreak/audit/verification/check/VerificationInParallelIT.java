package io.groundbreak.audit.verification.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.Ledgers;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger is read on a thread of its own and handed to the walk in batches while the walk recomputes hashes and
 * checks links: on a ledger of many batches with stored hashes changed, links broken and events missing, the walk must
 * report exactly the problems the tampering implies, in the ledger's order (project by project as PostgreSQL orders
 * uuids, each in sequence order). A batch handed over out of order or twice would show as links and sequences broken
 * where nothing was, or problems out of order.
 */
class VerificationInParallelIT {

    private static final int PROJECTS = 600;
    private static final String LINK = "prev-hash-mismatch: prevHash is not the hash of the project's previous event in the ledger";

    private enum Tampering { NONE, HASH_CHANGED, LINK_BROKEN, EVENT_MISSING }

    @Test
    void theProblemsAreExactlyThoseOfTheTamperingInTheLedgersOrder() {
        TestDatabase database = TestInfrastructure.get().newDatabase("audit_walk");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        Ledger ledger = Ledgers.on(dataSource);
        Random random = new Random(18);
        List<Expected> expected = new ArrayList<>();
        // one transaction: a data source of plain connections would open one per event otherwise
        long stored = new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            long appended = 0;
            for (int i = 0; i < PROJECTS; i++) {
                appended += appendProject(ledger, i, random, expected);
            }
            return appended;
        });

        ChainWalk walk = ChainWalk.through(ledger);

        expected.sort(Comparator.comparing(Expected::projectOrder).thenComparing(Expected::sequence)
                .thenComparing(Expected::rank));
        assertThat(walk.events()).isEqualTo(stored);
        assertThat(walk.projects()).isEqualTo(PROJECTS);
        assertThat(walk.problems()).as("%d batches of events", stored / 256)
                .containsExactlyElementsOf(expected.stream().map(Expected::problem).toList());
        assertThat(expected).hasSizeGreaterThan(100);
    }

    /** Appends one project's history, perhaps tampered with; its number of stored events. */
    private static int appendProject(Ledger ledger, int number, Random random, List<Expected> expected) {
        ProjectId project = ProjectId.random();
        List<ProjectEvent> history = ProjectHistories.history(project, number, "120116", random);
        Tampering tampering = Tampering.values()[random.nextInt(Tampering.values().length)];
        int at = 1 + random.nextInt(history.size() - 2);
        String previous = HashChain.GENESIS_PREV_HASH;
        int stored = 0;
        for (int sequence = 0; sequence < history.size(); sequence++) {
            boolean here = sequence == at;
            String link = here && tampering == Tampering.LINK_BROKEN ? randomHash(random) : previous;
            EventEnvelope sealed = HashChain.seal(UUID.randomUUID(), sequence, Instant.now(), "d120116", link,
                    "120116", history.get(sequence));
            previous = sealed.hash();
            if (here && tampering == Tampering.EVENT_MISSING) {
                continue;
            }
            EventEnvelope kept = sealed;
            if (here && tampering == Tampering.HASH_CHANGED) {
                kept = new EventEnvelope(sealed.id(), sealed.type(), sealed.subject(), sealed.sequence(), sealed.time(),
                        sealed.recordedBy(), sealed.prevHash(), randomHash(random), sealed.district(), sealed.data());
                expected.add(new Expected(project, sequence, 2, "hash-mismatch: the stored fields give " + sealed.hash()
                        + ", the stored hash is " + kept.hash()));
            }
            boolean afterChanged = sequence == at + 1 && tampering == Tampering.HASH_CHANGED;
            boolean afterMissing = sequence == at + 1 && tampering == Tampering.EVENT_MISSING;
            if (afterMissing) {
                expected.add(new Expected(project, sequence, 0, "sequence-gap: expected sequence " + at
                        + ", the ledger holds " + sequence + " next (an event is missing)"));
            }
            if ((here && tampering == Tampering.LINK_BROKEN) || afterChanged || afterMissing) {
                expected.add(new Expected(project, sequence, 1, LINK));
            }
            assertThat(ledger.append(kept)).isTrue();
            stored++;
        }
        return stored;
    }

    private static String randomHash(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A problem the walk must report, with where it belongs in the ledger's order. */
    private record Expected(ProjectId project, long sequence, int rank, String text) {

        /** PostgreSQL orders uuids by their bytes, which is the order of their lower-case text. */
        String projectOrder() {
            return project.value().toString();
        }

        ChainProblem problem() {
            return new ChainProblem(project.value(), sequence, text);
        }
    }
}
