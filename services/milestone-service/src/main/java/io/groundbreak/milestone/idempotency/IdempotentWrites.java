package io.groundbreak.milestone.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every write in one database transaction: the command (its event append joins this
 * transaction), whatever the command's caller claims in it (a project code) and the answer stored
 * under the request's Idempotency-Key all commit together or not at all. A write that lost a race
 * for its project's next sequence (another instance appended first) or for its key is retried from
 * the start; after three losses it is answered 409.
 */
@Component
public class IdempotentWrites {

    static final int ATTEMPTS = 3;

    private final TransactionTemplate transactions;
    private final IdempotencyKeys keys;
    private final JsonMapper json;

    IdempotentWrites(PlatformTransactionManager transactionManager, IdempotencyKeys keys, JsonMapper json) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.keys = keys;
        this.json = json;
    }

    public <T> ResponseEntity<T> run(WriteRequest request, Class<T> answerType, Supplier<ResponseEntity<T>> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(() -> once(request, answerType, write));
            } catch (ConcurrencyException | KeyTakenMeanwhile e) {
                if (attempt == ATTEMPTS) {
                    throw e instanceof ConcurrencyException concurrency ? concurrency
                            : new ConcurrencyException("Idempotency-Key raced " + ATTEMPTS + " times", e);
                }
            }
        }
    }

    /**
     * The write in a transaction, failing with the write's own failure: when the database went away
     * mid-write, the rollback fails too ("Connection is closed"), and TransactionTemplate would throw
     * that instead, hiding the cause (a terminated connection, a read-only database) that decides the
     * answer (503). The rollback's failure rides along as a suppressed exception.
     */
    private <T> T inTransaction(Supplier<T> work) {
        RuntimeException[] failure = new RuntimeException[1];
        try {
            return transactions.execute(status -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    failure[0] = e;
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            if (failure[0] != null && e != failure[0]) {
                failure[0].addSuppressed(e);
                throw failure[0];
            }
            throw e;
        }
    }

    private <T> ResponseEntity<T> once(WriteRequest request, Class<T> answerType, Supplier<ResponseEntity<T>> write) {
        if (request.idempotencyKey() == null) {
            return write.get();
        }
        String hash = hash(request);
        Optional<StoredAnswer> stored = keys.find(request.user(), request.idempotencyKey());
        if (stored.isPresent()) {
            if (!stored.get().requestHash().equals(hash)) {
                throw new IdempotencyKeyReused(request.idempotencyKey());
            }
            return replay(stored.get(), answerType);
        }
        ResponseEntity<T> answer = write.get();
        URI location = answer.getHeaders().getLocation();
        StoredAnswer first = new StoredAnswer(hash, answer.getStatusCode().value(),
                location == null ? null : location.toString(), json.writeValueAsString(answer.getBody()));
        if (!keys.store(request.user(), request.idempotencyKey(), first)) {
            throw new KeyTakenMeanwhile();
        }
        return answer;
    }

    private <T> ResponseEntity<T> replay(StoredAnswer stored, Class<T> answerType) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            answer.location(URI.create(stored.location()));
        }
        return answer.body(json.readValue(stored.body(), answerType));
    }

    private String hash(WriteRequest request) {
        String text = "POST " + request.path() + "\n" + json.writeValueAsString(request.body());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Another request with the same key committed between our look-up and our insert. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
    }
}
