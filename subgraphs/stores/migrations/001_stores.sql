-- +goose Up
CREATE TABLE stores (
    id                uuid PRIMARY KEY,
    owner_id          uuid NOT NULL,
    name              text NOT NULL,
    slug              text NOT NULL CONSTRAINT stores_slug_key UNIQUE,
    description       text NOT NULL DEFAULT '',
    logo_url          text NOT NULL DEFAULT '',
    gstin             text NOT NULL,
    pickup_line1      text NOT NULL,
    pickup_line2      text NOT NULL DEFAULT '',
    pickup_city       text NOT NULL,
    pickup_state      text NOT NULL,
    pickup_pin_code   text NOT NULL,
    status            text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')),
    suspension_reason text NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
-- myStores / User.stores (oldest first) and the per-owner limit.
CREATE INDEX stores_owner_idx ON stores (owner_id, id);
-- stores(status) pages, newest first (ids are UUID v7).
CREATE INDEX stores_status_idx ON stores (status, id DESC);

-- +goose Down
DROP TABLE stores;
