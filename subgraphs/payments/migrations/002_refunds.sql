-- +goose Up
CREATE TABLE refunds (
    id                 uuid PRIMARY KEY,
    payment_id         uuid        NOT NULL REFERENCES payments (id),
    amount_paise       bigint      NOT NULL CHECK (amount_paise > 0),
    reason             text        NOT NULL CHECK (char_length(reason) BETWEEN 3 AND 500),
    status             text        NOT NULL CHECK (status IN ('PENDING', 'PROCESSED', 'FAILED')),
    provider_refund_id text,
    failure_reason     text        CHECK (char_length(failure_reason) <= 500),
    -- NULL: the system (the automatic refund of money captured after cancellation).
    requested_by       uuid,
    created_at         timestamptz NOT NULL DEFAULT now(),
    processed_at       timestamptz
);
CREATE INDEX refunds_payment ON refunds (payment_id, created_at);
CREATE UNIQUE INDEX refunds_provider_refund_key ON refunds (provider_refund_id) WHERE provider_refund_id IS NOT NULL;

-- +goose Down
DROP TABLE refunds;
