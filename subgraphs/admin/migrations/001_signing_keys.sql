-- +goose Up
-- The admin access-token signing key (platform/auth.LoadSigner creates the
-- first one). This statement must stay identical to auth.SigningKeysDDL; a test checks it.
CREATE TABLE signing_keys (
    kid         text PRIMARY KEY,
    private_pem bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);

-- +goose Down
DROP TABLE signing_keys;
