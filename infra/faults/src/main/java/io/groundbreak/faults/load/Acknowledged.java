package io.groundbreak.faults.load;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An event a district client was told about with a 201: the reference every store and view is checked against.
 *
 * @param stage the stage a milestone recorded (0 = TALKS … 4 = PRODUCING), or -1 for the registration
 * @param plannedInvestmentCny the project's planned investment (the same on every event of the project)
 */
public record Acknowledged(String scenario, UUID projectId, UUID eventId, long sequence, String district, String chain,
                           int stage, BigDecimal plannedInvestmentCny, Instant at) {

    public static final int REGISTRATION = -1;
}
