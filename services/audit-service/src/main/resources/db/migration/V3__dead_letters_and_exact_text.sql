-- Issue 16: nothing lost, nothing silent.
--
-- 1. Text PostgreSQL cannot hold (U+0000 in text and jsonb). The columns keep a sanitized copy for queries
--    (each U+0000 written as U+2400 '␀'); the exact values go to bytea columns, which readers prefer:
--    hashed_bytes  the UTF-8 RFC 8785 canonical JSON of the eight hashed fields {id,type,subject,sequence,time,
--                  recordedBy,prevHash,data}: exactly the bytes the hash is computed over, so for a ledger row
--                  encode(sha256(hashed_bytes), 'hex') = hash. NULL when no hashed field needed it.
--    district_bytes the district (CloudEvents source, not hashed) in UTF-8, when it holds U+0000; else NULL.
ALTER TABLE ledger_event ADD COLUMN hashed_bytes bytea, ADD COLUMN district_bytes bytea;
ALTER TABLE parked_event ADD COLUMN hashed_bytes bytea, ADD COLUMN district_bytes bytea;

-- 2. Every record that no retry can store is parked, events and non-events ("malformed") alike: the record
--    as received (topic, partition, offset, key, headers as a JSON object of base64 values, value), why
--    (detail), and the event's fields where they could be read. A row is still never changed.
ALTER TABLE parked_event
    ALTER COLUMN event_id DROP NOT NULL,
    ALTER COLUMN event_type DROP NOT NULL,
    ALTER COLUMN project_id DROP NOT NULL,
    ALTER COLUMN sequence DROP NOT NULL,
    ALTER COLUMN recorded_at DROP NOT NULL,
    ALTER COLUMN recorded_by DROP NOT NULL,
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ALTER COLUMN district DROP NOT NULL,
    ALTER COLUMN data DROP NOT NULL,
    ADD COLUMN detail text,
    ADD COLUMN record_topic text,
    ADD COLUMN record_partition integer,
    ADD COLUMN record_offset bigint,
    ADD COLUMN record_key bytea,
    ADD COLUMN record_headers bytea,
    ADD COLUMN record_value bytea,
    -- SHA-256 (hex) of key, headers and value: the same record delivered again, or sent again, is one dead letter
    ADD COLUMN record_digest text;
-- the same record is parked once, whatever reason it fails for next time: a later failure is an attempt
ALTER TABLE parked_event DROP CONSTRAINT parked_event_once;
CREATE INDEX parked_event_event ON parked_event (event_id);
CREATE UNIQUE INDEX parked_event_record_once ON parked_event (record_digest) WHERE event_type IS NULL;

-- (dead_letter_id is a parked_event.position; no foreign key, so that TRUNCATE parked_event still meets the
-- append-only trigger rather than the key.)
-- 3. Each failure of a parked record (the first, a redelivery, a reprocess that failed again): first and last
--    failure, attempts and the latest reason are read from here, since a parked row never changes.
CREATE TABLE dead_letter_attempt (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dead_letter_id bigint      NOT NULL,
    at             timestamptz NOT NULL DEFAULT now(),
    reason         text        NOT NULL,
    detail         text,
    -- 'consumer' (a delivery from the topic) or 'reprocess' (an administrator's reprocess)
    source         text        NOT NULL
);
CREATE INDEX dead_letter_attempt_letter ON dead_letter_attempt (dead_letter_id, id);
INSERT INTO dead_letter_attempt (dead_letter_id, at, reason, detail, source)
    SELECT position, parked_at, reason, NULL, 'consumer' FROM parked_event;

-- 4. A dead letter's end: reprocessed into the ledger (a record that is not an event cannot be found there by
--    its fields) or discarded with a reason. One per dead letter, so reprocess and discard cannot both win.
CREATE TABLE dead_letter_resolution (
    dead_letter_id bigint      PRIMARY KEY,
    status         text        NOT NULL CHECK (status IN ('reprocessed', 'discarded')),
    at             timestamptz NOT NULL DEFAULT now(),
    by_user        text        NOT NULL
);

-- 5. Every dead-letter operation: who, when, what, why, outcome.
CREATE TABLE dead_letter_operation (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dead_letter_id bigint,
    project_id     uuid,
    action         text        NOT NULL CHECK (action IN ('reprocess', 'discard')),
    by_user        text        NOT NULL,
    at             timestamptz NOT NULL DEFAULT now(),
    reason         text,
    outcome        text        NOT NULL
);

CREATE TRIGGER dead_letter_attempt_append_only BEFORE UPDATE OR DELETE ON dead_letter_attempt
    FOR EACH ROW EXECUTE FUNCTION ledger_event_refuse_change();
CREATE TRIGGER dead_letter_attempt_no_truncate BEFORE TRUNCATE ON dead_letter_attempt
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_refuse_change();
CREATE TRIGGER dead_letter_resolution_append_only BEFORE UPDATE OR DELETE ON dead_letter_resolution
    FOR EACH ROW EXECUTE FUNCTION ledger_event_refuse_change();
CREATE TRIGGER dead_letter_resolution_no_truncate BEFORE TRUNCATE ON dead_letter_resolution
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_refuse_change();
CREATE TRIGGER dead_letter_operation_append_only BEFORE UPDATE OR DELETE ON dead_letter_operation
    FOR EACH ROW EXECUTE FUNCTION ledger_event_refuse_change();
CREATE TRIGGER dead_letter_operation_no_truncate BEFORE TRUNCATE ON dead_letter_operation
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_refuse_change();

REVOKE ALL ON dead_letter_attempt, dead_letter_resolution, dead_letter_operation FROM PUBLIC;
GRANT SELECT, INSERT ON dead_letter_attempt, dead_letter_resolution, dead_letter_operation TO groundbreak_audit_writer;
