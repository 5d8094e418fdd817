-- +goose Up
-- Back office: the stores projection is fed by the stores subgraph's events
-- (store.created / updated / status_changed), ratings by reviews'
-- product.rating_changed.

-- occurredAt of the last store event applied: an older event arriving late
-- changes nothing. NULL for a row only the seed wrote (the first event wins).
ALTER TABLE stores ADD COLUMN event_at timestamptz;
-- Listings keep products of ACTIVE stores only.
CREATE INDEX stores_active_idx ON stores (id) WHERE status = 'ACTIVE';

-- Projection of product.rating_changed. average is NULL while count is 0
-- (unrated products sort last).
CREATE TABLE product_ratings (
    product_id uuid PRIMARY KEY,
    average    numeric(3,2) CHECK (average BETWEEN 0 AND 5),
    count      int NOT NULL CHECK (count >= 0),
    updated_at timestamptz NOT NULL,
    CHECK ((count = 0) = (average IS NULL))
);
-- RATING sort: the join reads average and count from the index alone.
CREATE INDEX product_ratings_sort_idx ON product_ratings (product_id) INCLUDE (average, count);

-- Admin edits of the taxonomy.
ALTER TABLE categories ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE brands ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- +goose Down
ALTER TABLE brands DROP COLUMN updated_at;
ALTER TABLE categories DROP COLUMN updated_at;
DROP TABLE product_ratings;
DROP INDEX stores_active_idx;
ALTER TABLE stores DROP COLUMN event_at;
