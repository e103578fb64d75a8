package io.groundbreak.audit.ledger.freshness;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An answer's own fields with {@code freshness} beside them, in the same JSON object. */
public record WithFreshness<T>(@JsonUnwrapped T answer, Freshness freshness) {
}
