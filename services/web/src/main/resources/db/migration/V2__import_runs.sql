-- The Excel imports of the last hours, so that whichever instance a browser reaches serves an import's
-- progress, its report and its report workbook. The instance that applies an import writes its progress
-- here every second (heartbeat_at) and, once finished, the full report and the workbook.
CREATE TABLE import_run (
    id           UUID        NOT NULL PRIMARY KEY,
    user_name    TEXT        NOT NULL,
    locale       TEXT        NOT NULL,
    state        TEXT        NOT NULL CHECK (state IN ('RUNNING', 'FINISHED')),
    started_at   TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    -- ImportStatus as JSON, every non-ASCII character escaped (\uXXXX), so that any text a cell held
    -- (U+0000, a lone surrogate) is kept exactly; while running, without the rows
    status       TEXT        NOT NULL,
    -- the report workbook (.xlsx), once finished
    report       BYTEA,
    CHECK ((state = 'FINISHED') = (finished_at IS NOT NULL AND report IS NOT NULL))
);

CREATE INDEX import_run_finished ON import_run (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX import_run_running ON import_run (heartbeat_at) WHERE finished_at IS NULL;
