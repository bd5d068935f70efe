-- The database is shared by the api-gateway (writes requests and the outbox, reads trunks) and the
-- provisioning-worker (claims requests, commits trunks or failures). Both run these migrations; Flyway's
-- PostgreSQL lock makes concurrent starts safe.

CREATE TABLE accounts (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- API keys are stored as hex SHA-256 digests of the bearer token: a database dump reveals no usable key.
CREATE TABLE api_keys (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT      NOT NULL REFERENCES accounts (id),
    key_digest  TEXT        NOT NULL UNIQUE,
    label       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ
);

-- One row per create: pending until the worker commits the trunk or the failure.
CREATE TABLE provisioning_requests (
    id                          UUID        PRIMARY KEY,
    account_id                  BIGINT      NOT NULL REFERENCES accounts (id),
    status                      TEXT        NOT NULL CHECK (status IN ('pending', 'provisioned', 'failed')),
    sip_trunk_type              TEXT        NOT NULL,
    phone_number                TEXT        NOT NULL,
    nickname                    TEXT,
    sip_username                TEXT        NOT NULL,
    sip_password_key_id         TEXT        NOT NULL,
    sip_password_ciphertext     BYTEA       NOT NULL,
    sip_address                 TEXT        NOT NULL,
    sip_calling_format          TEXT        NOT NULL,
    inbound_authorization_type  TEXT        NOT NULL,
    allowed_inbound_ips         TEXT[],
    outbound_proxy              BOOLEAN     NOT NULL,
    country_code                TEXT        NOT NULL,
    trunk_id                    BIGINT,
    failure_reason              TEXT,
    attempts                    INTEGER     NOT NULL DEFAULT 0,
    attempt_history             JSONB       NOT NULL DEFAULT '[]'::jsonb,
    lease_until                 TIMESTAMPTZ,
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at                TIMESTAMPTZ
);

-- The duplicate rule, enforced by the database: one live (pending or provisioned) request per account, phone
-- number, username and address. A failed request frees the identity for a retry.
CREATE UNIQUE INDEX provisioning_requests_live_identity
    ON provisioning_requests (account_id, phone_number, sip_username, sip_address)
    WHERE status <> 'failed';

CREATE INDEX provisioning_requests_pending
    ON provisioning_requests (created_at)
    WHERE status = 'pending';

-- Committed trunks: what the API lists. A failed request never has a row here.
CREATE TABLE sip_trunks (
    id                          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id                  BIGINT      NOT NULL REFERENCES accounts (id),
    request_id                  UUID        NOT NULL UNIQUE REFERENCES provisioning_requests (id),
    phone_number                TEXT        NOT NULL,
    nickname                    TEXT,
    sip_username                TEXT        NOT NULL,
    sip_address                 TEXT        NOT NULL,
    sip_calling_format          TEXT        NOT NULL,
    inbound_authorization_type  TEXT        NOT NULL,
    allowed_inbound_ips         TEXT[],
    outbound_proxy              BOOLEAN     NOT NULL,
    country_code                TEXT        NOT NULL,
    inbound_trunk_id            TEXT        NOT NULL,
    outbound_trunk_id           TEXT        NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX sip_trunks_account_newest ON sip_trunks (account_id, id DESC);

-- The transactional outbox: events written in the same transaction as the state they announce, published by
-- the relay and then deleted. Claimed with FOR UPDATE SKIP LOCKED, never by an id cursor.
CREATE TABLE outbox_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic       TEXT        NOT NULL,
    event_key   TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
