package io.groundbreak.audit.reconciliation.client;

/** funnel-service could not be asked: nothing can be reconciled. */
public class FunnelServiceUnavailable extends RuntimeException {

    FunnelServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
