-- +goose Up
-- The built-in sandbox provider's own books, kept in this database so that
-- a restart of payments loses nothing the "provider" did: the orders it
-- created (and how their buyer pays), and the signed callbacks still to be
-- delivered to /webhooks/sandbox. Only the sandbox reads and writes them,
-- as Razorpay keeps its own.
CREATE TABLE sandbox_orders (
    id                  text PRIMARY KEY,          -- order_sbx_…
    payment_id          uuid        NOT NULL UNIQUE, -- ours (the receipt of the request)
    provider_payment_id text        NOT NULL,      -- pay_sbx_…
    amount_paise        bigint      NOT NULL CHECK (amount_paise > 0),
    -- What the buyer does: captured, failed, or nothing (never@sandbox).
    outcome             text        NOT NULL CHECK (outcome IN ('captured', 'failed', 'none')),
    -- When the buyer's payment happens at the sandbox (the outcome holds from then).
    settles_at          timestamptz NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sandbox_callbacks (
    event_id     text PRIMARY KEY,
    body         bytea       NOT NULL,
    due_at       timestamptz NOT NULL,
    attempts     int         NOT NULL DEFAULT 0,
    last_error   text,
    delivered_at timestamptz,
    gave_up_at   timestamptz
);
CREATE INDEX sandbox_callbacks_due ON sandbox_callbacks (due_at) WHERE delivered_at IS NULL AND gave_up_at IS NULL;

-- Reconciliation: when payments last compared a payment with its provider.
ALTER TABLE payments ADD COLUMN reconciled_at timestamptz;

-- Every repair the reconciliation made (and every capture nobody claimed),
-- for the finance team: what, to which payment, how much, why.
CREATE TABLE reconciliation_log (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    action        text        NOT NULL,
    provider      text        NOT NULL,
    payment_id    uuid,
    provider_ref  text        NOT NULL DEFAULT '',
    amount_paise  bigint      NOT NULL DEFAULT 0,
    detail        text        NOT NULL DEFAULT ''
);
CREATE INDEX reconciliation_log_payment ON reconciliation_log (payment_id);

-- Captures reported by a provider's webhook for no payment of ours (yet):
-- matched later by the reconciliation, or refunded when they stay orphans.
CREATE TABLE unmatched_captures (
    provider            text        NOT NULL,
    provider_payment_id text        NOT NULL,
    provider_order_id   text        NOT NULL DEFAULT '',
    amount_paise        bigint      NOT NULL,
    seen_at             timestamptz NOT NULL DEFAULT now(),
    resolved_at         timestamptz,
    resolution          text,
    PRIMARY KEY (provider, provider_payment_id)
);

-- +goose Down
DROP TABLE unmatched_captures;
DROP TABLE reconciliation_log;
ALTER TABLE payments DROP COLUMN reconciled_at;
DROP TABLE sandbox_callbacks;
DROP TABLE sandbox_orders;
