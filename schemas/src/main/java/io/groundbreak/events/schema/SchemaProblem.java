package io.groundbreak.events.schema;

/**
 * One way a record, envelope or body breaks the contract. {@code field} is where: a body field
 * ({@code amountCny}), an envelope field or body field under {@code data}
 * ({@code data.amountCny}), a Kafka header ({@code ce_time}), {@code key}, or empty for the whole.
 */
public record SchemaProblem(String field, String message) {

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
