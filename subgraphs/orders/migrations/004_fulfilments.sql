-- +goose Up
-- What the quote knew about each line that tax invoices (HSN), returns (the
-- category's return window), settlements (the category's commission) and
-- partial refunds (each line's share of the coupon) need long after checkout.
-- The coupon's apportionment is stored, not recomputed, so refunds of some
-- lines add up to the order's total to the paisa (docs/marketplace.md).
ALTER TABLE order_items
    ADD COLUMN product_id               uuid,
    ADD COLUMN hsn_code                 text   NOT NULL DEFAULT '',
    -- The product's category and its ancestors, nearest first.
    ADD COLUMN category_ids             uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN automatic_discount_paise bigint NOT NULL DEFAULT 0 CHECK (automatic_discount_paise >= 0),
    ADD COLUMN coupon_discount_paise    bigint NOT NULL DEFAULT 0 CHECK (coupon_discount_paise >= 0);
UPDATE order_items SET automatic_discount_paise = discount_paise;
-- 0 + 0 only for a line written without the split (before checkout stored it).
ALTER TABLE order_items ADD CONSTRAINT order_items_discount_parts
    CHECK (automatic_discount_paise + coupon_discount_paise IN (0, discount_paise));
CREATE INDEX order_items_store ON order_items (store_id, order_id);

-- One fulfilment per store in an order: the part of the order that store
-- packs, ships and is paid for. Its owner drives it; the order's own status
-- is derived from its fulfilments once the order is confirmed.
CREATE TABLE fulfilments (
    id                  uuid PRIMARY KEY,
    order_id            uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    store_id            uuid        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'PACKED', 'SHIPPED',
                            'DELIVERED', 'CANCELLED', 'RETURNED')),
    tracking_number     text,
    carrier             text,
    cancellation_reason text,
    shipped_at          timestamptz,
    delivered_at        timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    UNIQUE (order_id, store_id)
);
-- Store.fulfilments / myStoreOrders: a store's newest first.
CREATE INDEX fulfilments_store ON fulfilments (store_id, order_id DESC);

CREATE TABLE fulfilment_status_history (
    id             bigserial PRIMARY KEY,
    fulfilment_id  uuid        NOT NULL REFERENCES fulfilments (id) ON DELETE CASCADE,
    from_status    text,
    to_status      text        NOT NULL,
    note           text,
    actor          text,
    at             timestamptz NOT NULL
);
CREATE INDEX fulfilment_status_history_fulfilment ON fulfilment_status_history (fulfilment_id, id);

-- Orders placed before fulfilments existed get one per store, in the
-- order's status (an order-level status that has no fulfilment equivalent
-- maps to the nearest one).
INSERT INTO fulfilments (id, order_id, store_id, status, tracking_number, carrier, cancellation_reason, created_at, updated_at)
SELECT gen_random_uuid(), o.id, s.store_id,
       CASE o.status WHEN 'PENDING_PAYMENT' THEN 'PENDING' WHEN 'PAID' THEN 'PENDING'
                     WHEN 'REFUNDED' THEN 'CANCELLED' ELSE o.status END,
       o.tracking_number, o.carrier, o.cancellation_reason, o.placed_at, o.updated_at
FROM orders o CROSS JOIN LATERAL unnest(o.store_ids) AS s (store_id);

-- The order's status now also says how far its fulfilments are.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'CONFIRMED',
    'PACKED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED', 'RETURNED'));

-- +goose Down
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'CONFIRMED',
    'PACKED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED'));
DROP TABLE fulfilment_status_history;
DROP TABLE fulfilments;
DROP INDEX order_items_store;
ALTER TABLE order_items DROP CONSTRAINT order_items_discount_parts,
    DROP COLUMN product_id, DROP COLUMN hsn_code, DROP COLUMN category_ids,
    DROP COLUMN automatic_discount_paise, DROP COLUMN coupon_discount_paise;
