package io.groundbreak.funnel.query;

/** A pair with its evidence, and its latest decision (null while open). */
public record DuplicatePair(DuplicateCandidate evidence, DuplicateDecision decision) {
}
