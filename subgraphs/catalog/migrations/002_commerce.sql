-- +goose Up
-- Commerce core: the store's GST place of supply, the stock projection fed by
-- inventory's stock.changed, and editable GST rates.

-- IndianState enum name (e.g. KARNATAKA) of the store's place of supply;
-- null until the stores subgraph (or the seed) says.
ALTER TABLE stores ADD COLUMN state text CHECK (state ~ '^[A-Z][A-Z_]{1,39}$');

-- Projection of inventory's stock.changed: whether a variant can be bought
-- now. A variant without a row is not in stock. updated_at is the event's
-- occurredAt, so an older event never overwrites a newer one.
CREATE TABLE variant_stock (
    variant_id uuid PRIMARY KEY,
    in_stock   boolean NOT NULL,
    available  int NOT NULL,
    updated_at timestamptz NOT NULL
);
-- The inStock search filter probes in-stock variants only.
CREATE INDEX variant_stock_in_stock_idx ON variant_stock (variant_id) WHERE in_stock;

ALTER TABLE gst_rates ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- India's GST rate change of 22 September 2025 moved televisions and monitors
-- (HSN 8528, formerly 28% for sets above 32 inches) to 18%.
UPDATE gst_rates SET rate_percent = 18, updated_at = now(),
    description = 'Televisions and monitors (18% since the GST rate change of 22 September 2025)'
WHERE hsn_code = '8528' AND rate_percent = 28;

-- +goose Down
UPDATE gst_rates SET rate_percent = 28,
    description = 'Televisions and monitors (28% slab for sets above 32 inches)'
WHERE hsn_code = '8528' AND rate_percent = 18;
ALTER TABLE gst_rates DROP COLUMN updated_at;
DROP TABLE variant_stock;
ALTER TABLE stores DROP COLUMN state;
