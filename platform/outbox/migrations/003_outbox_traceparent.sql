-- +goose Up
-- The W3C traceparent of the request that wrote the event (NULL outside a trace): the
-- relay publishes the event as a child of it and puts the new context in the Kafka
-- headers, so one checkout is one trace from the mutation to the last consumer.
ALTER TABLE outbox ADD COLUMN traceparent text;

-- +goose Down
ALTER TABLE outbox DROP COLUMN traceparent;
