-- +goose Up
-- The sellers' settlement ledger (docs/settlements.md). Amounts in paise.

-- Commission per catalogue category, set by admins (settlements:manage);
-- a line whose categories have none pays SETTLEMENT_DEFAULT_COMMISSION.
CREATE TABLE commission_rates (
    category_id uuid PRIMARY KEY,
    -- hundredths of a percent: 1250 = 12.5 %
    rate_bps    int         NOT NULL CHECK (rate_bps BETWEEN 0 AND 10000),
    updated_by  uuid,
    updated_at  timestamptz NOT NULL
);

-- One row per delivered fulfilment (order.fulfilment_changed → DELIVERED):
-- the figures its entries were computed from, kept so that refunds reverse
-- the same commission, GST and TCS in proportion.
CREATE TABLE ledger_sales (
    fulfilment_id        uuid PRIMARY KEY,
    order_id             uuid        NOT NULL,
    store_id             uuid        NOT NULL,
    order_number         text        NOT NULL,
    payment_method       text        NOT NULL CHECK (payment_method IN ('UPI', 'CARD', 'NETBANKING', 'COD')),
    sale_paise           bigint      NOT NULL CHECK (sale_paise >= 0),
    line_gst_paise       bigint      NOT NULL CHECK (line_gst_paise BETWEEN 0 AND sale_paise),
    commission_paise     bigint      NOT NULL CHECK (commission_paise >= 0),
    commission_gst_paise bigint      NOT NULL CHECK (commission_gst_paise >= 0),
    tcs_paise            bigint      NOT NULL CHECK (tcs_paise >= 0),
    fee_paise            bigint      NOT NULL CHECK (fee_paise >= 0),
    delivered_at         timestamptz NOT NULL,
    payable_at           timestamptz NOT NULL,
    created_at           timestamptz NOT NULL,
    CONSTRAINT ledger_sales_order_store_key UNIQUE (order_id, store_id)
);

-- A settlement run: pays every store its payable entries up to cutoff. At
-- most one runs at a time; a run interrupted half-way is resumed (same
-- cutoff) by the next runner.
CREATE TABLE settlement_runs (
    id          uuid PRIMARY KEY,
    cutoff      timestamptz NOT NULL,
    status      text        NOT NULL CHECK (status IN ('RUNNING', 'DONE')),
    started_by  uuid,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz
);
CREATE UNIQUE INDEX settlement_runs_one_running ON settlement_runs ((true)) WHERE status = 'RUNNING';

-- One payout per store per run, written in the transaction that marks its
-- entries settled; its figures are the sums of those entries by kind.
CREATE TABLE settlement_payouts (
    id                   uuid PRIMARY KEY,
    run_id               uuid        NOT NULL REFERENCES settlement_runs (id),
    store_id             uuid        NOT NULL,
    period_start         timestamptz NOT NULL,
    period_end           timestamptz NOT NULL,
    gross_sales_paise    bigint      NOT NULL,
    commission_paise     bigint      NOT NULL,
    commission_gst_paise bigint      NOT NULL,
    tcs_paise            bigint      NOT NULL,
    fee_paise            bigint      NOT NULL,
    refunds_paise        bigint      NOT NULL,
    amount_paise         bigint      NOT NULL CHECK (amount_paise > 0),
    entry_count          int         NOT NULL CHECK (entry_count > 0),
    status               text        NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED')),
    created_at           timestamptz NOT NULL,
    CONSTRAINT settlement_payouts_run_store_key UNIQUE (run_id, store_id),
    CONSTRAINT settlement_payouts_balanced CHECK (amount_paise = gross_sales_paise - commission_paise
        - commission_gst_paise - tcs_paise - fee_paise - refunds_paise)
);
CREATE INDEX settlement_payouts_store ON settlement_payouts (store_id, created_at DESC, id DESC);

-- The ledger: one posting per row between the store's account and the
-- counter-account of its kind; amount signed from the store's side. An
-- entry is settled by exactly one payout (payout_id, set only while NULL).
CREATE TABLE ledger_entries (
    id            uuid PRIMARY KEY,
    store_id      uuid        NOT NULL,
    fulfilment_id uuid        NOT NULL REFERENCES ledger_sales (fulfilment_id),
    refund_id     uuid        REFERENCES refunds (id),
    kind          text        NOT NULL CHECK (kind IN ('SALE', 'COMMISSION', 'COMMISSION_GST', 'TCS', 'GATEWAY_FEE', 'REFUND')),
    amount_paise  bigint      NOT NULL CHECK (amount_paise <> 0),
    payable_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    payout_id     uuid        REFERENCES settlement_payouts (id),
    -- Sales and fees belong to the delivery, refunds to a refund; the
    -- other kinds to either (charged by the sale, reversed by a refund).
    CHECK (kind NOT IN ('SALE', 'GATEWAY_FEE') OR refund_id IS NULL),
    CHECK (kind <> 'REFUND' OR refund_id IS NOT NULL),
    -- Credits and debits have their side.
    CHECK (CASE WHEN kind = 'SALE' THEN amount_paise > 0
                WHEN kind IN ('GATEWAY_FEE', 'REFUND') THEN amount_paise < 0
                WHEN refund_id IS NULL THEN amount_paise < 0
                ELSE amount_paise > 0 END)
);
-- A delivery or a refund is entered once, however often its event arrives.
CREATE UNIQUE INDEX ledger_entries_once ON ledger_entries (fulfilment_id, kind, coalesce(refund_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX ledger_entries_unsettled ON ledger_entries (store_id, payable_at) WHERE payout_id IS NULL;
CREATE INDEX ledger_entries_payout ON ledger_entries (payout_id) WHERE payout_id IS NOT NULL;

-- +goose Down
DROP TABLE ledger_entries;
DROP TABLE settlement_payouts;
DROP TABLE settlement_runs;
DROP TABLE ledger_sales;
DROP TABLE commission_rates;
