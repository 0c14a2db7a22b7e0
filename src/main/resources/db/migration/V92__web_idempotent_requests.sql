-- The first answer to a POST sent with an Idempotency-Key header, per key, user, method and path, so that a retry (on
-- any node) gets the same answer instead of creating the record again. status 0 marks a request still running.
CREATE TABLE idempotent_request (
    idem_key      VARCHAR(200)  NOT NULL,
    username      VARCHAR(64)   NOT NULL,
    method        VARCHAR(10)   NOT NULL,
    path          VARCHAR(500)  NOT NULL,
    status        INT           NOT NULL,
    content_type  VARCHAR(200),
    body          BYTEA,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotent_request_pk PRIMARY KEY (idem_key, username, method, path)
);

CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
