-- Issue 19, cohorts (README "Cohorts"). A project belongs to the cohort of stage s and period P when the earliest date of
-- its stage rows at or above s lies in P; that date is one of its rows' dates, so the cohort table and its project
-- lists find their projects through the stage rows dated in the span asked for, without reading every project.
-- Both read-model sets get it: a rebuild empties and refills the inactive set's tables, which keep their indexes.
DO $$
DECLARE
    read_model_schema text;
BEGIN
    FOREACH read_model_schema IN ARRAY ARRAY['funnel_blue', 'funnel_green'] LOOP
        EXECUTE format('CREATE INDEX milestone_by_date ON %1$I.milestone (effective_date) INCLUDE (project_id)',
                       read_model_schema);
    END LOOP;
END
$$;
