-- Issue 20. A project's history shows every duplicate decision that names it (schema 1.3's DuplicateDecided, on the
-- pair's stream, not the project's): found from either project of the pair through these two small partial indexes
-- instead of a scan of the whole ledger.
CREATE INDEX ledger_event_pair_first ON ledger_event ((data ->> 'firstProjectId')) WHERE event_type = 'DuplicateDecided';
CREATE INDEX ledger_event_pair_second ON ledger_event ((data ->> 'secondProjectId')) WHERE event_type = 'DuplicateDecided';
