-- The funnel projection: what the live funnel needs, as known now (corrections and retractions applied).

-- Per project, the sequence of the last event applied; written in the same transaction as the
-- projection change it guards, so a redelivered event (sequence <= last) is recognised and skipped.
CREATE TABLE applied_sequence (
    project_id    uuid   PRIMARY KEY,
    last_sequence bigint NOT NULL CHECK (last_sequence >= 0)
);

CREATE TABLE funnel_project (
    project_id             uuid           PRIMARY KEY,
    code                   text           NOT NULL,
    name                   text           NOT NULL,
    district               text           NOT NULL,
    chain                  text           NOT NULL,
    planned_investment_cny numeric(20, 2) NOT NULL,
    terminated_on          date
);

CREATE INDEX funnel_project_district_chain ON funnel_project (district, chain);
CREATE INDEX funnel_project_chain ON funnel_project (chain);

-- Every stage a project recorded and did not retract, with its (possibly corrected) effective date.
CREATE TABLE funnel_milestone (
    project_id     uuid NOT NULL REFERENCES funnel_project (project_id),
    stage          text NOT NULL CHECK (stage IN ('TALKS', 'SIGNED', 'LANDED', 'STARTED', 'PRODUCING')),
    effective_date date NOT NULL,
    PRIMARY KEY (project_id, stage)
);
