package io.groundbreak.funnel.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectId;
import io.groundbreak.funnel.FunnelServiceTestBase;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.http.Http;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reprocess takes its locks in the live intake's one order, so the two cannot deadlock: for a pair's decision, the
 * pair's and its two projects' locks in the projects' text order, before the dead letter's row. In this package for
 * {@link ProjectLock}, which the test takes as the live intake does. District 120110 and 2019 dates are DeadLetterIT's.
 */
class ReprocessLockOrderIT extends FunnelServiceTestBase {

    private static final String DISTRICT = "120110";

    @Autowired
    ProjectLock locks;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /**
     * A live transaction holds the first of a pair's decision's three locks, about to take the others: the reprocess
     * of that decision waits for the first holding none (taking the pair's own lock first, it would hold that one,
     * and the live transaction's next lock would close a deadlock), and goes in once the live transaction ends.
     */
    @Test
    void aPairsDecisionIsReprocessedUnderTheLiveIntakesLockOrder() throws Exception {
        ProjectStream one;
        ProjectStream other;
        do {
            one = new ProjectStream(DISTRICT);
            other = new ProjectStream(DISTRICT);
        } while (text(DuplicateDecided.pairOf(one.projectId, other.projectId))
                .compareTo(text(DuplicateDecided.first(one.projectId, other.projectId))) < 0);
        ProjectId pairId = DuplicateDecided.pairOf(one.projectId, other.projectId);
        ProjectId first = DuplicateDecided.first(one.projectId, other.projectId);
        ProjectId second = first.equals(one.projectId) ? other.projectId : one.projectId;
        EventEnvelope twoInvestments = decision(0, HashChain.GENESIS_PREV_HASH,
                new DuplicateDecided(pairId, first, second, false, null, "two"));
        EventEnvelope oneInvestment = decision(1, twoInvestments.hash(),
                new DuplicateDecided(pairId, first, second, true, first, "one investment"));
        publish(one.next(registered(one.projectId, DISTRICT, "aerospace", "300.00")),
                other.next(registered(other.projectId, DISTRICT, "aerospace", "300.00")));
        topic().send(oneInvestment);
        await().atMost(PROPAGATION).until(() -> parkedOf(pairId) != 0);
        long parked = parkedOf(pairId);
        publish(twoInvestments);
        await().atMost(PROPAGATION).until(() -> applied(pairId) == 0);

        UUID lockedFirst = Stream.of(pairId, first, second).map(ProjectId::value)
                .min((a, b) -> a.toString().compareTo(b.toString())).orElseThrow();
        CompletableFuture<Http.Answer> answer = transactions.execute(live -> {
            locks.lock(lockedFirst);
            int livePid = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
            CompletableFuture<Http.Answer> reprocess = CompletableFuture.supplyAsync(() ->
                    post("/api/admin/dead-letters/" + parked + "/reprocess", "admin", null));
            int waiting = await().atMost(PROPAGATION).until(() -> jdbc.sql("SELECT coalesce(min(pid), 0) "
                    + "FROM pg_stat_activity WHERE :live = ANY(pg_blocking_pids(pid))").param("live", livePid)
                    .query(Integer.class).single(), pid -> pid != 0);
            assertThat(jdbc.sql("SELECT count(*) FROM pg_locks WHERE pid = :pid AND locktype = 'advisory' "
                    + "AND objsubid = 2 AND granted")
                    .param("pid", waiting).query(Integer.class).single())
                    .as("the reprocess waits for the first lock holding none of the others").isZero();
            return reprocess;
        });

        Http.Answer reprocessed = answer.get(PROPAGATION.toSeconds(), TimeUnit.SECONDS);
        assertThat(reprocessed.status()).as(String.valueOf(reprocessed.body())).isEqualTo(200);
        assertThat(reprocessed.body().get("status").asString()).isEqualTo("reprocessed");
        assertThat(reprocessed.body().get("outcome").asString()).isEqualTo("applied");
        remember(oneInvestment);
        assertThat(applied(pairId)).isEqualTo(1);
    }

    private static EventEnvelope decision(long sequence, String prevHash, DuplicateDecided decided) {
        return HashChain.seal(UUID.randomUUID(), sequence, Instant.now(), "admin", prevHash, EventEnvelope.CITY, decided);
    }

    private static String text(ProjectId id) {
        return id.value().toString();
    }

    /** The id of the pair's outstanding dead letter, 0 while none. */
    private long parkedOf(ProjectId pairId) {
        return jdbc.sql("SELECT coalesce(min(id), 0) FROM public.dead_letter WHERE project_id = :pair AND status = 'parked'")
                .param("pair", pairId.value()).query(Long.class).single();
    }

    /** The pair's last applied sequence in the active read model, -1 while none. */
    private long applied(ProjectId pairId) {
        return get("/api/admin/heads", "auditor").get("projects").valueStream()
                .filter(head -> head.get("projectId").asString().equals(text(pairId)))
                .mapToLong(head -> head.get("sequence").asLong()).findFirst().orElse(-1);
    }
}
