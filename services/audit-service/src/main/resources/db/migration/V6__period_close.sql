-- Issue 19: the monthly close (月度调度). Every close and reopen of a district's month: who, when, why. Appended,
-- never changed: a month's state is its last act (by step). The figures "as closed" are not stored: they are the
-- ledger's as known at the close's instant (`at`), which the append-only, hash-chained ledger answers for ever.
CREATE TABLE period_close (
    id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district text        NOT NULL,
    period   text        NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    -- 0, 1, 2, … per district and month: of two acts racing for the same step only one is kept
    step     integer     NOT NULL CHECK (step >= 0),
    action   text        NOT NULL CHECK (action IN ('close', 'reopen')),
    at       timestamptz NOT NULL,
    by_user  text        NOT NULL,
    reason   text,
    CONSTRAINT period_close_step_once UNIQUE (district, period, step),
    CONSTRAINT period_close_reopen_says_why CHECK (action = 'close' OR reason IS NOT NULL)
);

-- the city's view of one month: every district's acts
CREATE INDEX period_close_period ON period_close (period, district, step);

CREATE TRIGGER period_close_append_only BEFORE UPDATE OR DELETE ON period_close
    FOR EACH ROW EXECUTE FUNCTION ledger_event_refuse_change();
CREATE TRIGGER period_close_no_truncate BEFORE TRUNCATE ON period_close
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_refuse_change();

REVOKE ALL ON period_close FROM PUBLIC;
GRANT SELECT, INSERT ON period_close TO groundbreak_audit_writer;
