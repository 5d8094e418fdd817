-- +goose Up
-- The transactional outbox: events are written here in the same transaction as
-- the state change they describe, and the relay publishes them to Kafka.
CREATE TABLE outbox (
    seq          bigserial PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    key          text        NOT NULL,
    type         text        NOT NULL,
    envelope     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL;

-- Consumers record each event they applied, in the same transaction as its
-- effect, so a redelivered event is recognised and skipped.
CREATE TABLE processed_events (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Events a consumer could not apply after its retries: kept for inspection
-- and replay rather than blocking the partition for ever.
CREATE TABLE failed_events (
    consumer  text        NOT NULL,
    event_id  uuid        NOT NULL,
    envelope  jsonb       NOT NULL,
    error     text        NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- +goose Down
DROP TABLE failed_events;
DROP TABLE processed_events;
DROP TABLE outbox;
