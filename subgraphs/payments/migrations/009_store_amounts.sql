-- +goose Up
-- Per-store amounts of an order (issue 9, docs/marketplace.md): what the buyer
-- paid for each store's lines (the sum of their lineTotal, from order.placed),
-- so that an owner's refund is limited to their own store's part by payments'
-- own figure, never a client's; and the stores whose fulfilment was cancelled
-- (refunded, or no longer collected for cash on delivery).
ALTER TABLE payments
    ADD COLUMN store_amounts       jsonb  NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN cancelled_store_ids uuid[] NOT NULL DEFAULT '{}';

-- +goose Down
ALTER TABLE payments DROP COLUMN store_amounts, DROP COLUMN cancelled_store_ids;
