package io.groundbreak.milestone.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class CommittedStateCacheTest {

    private final CommittedStateCache cache = new CommittedStateCache(2);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        List.copyOf(TransactionSynchronizationManager.getResourceMap().keySet())
                .forEach(TransactionSynchronizationManager::unbindResource);
    }

    @Test
    void aStatePutInATransactionIsCachedOnlyOnceItCommitted() {
        cache.put("p", "committed before");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("p", "written now");

        assertThat(elsewhere(() -> cache.containsKey("p"))).as("another transaction sees neither the old nor the "
                + "uncommitted state").isFalse();
        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat(elsewhere(() -> cache.<String, String>get("p"))).isEqualTo("written now");
    }

    @Test
    void theTransactionThatPutAStateReadsItBeforeItCommits() {
        cache.put("p", "committed before");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("p", "registered");
        assertThat((String) cache.get("p")).isEqualTo("registered");
        cache.put("p", "and signed");
        assertThat((String) cache.get("p")).isEqualTo("and signed");

        TransactionSynchronizationUtils.triggerAfterCommit();
        TransactionSynchronizationUtils.invokeAfterCompletion(
                TransactionSynchronizationManager.getSynchronizations(), TransactionSynchronization.STATUS_COMMITTED);
        TransactionSynchronizationManager.clearSynchronization();
        assertThat((String) cache.get("p")).as("the newest state, once committed").isEqualTo("and signed");
    }

    @Test
    void aStateRemovedLaterInItsTransactionIsNotCachedAtItsCommit() {
        TransactionSynchronizationManager.initSynchronization();

        cache.put("p", "applied by a write that then failed");
        cache.remove("p");
        assertThat(cache.containsKey("p")).isFalse();
        TransactionSynchronizationUtils.triggerAfterCommit();

        assertThat(elsewhere(() -> cache.containsKey("p"))).isFalse();
    }

    /** What another thread (another write, outside this transaction) reads. */
    private static <T> T elsewhere(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read).join();
    }

    @Test
    void aStatePutInATransactionThatRolledBackIsNeverCached() {
        cache.put("p", "committed before");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("p", "rolled back");
        TransactionSynchronizationUtils.invokeAfterCompletion(
                TransactionSynchronizationManager.getSynchronizations(), TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(cache.containsKey("p")).isFalse();
        assertThat(TransactionSynchronizationManager.getResource(cache)).as("nothing of it stays bound").isNull();
    }

    @Test
    void theLeastRecentlyUsedProjectLeavesFirst() {
        cache.put("a", "1");
        cache.put("b", "2");
        cache.get("a");
        cache.put("c", "3");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }
}
