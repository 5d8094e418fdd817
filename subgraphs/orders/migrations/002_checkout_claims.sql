-- +goose Up
-- A checkout in progress holds the claim of its (user, idempotency key) while
-- it calls cart, users, promotions and inventory, so that a concurrent call
-- with the same key waits for that order instead of reserving stock and a
-- coupon a second time. The claim goes when the order is written (same
-- transaction) or when the checkout fails; one left by a crashed instance is
-- taken over once stale.
CREATE TABLE checkout_claims (
    user_id         uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    order_id        uuid        NOT NULL,
    claimed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);

-- +goose Down
DROP TABLE checkout_claims;
