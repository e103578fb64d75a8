package io.groundbreak.funnel.query;

/** Where a change request stands: pending until approved, rejected or withdrawn (schema 1.3). */
public enum RequestStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN
}
