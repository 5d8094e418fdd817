-- +goose Up
-- Cart after checkout (issue 9, part 5). Every saved change of a cart makes
-- its version one higher, and a line remembers the version its creation
-- made. Orders' checkout reads the version with the lines and carries it in
-- order.placed, so when the order is confirmed the cart can take out exactly
-- what was checked out: a line created after that version was not in the
-- order and stays whole. Existing carts and lines start at 0 (seen by any
-- checkout that reads them from now on).
ALTER TABLE carts ADD COLUMN version bigint NOT NULL DEFAULT 0 CHECK (version >= 0);
ALTER TABLE cart_items ADD COLUMN created_version bigint NOT NULL DEFAULT 0 CHECK (created_version >= 0);

-- One row per order.placed: the cart's version the checkout read and the
-- quantities checked out ([{variantId, quantity}], one per variant). OPEN
-- until the order is CONFIRMED (APPLIED: the quantities left the cart, once)
-- or CANCELLED (the cart is left alone). cart_version NULL: order.placed
-- carried none (every line counts as checked out).
CREATE TABLE checkouts (
    order_id     uuid PRIMARY KEY,
    user_id      uuid        NOT NULL,
    cart_version bigint      CHECK (cart_version >= 0),
    coupon_code  text,
    items        jsonb       NOT NULL,
    state        text        NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'APPLIED', 'CANCELLED')),
    placed_at    timestamptz NOT NULL,
    settled_at   timestamptz,
    CHECK ((state = 'OPEN') = (settled_at IS NULL))
);

-- +goose Down
DROP TABLE checkouts;
ALTER TABLE cart_items DROP COLUMN created_version;
ALTER TABLE carts DROP COLUMN version;
