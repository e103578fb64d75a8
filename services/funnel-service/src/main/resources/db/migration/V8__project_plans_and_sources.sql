-- Issue 19 (schema 1.1): a project's planned dates of the stages ahead, its responsible person (责任人) and leader
-- (包联领导), and its source (来源, a code of the reference data's sources.csv), in both read-model sets. No event
-- before schema 1.1 carries them, so null is every existing row's true value: nothing to backfill, no rebuild needed.
DO $$
DECLARE
    read_model_schema text;
BEGIN
    FOREACH read_model_schema IN ARRAY ARRAY['funnel_blue', 'funnel_green'] LOOP
        EXECUTE format('ALTER TABLE %1$I.project ADD COLUMN planned_signed date, ADD COLUMN planned_landed date, '
                       'ADD COLUMN planned_started date, ADD COLUMN planned_producing date, '
                       'ADD COLUMN responsible_person text, ADD COLUMN responsible_leader text, ADD COLUMN source text',
                       read_model_schema);
        EXECUTE format('CREATE INDEX project_source ON %1$I.project (source)', read_model_schema);
    END LOOP;
END
$$;
