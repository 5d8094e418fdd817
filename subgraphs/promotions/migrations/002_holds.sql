-- +goose Up
-- One reserved use of a coupon per order: PENDING → REDEEMED or RELEASED.
-- PENDING and REDEEMED holds are what the limits count.
CREATE TABLE coupon_holds (
    id             uuid PRIMARY KEY,
    order_id       uuid        NOT NULL,
    coupon_id      uuid        NOT NULL REFERENCES coupons (id),
    code           text        NOT NULL,
    user_id        uuid        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'REDEEMED', 'RELEASED')),
    subtotal_paise bigint      NOT NULL CHECK (subtotal_paise >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
-- At most one hold per order (holdCoupon is idempotent per order).
CREATE UNIQUE INDEX coupon_holds_order ON coupon_holds (order_id);
-- Counting uses against the total and per-user limits.
CREATE INDEX coupon_holds_counted ON coupon_holds (coupon_id, user_id) WHERE status IN ('PENDING', 'REDEEMED');
-- The expiry worker: pending holds, oldest first.
CREATE INDEX coupon_holds_pending ON coupon_holds (created_at) WHERE status = 'PENDING';

-- One row per order that used a coupon, written once when the order is
-- CONFIRMED; released_at is set if the order is cancelled or refunded later.
CREATE TABLE coupon_redemptions (
    id           uuid PRIMARY KEY,
    order_id     uuid        NOT NULL,
    coupon_id    uuid        NOT NULL REFERENCES coupons (id),
    hold_id      uuid        NOT NULL REFERENCES coupon_holds (id),
    user_id      uuid        NOT NULL,
    order_number text        NOT NULL DEFAULT '',
    redeemed_at  timestamptz NOT NULL DEFAULT now(),
    released_at  timestamptz
);
CREATE UNIQUE INDEX coupon_redemptions_order ON coupon_redemptions (order_id);
CREATE INDEX coupon_redemptions_coupon ON coupon_redemptions (coupon_id) WHERE released_at IS NULL;

-- +goose Down
DROP TABLE coupon_redemptions;
DROP TABLE coupon_holds;
