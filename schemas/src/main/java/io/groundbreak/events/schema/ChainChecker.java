package io.groundbreak.events.schema;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.HashChain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic's records in order and checks each one ({@link EventSchemaValidator#validateRecord})
 * and the chain they form per project: sequences from 0 without gaps, each {@code ce_prevhash} the
 * previous {@code ce_hash}. A record seen before (same project, sequence and hash) is a redelivery,
 * which at-least-once delivery allows: it passes. The same sequence with another hash is a fork.
 * Keeps every hash it has seen; not thread-safe: one per reader.
 */
public final class ChainChecker {

    private final EventSchemaValidator validator;
    private final Map<String, List<String>> chains = new HashMap<>();
    private long records;

    public ChainChecker(EventSchemaValidator validator) {
        this.validator = validator;
    }

    /** The problems of this record, each naming its field; empty when it is valid and continues its chain. */
    public List<SchemaProblem> accept(String key, Map<String, String> headers, byte[] value) {
        records++;
        List<SchemaProblem> problems = new ArrayList<>(validator.validateRecord(key, headers, value));
        String project = headers.get(CloudEventHeaders.SUBJECT);
        String hash = headers.get(CloudEventHeaders.HASH);
        String prevHash = headers.get(CloudEventHeaders.PREV_HASH);
        long sequence;
        try {
            sequence = Long.parseLong(headers.getOrDefault(CloudEventHeaders.SEQUENCE, ""));
        } catch (NumberFormatException e) {
            return problems; // validateRecord has named the header
        }
        if (project == null || sequence < 0) {
            return problems;
        }
        List<String> chain = chains.computeIfAbsent(project, p -> new ArrayList<>());
        if (sequence < chain.size()) {
            if (!chain.get((int) sequence).equals(hash)) {
                problems.add(new SchemaProblem(CloudEventHeaders.HASH, "is " + hash + " but sequence " + sequence
                        + " of project " + project + " came first with hash " + chain.get((int) sequence) + " (a fork)"));
            }
            return problems;
        }
        if (sequence > chain.size()) {
            problems.add(new SchemaProblem(CloudEventHeaders.SEQUENCE, "is " + sequence + " but project " + project
                    + " is at " + chain.size() + " (a gap)"));
            return problems;
        }
        String expectedPrevHash = chain.isEmpty() ? HashChain.GENESIS_PREV_HASH : chain.get(chain.size() - 1);
        if (!expectedPrevHash.equals(prevHash)) {
            problems.add(new SchemaProblem(CloudEventHeaders.PREV_HASH, "is " + prevHash
                    + " but the previous event of project " + project + " has hash " + expectedPrevHash));
        }
        chain.add(hash); // even when this record has problems, so that one bad record is reported once
        return problems;
    }

    /** Records accepted so far, valid or not. */
    public long records() {
        return records;
    }

    /** Projects seen so far. */
    public int projects() {
        return chains.size();
    }

    /** Events of a project seen so far: its next expected sequence. */
    public int length(String project) {
        return chains.getOrDefault(project, List.of()).size();
    }
}
