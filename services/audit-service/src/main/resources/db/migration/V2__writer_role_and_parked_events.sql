-- Events that could not join their project's verified chain, kept exactly as received so that nothing
-- sent to the auditors is lost; verification names every one of them. Never changed either.
CREATE TABLE parked_event (
    position    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reason      text        NOT NULL,
    event_id    uuid        NOT NULL,
    event_type  text        NOT NULL,
    project_id  uuid        NOT NULL,
    sequence    bigint      NOT NULL,
    recorded_at timestamptz NOT NULL,
    recorded_by text        NOT NULL,
    prev_hash   text        NOT NULL,
    hash        text        NOT NULL,
    district    text        NOT NULL,
    data        jsonb       NOT NULL,
    parked_at   timestamptz NOT NULL DEFAULT now(),
    -- a redelivered record is parked once: same id, same claimed hash, same body, same reason
    CONSTRAINT parked_event_once UNIQUE (event_id, hash, reason, data)
);

CREATE INDEX parked_event_project ON parked_event (project_id, sequence);

CREATE TRIGGER parked_event_append_only
    BEFORE UPDATE OR DELETE ON parked_event
    FOR EACH ROW EXECUTE FUNCTION ledger_event_refuse_change();

CREATE TRIGGER parked_event_no_truncate
    BEFORE TRUNCATE ON parked_event
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_event_refuse_change();

-- The role the service works as (every pooled connection runs SET ROLE): it may read and append, and
-- nothing else, so that not even a bug in the service can change history. Roles belong to the whole
-- server: another database (or a parallel migration) may have created it already.
DO $$
BEGIN
    CREATE ROLE groundbreak_audit_writer NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

REVOKE ALL ON ledger_event, parked_event FROM PUBLIC;
GRANT SELECT, INSERT ON ledger_event, parked_event TO groundbreak_audit_writer;

-- A connecting user that is no superuser needs the membership to SET ROLE.
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT groundbreak_audit_writer TO %I', current_user);
    END IF;
END
$$;
