-- ShedLock: one row per scheduled job; the node that holds a job's row (lock_until in the future) runs it, the
-- others skip that run. Times are the database's, in UTC.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL,
    lock_until  TIMESTAMP    NOT NULL,
    locked_at   TIMESTAMP    NOT NULL,
    locked_by   VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
