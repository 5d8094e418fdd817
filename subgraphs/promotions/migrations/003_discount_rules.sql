-- +goose Up
CREATE TABLE discount_rules (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL CHECK (name ~ '^[A-Z0-9_-]{3,64}$'),
    description  text        NOT NULL CHECK (char_length(description) BETWEEN 1 AND 500),
    type         text        NOT NULL CHECK (type IN ('RETAILER_BULK', 'CATEGORY_SALE')),
    percent      smallint    NOT NULL CHECK (percent BETWEEN 1 AND 90),
    min_quantity integer,
    category_id  uuid,
    starts_at    timestamptz,
    ends_at      timestamptz CHECK (ends_at > starts_at),
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT discount_rules_kind CHECK (
        (type = 'RETAILER_BULK' AND min_quantity BETWEEN 1 AND 10000 AND category_id IS NULL) OR
        (type = 'CATEGORY_SALE' AND category_id IS NOT NULL AND min_quantity IS NULL))
);
CREATE UNIQUE INDEX discount_rules_name ON discount_rules (name);

-- +goose Down
DROP TABLE discount_rules;
