-- +goose Up
-- One row per attempt to pay for an order (attempt 1 comes from order.placed).
CREATE TABLE payments (
    id                  uuid PRIMARY KEY,
    order_id            uuid        NOT NULL,
    attempt             int         NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    order_number        text        NOT NULL CHECK (char_length(order_number) BETWEEN 1 AND 40),
    -- The buyer and the stores of the order, from order.placed: who may see the payment.
    user_id             uuid        NOT NULL,
    store_ids           uuid[]      NOT NULL DEFAULT '{}',
    amount_paise        bigint      NOT NULL CHECK (amount_paise > 0),
    currency            text        NOT NULL DEFAULT 'INR' CHECK (currency = 'INR'),
    method              text        NOT NULL CHECK (method IN ('UPI', 'CARD', 'NETBANKING', 'COD')),
    upi_vpa             text        CHECK (octet_length(upi_vpa) <= 255),
    provider            text        NOT NULL CHECK (provider IN ('SANDBOX', 'RAZORPAY', 'COD')),
    provider_order_id   text,
    provider_payment_id text,
    status              text        NOT NULL CHECK (status IN ('CREATED', 'AUTHORIZED', 'CAPTURED', 'FAILED', 'REFUNDED')),
    failure_reason      text        CHECK (char_length(failure_reason) <= 500),
    captured_paise      bigint      NOT NULL DEFAULT 0 CHECK (captured_paise >= 0),
    -- PROCESSED refunds, and PENDING ones (reserved until the provider confirms).
    refunded_paise      bigint      NOT NULL DEFAULT 0 CHECK (refunded_paise >= 0),
    refunding_paise     bigint      NOT NULL DEFAULT 0 CHECK (refunding_paise >= 0),
    order_cancelled     boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    captured_at         timestamptz,
    -- order.placed is applied once per order even if its event is replayed.
    CONSTRAINT payments_order_attempt_key UNIQUE (order_id, attempt),
    -- The last line of defence against refunding more than was captured.
    CONSTRAINT payments_refunds_within_capture CHECK (refunded_paise + refunding_paise <= captured_paise),
    CONSTRAINT payments_cod_provider CHECK ((method = 'COD') = (provider = 'COD'))
);
CREATE UNIQUE INDEX payments_provider_order_key ON payments (provider, provider_order_id) WHERE provider_order_id IS NOT NULL;
CREATE UNIQUE INDEX payments_provider_payment_key ON payments (provider, provider_payment_id) WHERE provider_payment_id IS NOT NULL;

-- +goose Down
DROP TABLE payments;
