package io.groundbreak.milestone.idempotency;

/** The same Idempotency-Key came with another request: answered 422, nothing written. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key " + key + " was used for another request");
    }
}
