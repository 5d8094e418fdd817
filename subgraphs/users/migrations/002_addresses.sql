-- +goose Up
CREATE TABLE addresses (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    phone      text        NOT NULL CHECK (phone ~ '^\+91[6-9][0-9]{9}$'),
    line1      text        NOT NULL CHECK (char_length(line1) BETWEEN 1 AND 200),
    line2      text        NOT NULL DEFAULT '' CHECK (char_length(line2) <= 200),
    landmark   text        NOT NULL DEFAULT '' CHECK (char_length(landmark) <= 100),
    city       text        NOT NULL CHECK (char_length(city) BETWEEN 1 AND 100),
    state      text        NOT NULL,
    pin_code   text        NOT NULL CHECK (pin_code ~ '^[1-9][0-9]{5}$'),
    is_default boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX addresses_user ON addresses (user_id, created_at);
-- At most one default per user; the address book keeps at least one.
CREATE UNIQUE INDEX addresses_one_default ON addresses (user_id) WHERE is_default;

-- +goose Down
DROP TABLE addresses;
