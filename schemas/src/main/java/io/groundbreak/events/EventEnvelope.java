package io.groundbreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded event with its envelope, exactly as it travels and as the hash chain covers it.
 * {@code district} is the project's district (the CloudEvents {@code source}); it is not hashed.
 */
public record EventEnvelope(
        UUID id,
        String type,
        ProjectId subject,
        long sequence,
        Instant time,
        String recordedBy,
        String prevHash,
        String hash,
        String district,
        ProjectEvent data) {

    /** The district of a stream that belongs to no district: a year's targets ({@link TargetsSet}); ce_source {@code /city}. */
    public static final String CITY = "city";

    /** True when {@code hash} is the one the hash chain gives for the other fields. */
    public boolean hashIsIntact() {
        return HashChain.hashOf(this).equals(hash);
    }
}
