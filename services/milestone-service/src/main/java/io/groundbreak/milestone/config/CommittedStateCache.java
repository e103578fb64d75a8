package io.groundbreak.milestone.config;

import java.util.Collections;
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
 * inside a transaction removes the entry at once and stores the new state only after the commit.
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
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.remove(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.put(key, value);
                }
            });
        } else {
            entries.put(key, value);
        }
    }

    /** Axon's repository never calls it; given the same meaning as {@link #put} for a key that is absent. */
    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Axon's repository registers no listener, and nothing here needs one. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("CommittedStateCache has no entry listeners");
    }
}
