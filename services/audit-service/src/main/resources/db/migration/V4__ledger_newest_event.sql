-- Issue 17. Every view says how fresh it is (README "Freshness"): the ledger's newest event by its recorded time,
-- and when it was ingested, is the last row of this index.
CREATE INDEX ledger_event_recorded ON ledger_event (recorded_at);
