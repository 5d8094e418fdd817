-- +goose Up
-- (The buyer's GSTIN at checkout, for B2B invoices to RETAILER buyers,
-- travels in the order's address snapshot: orders.shipping_address.buyerGstin.)

-- Each store numbers its tax invoices, and separately its credit notes, in a
-- series per financial year without gaps (rule 46 of the CGST Rules): the
-- next number is taken by an UPDATE of this row in the transaction that
-- writes the document, so concurrent shipments queue on the row lock and a
-- rolled-back transaction gives its number back.
CREATE TABLE invoice_series (
    store_id       uuid    NOT NULL,
    kind           text    NOT NULL CHECK (kind IN ('TAX_INVOICE', 'CREDIT_NOTE')),
    financial_year text    NOT NULL CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
    -- Fixed at the series' first document, so a renamed store keeps its series.
    prefix         text    NOT NULL CHECK (prefix ~ '^[A-Z0-9]{2,3}$'),
    last_number    integer NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (store_id, kind, financial_year)
);

-- Tax invoices and credit notes. Immutable: no UPDATE or DELETE reaches them
-- (the trigger below), and the PDF is drawn from the row alone.
CREATE TABLE invoices (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('TAX_INVOICE', 'CREDIT_NOTE')),
    number          text        NOT NULL CHECK (char_length(number) <= 16),
    store_id        uuid        NOT NULL,
    financial_year  text        NOT NULL,
    sequence        integer     NOT NULL CHECK (sequence > 0),
    order_id        uuid        NOT NULL REFERENCES orders (id),
    seller          jsonb       NOT NULL,
    buyer           jsonb       NOT NULL,
    place_of_supply text        NOT NULL,
    interstate      boolean     NOT NULL,
    taxable_paise   bigint      NOT NULL CHECK (taxable_paise >= 0),
    cgst_paise      bigint      NOT NULL CHECK (cgst_paise >= 0),
    sgst_paise      bigint      NOT NULL CHECK (sgst_paise >= 0),
    igst_paise      bigint      NOT NULL CHECK (igst_paise >= 0),
    total_paise     bigint      NOT NULL CHECK (total_paise > 0),
    -- Credit notes: the invoice credited and the refund that caused it.
    original_id     uuid        REFERENCES invoices (id),
    refund_id       text,
    issued_at       timestamptz NOT NULL,
    CHECK (total_paise = taxable_paise + cgst_paise + sgst_paise + igst_paise),
    CHECK ((kind = 'CREDIT_NOTE') = (original_id IS NOT NULL AND refund_id IS NOT NULL)),
    UNIQUE (store_id, number),
    UNIQUE (store_id, kind, financial_year, sequence)
);
-- One tax invoice per store and order (per fulfilment), one credit note per refund and store.
CREATE UNIQUE INDEX invoices_one_per_fulfilment ON invoices (order_id, store_id) WHERE kind = 'TAX_INVOICE';
CREATE UNIQUE INDEX invoices_one_per_refund ON invoices (refund_id, store_id) WHERE refund_id IS NOT NULL;
CREATE INDEX invoices_store ON invoices (store_id, issued_at DESC, id DESC);
CREATE INDEX invoices_order ON invoices (order_id);

CREATE TABLE invoice_lines (
    invoice_id        uuid         NOT NULL REFERENCES invoices (id),
    position          integer      NOT NULL,
    order_item_id     uuid         NOT NULL REFERENCES order_items (id),
    description       text         NOT NULL,
    hsn_code          text         NOT NULL,
    quantity          integer      NOT NULL CHECK (quantity > 0),
    gst_rate_percent  numeric(5,2) NOT NULL,
    taxable_paise     bigint       NOT NULL CHECK (taxable_paise >= 0),
    cgst_paise        bigint       NOT NULL CHECK (cgst_paise >= 0),
    sgst_paise        bigint       NOT NULL CHECK (sgst_paise >= 0),
    igst_paise        bigint       NOT NULL CHECK (igst_paise >= 0),
    total_paise       bigint       NOT NULL CHECK (total_paise > 0),
    CHECK (total_paise = taxable_paise + cgst_paise + sgst_paise + igst_paise),
    PRIMARY KEY (invoice_id, position)
);

-- +goose StatementBegin
CREATE FUNCTION invoices_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'invoices are immutable: issue a credit note instead' USING ERRCODE = 'restrict_violation';
END $$;
-- +goose StatementEnd
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_are_immutable();
CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION invoices_are_immutable();

-- +goose Down
DROP TABLE invoice_lines;
DROP TABLE invoices;
DROP FUNCTION invoices_are_immutable;
DROP TABLE invoice_series;
