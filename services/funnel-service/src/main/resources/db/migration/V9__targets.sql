-- Issue 19 (schema 1.2): the plan's targets by year, district and chain, as the city set and changed them (TargetsSet
-- events on each year's plan stream), in both read-model sets. Every change is kept (the history the supervision view
-- shows); a cell's target is its latest change. A rebuild fills it from the topic like every other table.
DO $$
DECLARE
    read_model_schema text;
BEGIN
    FOREACH read_model_schema IN ARRAY ARRAY['funnel_blue', 'funnel_green'] LOOP
        EXECUTE format('CREATE TABLE %1$I.target_change ('
                       '  plan_id uuid NOT NULL,'
                       '  sequence bigint NOT NULL,'
                       '  cell integer NOT NULL,'
                       '  year integer NOT NULL,'
                       '  district text NOT NULL,'
                       '  chain text NOT NULL,'
                       '  signed integer,'
                       '  landed integer,'
                       '  started integer,'
                       '  producing integer,'
                       '  planned_investment_cny numeric(20, 2),'
                       '  completed_investment_cny numeric(20, 2),'
                       '  event_id uuid NOT NULL,'
                       '  recorded_at timestamptz NOT NULL,'
                       '  recorded_by text NOT NULL,'
                       '  reason text NOT NULL,'
                       '  PRIMARY KEY (plan_id, sequence, cell))', read_model_schema);
        EXECUTE format('CREATE INDEX target_change_cell ON %1$I.target_change (year, district, chain, sequence DESC)',
                       read_model_schema);
    END LOOP;
END
$$;
