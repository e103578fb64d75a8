-- Issue 17. The views say how fresh they are (README "Freshness"): beside each project's last applied sequence,
-- when that event was recorded and when it was applied (the database's clock, one for every instance), in both
-- read-model sets. The newest applied event is the last row of the index. Rows applied before this migration
-- have neither (null) until the project's next event or a rebuild.
DO $$
DECLARE
    read_model_schema text;
BEGIN
    FOREACH read_model_schema IN ARRAY ARRAY['funnel_blue', 'funnel_green'] LOOP
        EXECUTE format('ALTER TABLE %1$I.applied_sequence ADD COLUMN last_recorded_at timestamptz, '
                       'ADD COLUMN last_applied_at timestamptz', read_model_schema);
        EXECUTE format('CREATE INDEX applied_sequence_recorded ON %1$I.applied_sequence (last_recorded_at)',
                       read_model_schema);
    END LOOP;
END
$$;
