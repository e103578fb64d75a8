-- The read models live twice, in schemas funnel_blue and funnel_green, with identical tables: the live
-- consumer writes the active one while a rebuild fills the other from the start of the topic, and
-- read_model.active switches in one step (see README "Rebuild"). The skeleton's tables are dropped:
-- a database that had them is refilled by a rebuild.
DROP TABLE funnel_milestone;
DROP TABLE funnel_project;
DROP TABLE applied_sequence;

CREATE TABLE read_model (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    active      text        NOT NULL CHECK (active IN ('funnel_blue', 'funnel_green')),
    switched_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO read_model (active) VALUES ('funnel_blue');

DO $$
DECLARE
    read_model_schema text;
BEGIN
    FOREACH read_model_schema IN ARRAY ARRAY['funnel_blue', 'funnel_green'] LOOP
        EXECUTE format($ddl$
            CREATE SCHEMA %1$I;

            -- per project, the last applied sequence: moves in the same transaction as the change it guards
            CREATE TABLE %1$I.applied_sequence (
                project_id    uuid   PRIMARY KEY,
                last_sequence bigint NOT NULL CHECK (last_sequence >= 0)
            );

            CREATE TABLE %1$I.project (
                project_id             uuid           PRIMARY KEY,
                code                   text           NOT NULL,
                name                   text           NOT NULL,
                district               text           NOT NULL,
                chain                  text           NOT NULL,
                investor               text           NOT NULL,
                park                   text,
                planned_investment_cny numeric(20, 2) NOT NULL,
                terminated_on          date
            );
            CREATE INDEX ON %1$I.project (district, chain);
            CREATE INDEX ON %1$I.project (chain);

            -- every recorded, not retracted stage (0 = TALKS … 4 = PRODUCING) with its corrected date
            CREATE TABLE %1$I.milestone (
                project_id     uuid           NOT NULL REFERENCES %1$I.project (project_id),
                stage          smallint       NOT NULL CHECK (stage BETWEEN 0 AND 4),
                effective_date date           NOT NULL,
                amount_cny     numeric(20, 2),
                PRIMARY KEY (project_id, stage)
            );

            CREATE TABLE %1$I.suspension (
                project_id   uuid   NOT NULL REFERENCES %1$I.project (project_id),
                sequence     bigint NOT NULL,
                suspended_on date   NOT NULL,
                resumed_on   date,
                PRIMARY KEY (project_id, sequence)
            );

            CREATE TABLE %1$I.investment_report (
                project_id               uuid           NOT NULL REFERENCES %1$I.project (project_id),
                period                   char(7)        NOT NULL,
                cumulative_completed_cny numeric(20, 2) NOT NULL,
                PRIMARY KEY (project_id, period)
            );

            -- The funnel pre-aggregated, so that a funnel query reads a few thousand rows whatever the
            -- number of projects: from each date on, how many projects (and how much planned investment)
            -- entered (+) or left (-) the state "at stage s, terminated or not". The count on D is the sum
            -- of the rows dated on or before D. Every project is counted in four scopes: its district and
            -- chain, its district with chain '*', '*' with its chain, and '*' with '*'. Grain 'D' rows are
            -- dated on the day, grain 'M' rows on the first day of the month, so a query sums whole months
            -- before D's month and single days within it.
            CREATE TABLE %1$I.funnel_delta (
                scope_district text           NOT NULL,
                scope_chain    text           NOT NULL,
                grain          char(1)        NOT NULL CHECK (grain IN ('D', 'M')),
                on_date        date           NOT NULL,
                stage          smallint       NOT NULL,
                terminated     boolean        NOT NULL,
                projects       bigint         NOT NULL,
                investment_cny numeric(24, 2) NOT NULL,
                PRIMARY KEY (scope_district, scope_chain, grain, on_date, stage, terminated)
            );
        $ddl$, read_model_schema);
    END LOOP;
END
$$;
