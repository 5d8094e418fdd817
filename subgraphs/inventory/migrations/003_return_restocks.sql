-- +goose Up
-- Units a received return put back on hand (orders' order.return_changed →
-- RECEIVED, resaleable items only), one row per return and variant: applied
-- once per return however often the event comes, and the stock ledger's
-- record of units sold and then returned (sold = committed − restocked).
CREATE TABLE return_restocks (
    return_id  uuid        NOT NULL,
    variant_id uuid        NOT NULL,
    quantity   int         NOT NULL CHECK (quantity > 0),
    order_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (return_id, variant_id)
);
CREATE INDEX return_restocks_variant ON return_restocks (variant_id);

-- +goose Down
DROP TABLE return_restocks;
