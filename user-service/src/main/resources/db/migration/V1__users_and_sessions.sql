-- Accounts. email is stored normalized (trimmed, lower-case); the unique constraint decides concurrent sign-ups.
CREATE TABLE users (
    id            uuid         PRIMARY KEY,
    email         varchar(254) NOT NULL,
    full_name     varchar(100) NOT NULL,
    roles         text[]       NOT NULL,
    password_hash varchar(100) NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_email_normalized CHECK (email = lower(btrim(email))),
    CONSTRAINT ck_users_roles CHECK (roles <@ ARRAY['USER', 'ADMIN']::text[] AND 'USER' = ANY (roles))
);

-- Refresh tokens: only the SHA-256 of the opaque value is stored. A family is one login session.
CREATE TABLE refresh_token (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  uuid        NOT NULL,
    token_hash varchar(64) NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz,
    revoked_at timestamptz,
    CONSTRAINT uq_refresh_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);
CREATE INDEX ix_refresh_token_user ON refresh_token (user_id);
CREATE INDEX ix_refresh_token_expires ON refresh_token (expires_at);

-- Failed logins per e-mail (SHA-256 of the normalized address), for the lockout shared by every replica.
CREATE TABLE login_failure (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email_hash varchar(64) NOT NULL,
    failed_at  timestamptz NOT NULL
);
CREATE INDEX ix_login_failure_email ON login_failure (email_hash, failed_at);
CREATE INDEX ix_login_failure_failed_at ON login_failure (failed_at);
