-- +goose Up
-- Refresh tokens, stored only as SHA-256. A family is one sign-in: rotation
-- adds a token to it, reuse of a used token or logout revokes all of it.
CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY,
    token_hash bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    family_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

-- +goose Down
DROP TABLE refresh_tokens;
