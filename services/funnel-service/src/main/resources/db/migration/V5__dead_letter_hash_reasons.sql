-- The projection refuses the next event of a project when its own hash is not intact or it does not link to the
-- last applied event's hash, and an event claiming the last applied one's sequence with another hash: such records
-- are parked with the contract's reason codes.
ALTER TABLE dead_letter DROP CONSTRAINT dead_letter_reason_check;
ALTER TABLE dead_letter ADD CONSTRAINT dead_letter_reason_check
    CHECK (reason IN ('malformed', 'gap', 'hash-mismatch', 'prev-hash-mismatch', 'sequence-taken', 'failed'));
