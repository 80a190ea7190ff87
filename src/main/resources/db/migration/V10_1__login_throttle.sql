-- Login throttling (module access) after Keycloak's brute-force detection and OWASP ASVS V2.2:
-- failures are counted per user name *and* client address, and per address as a whole, each
-- key with its own growing temporary lock; only a key that keeps guessing is locked for good.
-- The account itself is never locked, so nobody can lock its owner out from elsewhere.

-- One row per (user name as typed, lower-cased — known or not, the same —, client address).
CREATE TABLE login_throttle (
    username           VARCHAR(64)  NOT NULL,
    client_address     VARCHAR(64)  NOT NULL,
    -- attempts counted in the current window, each counted *before* its password is checked
    failures           INT          NOT NULL,
    window_started_at  TIMESTAMP WITH TIME ZONE,
    -- temporary locks so far (each one longer); forgotten after a quiet period
    lockouts           INT          NOT NULL,
    locked_until       TIMESTAMP WITH TIME ZONE,
    -- locked until an administrator unlocks it
    permanent          BOOLEAN      NOT NULL,
    -- attempts refused during the current lock (only the first one is audited)
    refused            INT          NOT NULL,
    last_failure_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT login_throttle_pk PRIMARY KEY (username, client_address)
);
CREATE INDEX login_throttle_address_idx ON login_throttle (client_address);

-- One row per client address, over every user name it tries (password spraying).
CREATE TABLE login_source (
    client_address     VARCHAR(64)  NOT NULL,
    failures           INT          NOT NULL,
    window_started_at  TIMESTAMP WITH TIME ZONE,
    lockouts           INT          NOT NULL,
    locked_until       TIMESTAMP WITH TIME ZONE,
    permanent          BOOLEAN      NOT NULL,
    refused            INT          NOT NULL,
    last_failure_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT login_source_pk PRIMARY KEY (client_address)
);

-- The account-wide lock and the failure log it was computed from are replaced by the above
-- (every failure stays in the audit trail, with its address).
ALTER TABLE app_user DROP COLUMN locked_until;
DROP TABLE login_failure;
