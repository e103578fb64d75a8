-- A duplicate decision names two projects by id: finding their registration must not scan every code.
CREATE INDEX project_code_project_id ON project_code (project_id);
