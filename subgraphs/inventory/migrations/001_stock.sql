-- +goose Up
-- The stock of each variant, created from catalog's variant.created. The CHECKs
-- are the last line of defence: the store never asks for a row that breaks them.
CREATE TABLE stock_levels (
    variant_id    uuid PRIMARY KEY,
    store_id      uuid NOT NULL,
    sku           text NOT NULL DEFAULT '',
    on_hand       int  NOT NULL CHECK (on_hand >= 0),
    reserved      int  NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    low_threshold int  NOT NULL CHECK (low_threshold >= 0),
    -- stock.low was sent for the current low spell (reset when no longer low).
    low_alerted   boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_levels_reserved_within_on_hand CHECK (reserved <= on_hand)
);
CREATE INDEX stock_levels_store_idx ON stock_levels (store_id);

-- Stock held for an order during checkout; the order id is the idempotency key.
CREATE TABLE stock_reservations (
    order_id   uuid PRIMARY KEY,
    user_id    text NOT NULL,
    status     text NOT NULL CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- The reaper's scan: only live reservations, oldest expiry first.
CREATE INDEX stock_reservations_expiry_idx ON stock_reservations (expires_at) WHERE status = 'RESERVED';

CREATE TABLE stock_reservation_lines (
    order_id   uuid NOT NULL REFERENCES stock_reservations (order_id) ON DELETE CASCADE,
    variant_id uuid NOT NULL REFERENCES stock_levels (variant_id),
    quantity   int  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, variant_id)
);
CREATE INDEX stock_reservation_lines_variant_idx ON stock_reservation_lines (variant_id);

-- +goose Down
DROP TABLE stock_reservation_lines;
DROP TABLE stock_reservations;
DROP TABLE stock_levels;
