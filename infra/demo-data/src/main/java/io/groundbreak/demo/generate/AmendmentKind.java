package io.groundbreak.demo.generate;

/** What an amendment changes. */
enum AmendmentKind {
    INVESTOR_RENAMED, INVESTMENT_RAISED, INVESTMENT_REDUCED, NAME_CHANGED, PARK_MOVED, CHAIN_RECLASSIFIED
}
