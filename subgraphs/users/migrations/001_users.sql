-- +goose Up
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    email         text        NOT NULL CHECK (email = lower(email) AND char_length(email) <= 254),
    phone         text        NOT NULL CHECK (phone ~ '^\+91[6-9][0-9]{9}$'),
    -- argon2id in PHC format; the password itself is never stored.
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('CUSTOMER', 'RETAILER', 'OWNER')),
    gstin         text        CHECK (gstin ~ '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (role <> 'RETAILER' OR gstin IS NOT NULL)
);
-- One account per email whatever its case; register translates a violation
-- of this index into CONFLICT, so two concurrent registrations cannot both win.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- +goose Down
DROP TABLE users;
