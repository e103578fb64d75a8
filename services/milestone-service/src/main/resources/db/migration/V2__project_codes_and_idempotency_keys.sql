-- Written in the same transaction as the event they belong to (see IdempotentWrites).

-- A project code is unique across the city: the primary key decides between concurrent registrations,
-- also across service instances (a set-based check, never read-then-write).
CREATE TABLE project_code (
    code       VARCHAR(64) NOT NULL PRIMARY KEY,
    project_id VARCHAR(36) NOT NULL
);

-- The first answer to each (user, Idempotency-Key), with a hash of the request it answered.
CREATE TABLE idempotency_key (
    user_name         VARCHAR(255) NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    request_hash      CHAR(64)     NOT NULL,
    response_status   INTEGER      NOT NULL,
    response_location VARCHAR(1000),
    response_body     TEXT         NOT NULL,
    created_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_name, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
