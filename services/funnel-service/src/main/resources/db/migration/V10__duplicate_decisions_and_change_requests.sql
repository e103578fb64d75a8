-- Issue 20 (schema 1.3), in both read-model sets; a rebuild fills them from the topic like every other table.
-- duplicate_decision: each pair's latest DuplicateDecided (its pair stream's sequence and hash are kept in
-- applied_sequence like a project's). duplicate_id is the project the decision takes out of every figure (the one that
-- is not primary when same, else null): the figures' queries and the projection look it up by that column.
-- change_request: every ChangeRequested of a project's stream and how it was closed (approved, rejected, withdrawn).
DO $$
DECLARE
    read_model_schema text;
BEGIN
    FOREACH read_model_schema IN ARRAY ARRAY['funnel_blue', 'funnel_green'] LOOP
        EXECUTE format('CREATE TABLE %1$I.duplicate_decision ('
                       '  pair_id uuid PRIMARY KEY,'
                       '  first_id uuid NOT NULL,'
                       '  second_id uuid NOT NULL,'
                       '  same boolean NOT NULL,'
                       '  primary_id uuid,'
                       '  duplicate_id uuid,'
                       '  reason text NOT NULL,'
                       '  decided_by text NOT NULL,'
                       '  decided_at timestamptz NOT NULL,'
                       '  sequence bigint NOT NULL,'
                       '  event_id uuid NOT NULL)', read_model_schema);
        EXECUTE format('CREATE INDEX duplicate_decision_duplicate ON %1$I.duplicate_decision (duplicate_id) '
                       'WHERE duplicate_id IS NOT NULL', read_model_schema);
        EXECUTE format('CREATE INDEX duplicate_decision_primary ON %1$I.duplicate_decision (primary_id) '
                       'WHERE duplicate_id IS NOT NULL', read_model_schema);
        EXECUTE format('CREATE TABLE %1$I.change_request ('
                       '  request_id uuid PRIMARY KEY,'
                       '  project_id uuid NOT NULL,'
                       '  sequence bigint NOT NULL,'
                       '  action text NOT NULL CHECK (action IN (''correction'', ''retraction'', ''termination'', ''amendment'')),'
                       '  change text NOT NULL,'
                       '  requested_by text NOT NULL,'
                       '  requested_at timestamptz NOT NULL,'
                       '  status text NOT NULL CHECK (status IN (''pending'', ''approved'', ''rejected'', ''withdrawn'')),'
                       '  closed_by text,'
                       '  closed_at timestamptz,'
                       '  close_reason text)', read_model_schema);
        EXECUTE format('CREATE INDEX change_request_status ON %1$I.change_request (status, requested_at DESC)',
                       read_model_schema);
    END LOOP;
END
$$;
