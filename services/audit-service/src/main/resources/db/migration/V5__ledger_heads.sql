-- Issue 18. Each project's newest event (sequence and hash), which verification's completeness check compares with
-- milestone-service's heads, read from this index in its order instead of sorting the whole ledger first (the sort
-- went to disk: ~0.7 s of a 150,000-event verification, infra/bench/ANALYSIS.md).
CREATE INDEX ledger_event_project_head ON ledger_event (project_id, sequence DESC) INCLUDE (hash);
