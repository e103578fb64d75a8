-- Projects registered before project_code existed keep their codes: the earliest registration of a
-- code holds it. The payload is the event's JSON (Axon's Jackson serializer, bytea).
INSERT INTO project_code (code, project_id)
SELECT convert_from(payload, 'UTF8')::jsonb ->> 'code', aggregate_identifier
FROM domain_event_entry
WHERE payload_type = 'io.groundbreak.events.ProjectRegistered'
ORDER BY global_index
ON CONFLICT DO NOTHING;
