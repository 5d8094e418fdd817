-- +goose Up
-- Verified purchases: who received which product in which order, from
-- orders' order.status_changed (to DELIVERED). Only these users may review.
CREATE TABLE purchases (
    user_id      uuid        NOT NULL,
    product_id   uuid        NOT NULL,
    order_id     uuid        NOT NULL,
    delivered_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, product_id, order_id)
);

CREATE TABLE reviews (
    id               uuid        PRIMARY KEY,
    product_id       uuid        NOT NULL,
    user_id          uuid        NOT NULL,
    rating           smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title            text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
    body             text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    status           text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    rejection_reason text        CHECK (char_length(rejection_reason) <= 500),
    verified         boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT reviews_one_per_user_product UNIQUE (user_id, product_id)
);
-- Public lists: a product's approved reviews by recency or by stars.
CREATE INDEX reviews_product_approved ON reviews (product_id, id DESC) WHERE status = 'APPROVED';
CREATE INDEX reviews_product_approved_rating ON reviews (product_id, rating, id DESC) WHERE status = 'APPROVED';
-- The moderation queue, oldest first.
CREATE INDEX reviews_pending ON reviews (id) WHERE status = 'PENDING';
-- myReviews / User.reviews.
CREATE INDEX reviews_user ON reviews (user_id, id DESC);

-- The rollup of each product's APPROVED reviews, changed in the transaction
-- of every approval, rejection, edit or deletion that touches the approved set.
CREATE TABLE product_ratings (
    product_id uuid        PRIMARY KEY,
    stars1     integer     NOT NULL DEFAULT 0 CHECK (stars1 >= 0),
    stars2     integer     NOT NULL DEFAULT 0 CHECK (stars2 >= 0),
    stars3     integer     NOT NULL DEFAULT 0 CHECK (stars3 >= 0),
    stars4     integer     NOT NULL DEFAULT 0 CHECK (stars4 >= 0),
    stars5     integer     NOT NULL DEFAULT 0 CHECK (stars5 >= 0),
    updated_at timestamptz NOT NULL
);

-- +goose Down
DROP TABLE product_ratings;
DROP TABLE reviews;
DROP TABLE purchases;
