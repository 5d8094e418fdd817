-- +goose Up
-- A provider call is made by the call worker, later and elsewhere than the
-- event that queued it: it keeps that event's trace headers (W3C, JSON) and
-- request id, so the provider's callback continues the checkout's trace.
ALTER TABLE provider_calls
    ADD COLUMN trace jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN request_id text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE provider_calls DROP COLUMN trace, DROP COLUMN request_id;
