-- +goose Up
-- Projection of users' owner.approved / owner.rejected: who may open a store.
CREATE TABLE store_owners (
    user_id       uuid PRIMARY KEY,
    owner_id      uuid NOT NULL,
    business_name text NOT NULL,
    gstin         text NOT NULL,
    pan           text NOT NULL,
    approved      boolean NOT NULL,
    -- occurredAt of the event that set this row: an older event never overwrites a newer one.
    event_at      timestamptz NOT NULL
);

-- +goose Down
DROP TABLE store_owners;
