-- +goose Up
-- A parked event is kept after a successful replay (replayed_at set) as a
-- record of what went wrong; a replay that fails again counts in replays and
-- overwrites error with the latest failure.
ALTER TABLE failed_events
    ADD COLUMN replays     int NOT NULL DEFAULT 0,
    ADD COLUMN replayed_at timestamptz;
CREATE INDEX failed_events_parked ON failed_events (consumer, failed_at) WHERE replayed_at IS NULL;

-- +goose Down
DROP INDEX failed_events_parked;
ALTER TABLE failed_events DROP COLUMN replayed_at, DROP COLUMN replays;
