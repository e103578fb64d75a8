-- The ledger: every verified event with its full envelope, appended once and never changed.
CREATE TABLE ledger_event (
    position    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL,
    event_type  text        NOT NULL,
    project_id  uuid        NOT NULL,
    sequence    bigint      NOT NULL CHECK (sequence >= 0),
    recorded_at timestamptz NOT NULL,
    recorded_by text        NOT NULL,
    prev_hash   char(64)    NOT NULL,
    hash        char(64)    NOT NULL,
    district    text        NOT NULL,
    -- the body as the hash covers it (the event's canonical JSON); jsonb keeps every value exactly
    data        jsonb       NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_event_id_unique UNIQUE (event_id),
    CONSTRAINT ledger_event_project_sequence_unique UNIQUE (project_id, sequence)
);

-- Append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself, whoever connects.
CREATE FUNCTION ledger_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_event is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER ledger_event_append_only
    BEFORE UPDATE OR DELETE ON ledger_event
    FOR EACH ROW EXECUTE FUNCTION ledger_event_refuse_change();

CREATE TRIGGER ledger_event_no_truncate
    BEFORE TRUNCATE ON ledger_event
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_refuse_change();
