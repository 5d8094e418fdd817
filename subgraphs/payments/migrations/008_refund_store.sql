-- +goose Up
-- The store whose lines a refund pays back (an owner's refund, a cancelled
-- fulfilment, a return); NULL for a refund of the whole order (an admin's,
-- or money captured after the order was cancelled). The owner's ceiling and
-- the settlement ledger's negative entries are per store (docs/marketplace.md).
ALTER TABLE refunds ADD COLUMN store_id uuid;
CREATE INDEX refunds_store ON refunds (store_id, created_at) WHERE store_id IS NOT NULL;

-- +goose Down
DROP INDEX refunds_store;
ALTER TABLE refunds DROP COLUMN store_id;
