-- The event's global index comes from the insert itself (INSERT … RETURNING, META-INF/orm.xml), from the same
-- sequence with increment 1 as before: one round trip per appended event instead of a nextval and then the insert.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_global_index_seq');
ALTER SEQUENCE domain_event_global_index_seq OWNED BY domain_event_entry.global_index;
