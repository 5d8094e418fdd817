-- +goose Up
-- Every provider callback applied, by the provider's event id: a replayed or
-- duplicate webhook finds its row and changes nothing. Written in the same
-- transaction as the callback's effect.
CREATE TABLE webhook_events (
    provider    text        NOT NULL,
    event_id    text        NOT NULL CHECK (octet_length(event_id) <= 200),
    type        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);

-- +goose Down
DROP TABLE webhook_events;
