-- +goose Up
-- The sandbox's callback continues the checkout's trace and request id, as if
-- the provider echoed them back: one checkout stays one trace up to CONFIRMED
-- (docs/commerce.md). W3C trace headers as JSON; both empty outside a trace.
ALTER TABLE sandbox_callbacks
    ADD COLUMN trace jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN request_id text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE sandbox_callbacks DROP COLUMN trace, DROP COLUMN request_id;
