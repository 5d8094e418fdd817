-- +goose Up
-- The return (orders' RMA) a refund pays back: payments refunds a return
-- once, when orders reports it received (order.return_changed), and says
-- which return in payment.refunded so orders can mark it REFUNDED. A
-- cash-on-delivery return is paid out by operations to the bank account or
-- UPI VPA the shopper gave (refund_to), recorded PROCESSED at once
-- (docs/marketplace.md, "Returns").
ALTER TABLE refunds ADD COLUMN return_id uuid, ADD COLUMN refund_to jsonb;
-- One live refund per return (a FAILED one may be followed by another).
CREATE UNIQUE INDEX refunds_return ON refunds (return_id) WHERE return_id IS NOT NULL AND status <> 'FAILED';

-- +goose Down
DROP INDEX refunds_return;
ALTER TABLE refunds DROP COLUMN return_id, DROP COLUMN refund_to;
