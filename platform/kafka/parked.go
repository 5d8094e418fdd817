package kafka

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Replayed is the outcome of replaying one parked event.
type Replayed struct {
	EventID string
	Type    string
	Err     error // nil: applied (or found already applied) and marked replayed
}

// ReplayParked re-delivers the consumer's parked events (all of them, oldest
// first, or only those of eventIDs) through the handlers registered on it:
// the same idempotent path as a delivery from Kafka, so an event applied
// meanwhile is not applied twice, and a replay may run while the subgraph
// is serving. A replayed event is marked in the same transaction as its
// effect; one that fails again stays parked with its new error.
func (c *Consumer) ReplayParked(ctx context.Context, eventIDs ...string) ([]Replayed, error) {
	rows, err := c.DB.Query(ctx, `SELECT event_id::text, envelope FROM failed_events
		WHERE consumer = $1 AND replayed_at IS NULL AND (coalesce(cardinality($2::uuid[]), 0) = 0 OR event_id = ANY($2::uuid[]))
		ORDER BY failed_at, event_id`, c.Group, eventIDs)
	if err != nil {
		return nil, fmt.Errorf("read parked events: %w", err)
	}
	type parked struct {
		id  string
		raw []byte
	}
	var todo []parked
	var p parked
	if _, err := pgx.ForEachRow(rows, []any{&p.id, &p.raw}, func() error { todo = append(todo, p); return nil }); err != nil {
		return nil, fmt.Errorf("read parked events: %w", err)
	}
	out := make([]Replayed, 0, len(todo))
	for _, p := range todo {
		r := Replayed{EventID: p.id}
		r.Type, r.Err = c.replayOne(ctx, p.id, p.raw)
		if r.Err != nil {
			if _, err := c.DB.Exec(ctx, `UPDATE failed_events SET replays = replays + 1, error = $3
				WHERE consumer = $1 AND event_id = $2`, c.Group, p.id, r.Err.Error()); err != nil {
				return out, fmt.Errorf("record failed replay of %s: %w", p.id, err)
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// replayOne applies one parked envelope and marks it replayed, together.
func (c *Consumer) replayOne(ctx context.Context, id string, raw []byte) (eventType string, err error) {
	var env Envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return "", fmt.Errorf("undecodable envelope: %w", err)
	}
	h, ok := c.handlers[env.Type]
	if !ok {
		return env.Type, errors.New("no handler for " + env.Type + " in this consumer")
	}
	return env.Type, pgx.BeginFunc(ctx, c.DB, func(tx pgx.Tx) error {
		if err := c.applyIn(ctx, tx, env, h); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE failed_events SET replays = replays + 1, replayed_at = now()
			WHERE consumer = $1 AND event_id = $2`, c.Group, id)
		return err
	})
}
