package io.groundbreak.audit.completeness.client;

/** A service's project heads could not be read (unreachable, not 200, not the contract's JSON). */
public class HeadsUnavailable extends RuntimeException {

    private final String service;

    HeadsUnavailable(String service, String message, Throwable cause) {
        super(service + ": " + message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    public boolean isMilestoneService() {
        return HeadsClient.MILESTONE_SERVICE.equals(service);
    }
}
