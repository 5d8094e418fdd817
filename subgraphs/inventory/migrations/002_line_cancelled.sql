-- +goose Up
-- A line whose store's fulfilment was cancelled (orders' order.fulfilment_changed
-- to CANCELLED): its units were given back on their own, and the order's later
-- moves (commit, cancellation, expiry) leave them alone (docs/marketplace.md).
ALTER TABLE stock_reservation_lines ADD COLUMN cancelled boolean NOT NULL DEFAULT false;

-- +goose Down
ALTER TABLE stock_reservation_lines DROP COLUMN cancelled;
