-- +goose Up
CREATE TABLE wishlists (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL CONSTRAINT wishlists_user_id_key UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE wishlist_items (
    id          uuid PRIMARY KEY,
    wishlist_id uuid        NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
    variant_id  uuid        NOT NULL,
    added_at    timestamptz NOT NULL,
    CONSTRAINT wishlist_items_one_per_variant UNIQUE (wishlist_id, variant_id)
);

-- +goose Down
DROP TABLE wishlist_items;
DROP TABLE wishlists;
