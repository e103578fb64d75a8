-- Issue 16. Each project's last applied hash beside its last applied sequence (GET /api/admin/heads), in both
-- read-model sets: the live consumer and a rebuild write it with last_sequence. Rows applied before this
-- migration have none (null) until the next rebuild.
DO $$
DECLARE
    read_model_schema text;
BEGIN
    FOREACH read_model_schema IN ARRAY ARRAY['funnel_blue', 'funnel_green'] LOOP
        EXECUTE format('ALTER TABLE %1$I.applied_sequence ADD COLUMN last_hash text', read_model_schema);
    END LOOP;
END
$$;

-- Records the consumer could not apply and keeps aside (README "Dead letters"): the operational list.
-- A record is parked once (a redelivery of it counts another attempt on the same row) and stays 'parked'
-- (outstanding) until it is reprocessed into the active read model or discarded by an admin.
CREATE TABLE dead_letter (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reason           text        NOT NULL CHECK (reason IN ('malformed', 'gap', 'failed')),
    detail           text        NOT NULL,
    project_id       uuid,
    sequence         bigint,
    event_id         uuid,
    topic            text        NOT NULL,
    topic_partition  integer     NOT NULL,
    record_offset    bigint      NOT NULL,
    -- the record as it came: key, value and headers (names and raw values), so it can be read again
    record_key       bytea,
    record_value     bytea,
    header_names     text[]      NOT NULL,
    header_values    bytea[]     NOT NULL,
    first_failure_at timestamptz NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    attempts         integer     NOT NULL CHECK (attempts >= 1),
    status           text        NOT NULL DEFAULT 'parked' CHECK (status IN ('parked', 'reprocessed', 'discarded')),
    resolved_at      timestamptz,
    UNIQUE (topic, topic_partition, record_offset)
);
CREATE INDEX dead_letter_outstanding ON dead_letter (project_id, sequence) WHERE status = 'parked';
CREATE INDEX dead_letter_event ON dead_letter (event_id) WHERE status = 'parked';

-- Every operation on the dead letters, append-only: who, when, what, why, and what came of it.
CREATE TABLE dead_letter_operation (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dead_letter_id bigint      REFERENCES dead_letter (id),
    project_id     uuid,
    action         text        NOT NULL CHECK (action IN ('reprocess', 'discard')),
    done_by        text        NOT NULL,
    done_at        timestamptz NOT NULL,
    reason         text,
    outcome        text        NOT NULL
);

CREATE FUNCTION dead_letter_operation_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    RAISE EXCEPTION 'dead_letter_operation is append-only';
END
$fn$;
CREATE TRIGGER dead_letter_operation_append_only BEFORE UPDATE OR DELETE ON dead_letter_operation
    FOR EACH ROW EXECUTE FUNCTION dead_letter_operation_is_append_only();
CREATE TRIGGER dead_letter_operation_no_truncate BEFORE TRUNCATE ON dead_letter_operation
    FOR EACH STATEMENT EXECUTE FUNCTION dead_letter_operation_is_append_only();
