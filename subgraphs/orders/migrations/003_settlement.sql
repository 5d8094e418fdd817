-- +goose Up
-- Orders' own clock (docs/commerce.md, "Paid in time"): when it next has to
-- settle the order. A PAID order is settled at once (commit its stock, then
-- CONFIRMED, or CANCELLED and refunded); one PENDING_PAYMENT at its payment
-- deadline plus a margin, or as soon as inventory reports the reservation
-- expired (orders then asks payments whether the money came). NULL for
-- orders with nothing left to settle.
ALTER TABLE orders ADD COLUMN settle_at timestamptz;
UPDATE orders SET settle_at = CASE status
    WHEN 'PAID' THEN now()
    WHEN 'PENDING_PAYMENT' THEN coalesce(payment_due_by, now()) + interval '30 seconds' END
WHERE status IN ('PAID', 'PENDING_PAYMENT');
CREATE INDEX orders_settle_at ON orders (settle_at) WHERE settle_at IS NOT NULL;

-- A live checkout refreshes claimed_at every few seconds (its heartbeat), so
-- a claim whose heartbeat stopped is known dead within seconds, not minutes.
CREATE INDEX checkout_claims_claimed_at ON checkout_claims (claimed_at);

-- +goose Down
DROP INDEX checkout_claims_claimed_at;
DROP INDEX orders_settle_at;
ALTER TABLE orders DROP COLUMN settle_at;
