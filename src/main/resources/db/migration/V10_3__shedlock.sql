-- The locks of the scheduled jobs (ShedLock's JDBC provider): one row per job name. A node
-- runs a job only while it holds the job's row (lock_until in the future), so a job runs once
-- across all the nodes of a cluster. Times are the database's own clock (usingDbTime).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
