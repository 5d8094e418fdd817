-- +goose Up
-- Owner applications; an approved one is the user's vendor profile.
CREATE TABLE owners (
    id               uuid PRIMARY KEY,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    business_name    text        NOT NULL CHECK (char_length(business_name) BETWEEN 1 AND 200),
    gstin            text        NOT NULL CHECK (gstin ~ '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$'),
    pan              text        NOT NULL CHECK (pan = substr(gstin, 3, 10)),
    status           text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    rejection_reason text        NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    reviewed_at      timestamptz,
    CONSTRAINT owners_user_key UNIQUE (user_id)
);

-- +goose Down
DROP TABLE owners;
