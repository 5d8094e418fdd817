-- +goose Up
-- Calls to the payment provider, recorded in the transaction that decided
-- them and made afterwards by the call worker (never inside a transaction):
-- the provider hears about every committed decision, retried with backoff.
CREATE TABLE provider_calls (
    id           bigserial PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('CREATE_ORDER', 'CAPTURE', 'REFUND')),
    payment_id   uuid        NOT NULL REFERENCES payments (id),
    refund_id    uuid        REFERENCES refunds (id),
    attempts     int         NOT NULL DEFAULT 0,
    run_after    timestamptz NOT NULL DEFAULT now(),
    -- A worker (or the refundPayment request) holding the call until then.
    locked_until timestamptz,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    done_at      timestamptz,
    CHECK ((kind = 'REFUND') = (refund_id IS NOT NULL))
);
-- One call of each kind per payment (per refund for refunds).
CREATE UNIQUE INDEX provider_calls_once ON provider_calls (kind, payment_id, coalesce(refund_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX provider_calls_due ON provider_calls (run_after) WHERE done_at IS NULL;

-- +goose Down
DROP TABLE provider_calls;
