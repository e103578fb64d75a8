package io.groundbreak.milestone.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Project aggregate's cache (Axon's caching repository: a write loads the project from memory instead of
 * reading and replaying its events), holding only states that PostgreSQL committed. Axon puts an aggregate into
 * its cache when the command's unit of work commits, and evicts it only when that unit of work rolls back; here the
 * unit of work joins the write's own transaction (IdempotentWrites), which may still roll back afterwards (its
 * Idempotency-Key lost a race, the database went away at commit). A cached state that was never committed would let
 * the next write append after an event that does not exist: a gap, and a hash chain linking to nothing. So a put
 * inside a transaction removes the entry at once and stores the new state only after the commit. Until then the
 * state is that transaction's alone: a later write of the same transaction (a batch commits many actions in one,
 * often a registration and its first milestones) takes it from there instead of reading the project from the store
 * again, and a rollback drops it with everything else the transaction did.
 * <p>
 * A state committed once but no longer the newest (another instance wrote the project since, or two commits of this
 * one finished in the other order) is safe: the next write appends a sequence number that is taken, PostgreSQL's
 * unique (aggregate, sequence) refuses it, Axon's repository evicts the entry on that rollback and IdempotentWrites
 * tries again on the state read from the store. Bounded: the least recently used project leaves first.
 */
final class CommittedStateCache implements Cache {

    private final Map<Object, Object> entries;

    CommittedStateCache(int capacity) {
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Map<Object, Object> pending = thisTransactions(false);
        if (pending != null && pending.containsKey(key)) {
            return (V) pending.get(key);
        }
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.remove(key);
        Map<Object, Object> pending = thisTransactions(true);
        if (pending != null) {
            pending.put(key, value);
        } else {
            entries.put(key, value);
        }
    }

    /**
     * The states the current transaction put and has not committed yet, cached when it commits (the newest of each
     * project, none that was removed since); null outside a transaction, or when it put none and create is false.
     */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> thisTransactions(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Object, Object> pending = (Map<Object, Object>) TransactionSynchronizationManager.getResource(this);
        if (pending == null && create) {
            pending = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, pending);
            Map<Object, Object> committing = pending;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.putAll(committing);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CommittedStateCache.this);
                }
            });
        }
        return pending;
    }

    /** Axon's repository never calls it; given the same meaning as {@link #put} for a key that is absent. */
    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        Map<Object, Object> pending = thisTransactions(false);
        boolean pendingRemoved = pending != null && pending.remove(key) != null;
        return entries.remove(key) != null || pendingRemoved;
    }

    @Override
    public boolean containsKey(Object key) {
        Map<Object, Object> pending = thisTransactions(false);
        return pending != null && pending.containsKey(key) || entries.containsKey(key);
    }

    /** Axon's repository registers no listener, and nothing here needs one. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("CommittedStateCache has no entry listeners");
    }
}
