-- +goose Up
-- Returns (RMA, docs/marketplace.md "Returns"): a shopper sends back some
-- delivered lines of one fulfilment; its store approves or rejects, receives
-- the parcel, and payments refunds the lines' share of what was paid.
CREATE TABLE returns (
    id                   uuid PRIMARY KEY,
    order_id             uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    store_id             uuid        NOT NULL,
    fulfilment_id        uuid        NOT NULL REFERENCES fulfilments (id) ON DELETE CASCADE,
    user_id              uuid        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED',
                             'REFUNDED', 'CLOSED')),
    reason               text        NOT NULL CHECK (reason IN ('DAMAGED', 'DEFECTIVE', 'WRONG_ITEM',
                             'NOT_AS_DESCRIBED', 'MISSING_PARTS', 'NO_LONGER_NEEDED', 'OTHER')),
    comment              text        CHECK (char_length(comment) <= 1000),
    rejection_reason     text        CHECK (char_length(rejection_reason) <= 500),
    -- What the refund of a cash-on-delivery order is paid to: a bank account
    -- (holder, number, IFSC) or a UPI VPA; NULL for prepaid orders, which are
    -- refunded to the original payment.
    refund_to_kind       text        CHECK (refund_to_kind IN ('BANK_ACCOUNT', 'UPI')),
    refund_account_name  text,
    refund_account_no    text,
    refund_ifsc          text,
    refund_upi_vpa       text,
    refund_paise         bigint      NOT NULL CHECK (refund_paise > 0),
    requested_at         timestamptz NOT NULL,
    decided_at           timestamptz,
    received_at          timestamptz,
    refunded_at          timestamptz,
    updated_at           timestamptz NOT NULL,
    CONSTRAINT returns_refund_to CHECK (
        refund_to_kind IS NULL AND refund_account_no IS NULL AND refund_upi_vpa IS NULL
        OR refund_to_kind = 'BANK_ACCOUNT' AND refund_account_name IS NOT NULL AND refund_account_no IS NOT NULL
           AND refund_ifsc IS NOT NULL AND refund_upi_vpa IS NULL
        OR refund_to_kind = 'UPI' AND refund_upi_vpa IS NOT NULL AND refund_account_no IS NULL)
);
-- myReturns and Order.returns / Store.returns: newest first (UUID v7 ids).
CREATE INDEX returns_user ON returns (user_id, id DESC);
CREATE INDEX returns_order ON returns (order_id, id);
CREATE INDEX returns_store ON returns (store_id, id DESC);

CREATE TABLE return_items (
    return_id     uuid    NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    order_item_id uuid    NOT NULL REFERENCES order_items (id) ON DELETE CASCADE,
    position      int     NOT NULL,
    quantity      int     NOT NULL CHECK (quantity > 0),
    refund_paise  bigint  NOT NULL CHECK (refund_paise >= 0),
    -- Set when the store receives the item: may it be sold again (restocked)?
    resaleable    boolean,
    PRIMARY KEY (return_id, order_item_id)
);
-- How much of a line is already being returned: every return of the item.
CREATE INDEX return_items_order_item ON return_items (order_item_id);

CREATE TABLE return_status_history (
    id          bigserial PRIMARY KEY,
    return_id   uuid        NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    from_status text,
    to_status   text        NOT NULL,
    note        text,
    actor       text,
    at          timestamptz NOT NULL
);
CREATE INDEX return_status_history_return ON return_status_history (return_id, id);

-- How long after delivery a line may be returned, per catalogue category.
-- A line's window is that of the nearest category in its category_ids
-- (nearest first) that has one; otherwise RETURN_WINDOW_DAYS (10).
CREATE TABLE return_windows (
    category_id uuid PRIMARY KEY,
    days        int         NOT NULL CHECK (days BETWEEN 0 AND 365),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
-- Mobiles: 7 days (catalog's seeded category id, seed.ID("category", "mobiles")).
INSERT INTO return_windows (category_id, days) VALUES ('f5b52a6b-037a-5856-a88c-cafe119ea1e5', 7);

-- +goose Down
DROP TABLE return_windows;
DROP TABLE return_status_history;
DROP TABLE return_items;
DROP TABLE returns;
