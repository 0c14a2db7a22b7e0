-- Excel import jobs, so that any node can answer a poll: a snapshot of each job, written when it starts, every few
-- seconds while it runs (heartbeat_at) and when it ends. A job whose heartbeat stops (its node died) is reported failed;
-- its rows were imported in one transaction, so nothing of it was stored.
CREATE TABLE import_job (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner         VARCHAR(64)   NOT NULL,
    mode          VARCHAR(16)   NOT NULL,
    file_name     VARCHAR(300),
    total_rows    BIGINT        NOT NULL,
    max_errors    INT           NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    rows_read     BIGINT        NOT NULL,
    stored        BIGINT        NOT NULL,
    error_rows    BIGINT        NOT NULL,
    error_count   BIGINT        NOT NULL,
    problem       VARCHAR(1000),
    errors        VARCHAR,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE
);

CREATE INDEX import_job_created ON import_job (created_at);
