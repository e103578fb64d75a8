-- A breakdown reads every district of one chain scope (or every chain of one district scope): the
-- primary key, led by scope_district, cannot narrow that by date. These indexes can, and carry the
-- summed columns, so a breakdown is an index-only range scan like a single funnel.
DO $$
DECLARE
    read_model_schema text;
BEGIN
    FOREACH read_model_schema IN ARRAY ARRAY['funnel_blue', 'funnel_green'] LOOP
        EXECUTE format($ddl$
            CREATE INDEX funnel_delta_by_district ON %1$I.funnel_delta (scope_chain, grain, on_date)
                INCLUDE (scope_district, stage, terminated, projects, investment_cny);
            CREATE INDEX funnel_delta_by_chain ON %1$I.funnel_delta (scope_district, grain, on_date)
                INCLUDE (scope_chain, stage, terminated, projects, investment_cny);
        $ddl$, read_model_schema);
    END LOOP;
END
$$;
