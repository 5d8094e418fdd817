// Package outbox makes "change state and publish an event" one atomic act:
// Append writes events in the caller's transaction, and the Relay publishes
// committed rows to Kafka afterwards. An event exists if and only if the
// transaction that recorded it committed.
package outbox

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/telemetry"
)

// notifyChannel wakes the relay as soon as a transaction with events commits
// (NOTIFY is delivered at commit), so publishing does not wait for a poll.
const notifyChannel = "outbox_pending"

// Append records msgs in tx. Call it inside the transaction that makes the
// change the events describe.
func Append(ctx context.Context, tx pgx.Tx, msgs ...kafka.Message) error {
	if len(msgs) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	for _, m := range msgs {
		env, err := json.Marshal(m.Envelope)
		if err != nil {
			return fmt.Errorf("encode envelope %s: %w", m.Envelope.Type, err)
		}
		// the trace of the transaction that wrote the event: the relay publishes it
		// under this parent, so the consumers' spans join the request's trace
		batch.Queue(`INSERT INTO outbox (id, topic, key, type, envelope, traceparent) VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''))`,
			m.Envelope.ID, m.Topic, m.Envelope.AggregateID, m.Envelope.Type, env, telemetry.TraceParent(ctx))
	}
	batch.Queue(`SELECT pg_notify($1, '')`, notifyChannel)
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("append to outbox: %w", err)
	}
	return nil
}
