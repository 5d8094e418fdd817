-- +goose Up
-- Human order numbers PUR-<year>-<6 digits> count from this sequence.
CREATE SEQUENCE order_number_seq;

-- An order, frozen at checkout: the address and the prices are snapshots,
-- so later changes to the catalogue or the address book do not rewrite it.
CREATE TABLE orders (
    id                       uuid PRIMARY KEY,
    order_number             text        NOT NULL UNIQUE,
    user_id                  uuid        NOT NULL,
    idempotency_key          text        NOT NULL,
    status                   text        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'CONFIRMED',
                                 'PACKED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
    payment_method           text        NOT NULL CHECK (payment_method IN ('UPI', 'CARD', 'NETBANKING', 'COD')),
    upi_vpa                  text,
    coupon_code              text,
    shipping_address         jsonb       NOT NULL,
    -- The stores with items in the order: who may see and fulfil it.
    store_ids                uuid[]      NOT NULL CHECK (cardinality(store_ids) > 0),
    subtotal_paise           bigint      NOT NULL CHECK (subtotal_paise >= 0),
    automatic_discount_paise bigint      NOT NULL CHECK (automatic_discount_paise >= 0),
    coupon_discount_paise    bigint      NOT NULL CHECK (coupon_discount_paise >= 0),
    cgst_paise               bigint      NOT NULL CHECK (cgst_paise >= 0),
    sgst_paise               bigint      NOT NULL CHECK (sgst_paise >= 0),
    igst_paise               bigint      NOT NULL CHECK (igst_paise >= 0),
    gst_paise                bigint      NOT NULL CHECK (gst_paise >= 0),
    shipping_paise           bigint      NOT NULL CHECK (shipping_paise >= 0),
    total_paise              bigint      NOT NULL CHECK (total_paise >= 0),
    tracking_number          text,
    carrier                  text,
    cancellation_reason      text,
    payment_due_by           timestamptz,
    placed_at                timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    -- One order per checkout attempt: a repeated key finds the same order.
    CONSTRAINT orders_user_idempotency_key UNIQUE (user_id, idempotency_key)
);
-- myOrders / User.orders: newest first (ids are UUID v7, ordered by time).
CREATE INDEX orders_user_id ON orders (user_id, id DESC);
-- storeOrders: orders containing any of an owner's stores.
CREATE INDEX orders_store_ids ON orders USING gin (store_ids);

CREATE TABLE order_items (
    id                  uuid PRIMARY KEY,
    order_id            uuid         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position            int          NOT NULL,
    variant_id          uuid         NOT NULL,
    store_id            uuid         NOT NULL,
    sku                 text         NOT NULL,
    title               text         NOT NULL,
    unit_price_paise    bigint       NOT NULL CHECK (unit_price_paise >= 0),
    quantity            int          NOT NULL CHECK (quantity > 0),
    line_subtotal_paise bigint       NOT NULL CHECK (line_subtotal_paise >= 0),
    discount_paise      bigint       NOT NULL CHECK (discount_paise >= 0),
    gst_rate_percent    numeric(5,2) NOT NULL CHECK (gst_rate_percent >= 0),
    gst_paise           bigint       NOT NULL CHECK (gst_paise >= 0),
    line_total_paise    bigint       NOT NULL CHECK (line_total_paise >= 0),
    UNIQUE (order_id, position)
);

-- Every status an order went through, written with the change itself.
CREATE TABLE order_status_history (
    id          bigserial PRIMARY KEY,
    order_id    uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status text,
    to_status   text        NOT NULL,
    note        text,
    actor       text,
    at          timestamptz NOT NULL
);
CREATE INDEX order_status_history_order ON order_status_history (order_id, id);

-- +goose Down
DROP TABLE order_status_history;
DROP TABLE order_items;
DROP TABLE orders;
DROP SEQUENCE order_number_seq;
