-- +goose Up
-- One cart per user (carts_user_id_key): the user.registered consumer and the
-- lazy creation on first use both insert ON CONFLICT DO NOTHING, so neither a
-- redelivered event nor a race creates a second one.
CREATE TABLE carts (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL CONSTRAINT carts_user_id_key UNIQUE,
    coupon_code text        CHECK (coupon_code ~ '^[A-Z0-9_-]{1,32}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Lines hold a variant id and a quantity only: prices are never copied into
-- the cart, they are quoted when asked for.
CREATE TABLE cart_items (
    id         uuid PRIMARY KEY,
    cart_id    uuid        NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    variant_id uuid        NOT NULL,
    quantity   integer     NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    added_at   timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT cart_items_one_line_per_variant UNIQUE (cart_id, variant_id)
);

-- +goose Down
DROP TABLE cart_items;
DROP TABLE carts;
