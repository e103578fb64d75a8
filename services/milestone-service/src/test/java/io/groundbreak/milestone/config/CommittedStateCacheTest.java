package io.groundbreak.milestone.config;

import static org.assertj.core.api.Assertions.assertThat;

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
    }

    @Test
    void aStatePutInATransactionIsCachedOnlyOnceItCommitted() {
        cache.put("p", "committed before");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("p", "written now");

        assertThat(cache.containsKey("p")).as("neither the old nor the uncommitted state").isFalse();
        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat((String) cache.get("p")).isEqualTo("written now");
    }

    @Test
    void aStatePutInATransactionThatRolledBackIsNeverCached() {
        cache.put("p", "committed before");
        TransactionSynchronizationManager.initSynchronization();

        cache.put("p", "rolled back");
        TransactionSynchronizationUtils.invokeAfterCompletion(
                TransactionSynchronizationManager.getSynchronizations(), TransactionSynchronization.STATUS_ROLLED_BACK);

        assertThat(cache.containsKey("p")).isFalse();
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
