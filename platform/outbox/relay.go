package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/kafka"
)

// Publisher is the Kafka side of the relay.
type Publisher interface {
	Publish(ctx context.Context, msgs ...kafka.Message) error
}

// Relay publishes committed outbox rows in commit order and marks them sent.
// Only one relay per database publishes at a time (an advisory lock), which
// keeps per-aggregate order when a subgraph runs several instances.
type Relay struct {
	DB        *pgxpool.Pool
	Publisher Publisher
	Log       *slog.Logger
	// PollInterval is the fallback when a notification is missed.
	PollInterval time.Duration
	BatchSize    int
	// Retention is how long published rows are kept for inspection.
	Retention time.Duration
}

const relayLockKey = 7_421_001 // pg advisory lock id for "outbox relay"

// Run publishes until ctx is cancelled, then makes a last pass so that
// events committed before shutdown are not left behind.
func (r *Relay) Run(ctx context.Context) error {
	if r.PollInterval == 0 {
		r.PollInterval = time.Second
	}
	if r.BatchSize == 0 {
		r.BatchSize = 200
	}
	if r.Retention == 0 {
		r.Retention = 24 * time.Hour
	}
	wake := make(chan struct{}, 1)
	go r.listen(ctx, wake)
	ticker := time.NewTicker(r.PollInterval)
	defer ticker.Stop()
	cleanup := time.NewTicker(10 * time.Minute)
	defer cleanup.Stop()
	for {
		if err := r.drain(ctx); err != nil && ctx.Err() == nil {
			r.Log.ErrorContext(ctx, "outbox relay", "err", err)
		}
		select {
		case <-ctx.Done():
			flushCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			return r.drain(flushCtx)
		case <-wake:
		case <-ticker.C:
		case <-cleanup.C:
			if _, err := r.DB.Exec(ctx, `DELETE FROM outbox WHERE published_at < now() - $1::interval`, r.Retention.String()); err != nil {
				r.Log.WarnContext(ctx, "outbox cleanup", "err", err)
			}
		}
	}
}

// drain publishes batches until nothing is pending.
func (r *Relay) drain(ctx context.Context) error {
	for {
		n, err := r.publishBatch(ctx)
		if err != nil || n < r.BatchSize {
			return err
		}
	}
}

// PublishPending publishes one batch and reports how many rows it sent; the
// outbox tests drive the relay step by step with it.
func (r *Relay) PublishPending(ctx context.Context) (int, error) { return r.publishBatch(ctx) }

func (r *Relay) publishBatch(ctx context.Context) (int, error) {
	sent := 0
	err := pgx.BeginFunc(ctx, r.DB, func(tx pgx.Tx) error {
		var locked bool
		if err := tx.QueryRow(ctx, `SELECT pg_try_advisory_xact_lock($1)`, relayLockKey).Scan(&locked); err != nil {
			return fmt.Errorf("relay lock: %w", err)
		}
		if !locked {
			return nil // another instance is publishing
		}
		rows, err := tx.Query(ctx, `SELECT seq, topic, envelope, coalesce(traceparent, '') FROM outbox
			WHERE published_at IS NULL ORDER BY seq LIMIT $1`, r.BatchSize)
		if err != nil {
			return fmt.Errorf("read outbox: %w", err)
		}
		var seqs []int64
		var msgs []kafka.Message
		var spans publishSpans
		defer spans.end()
		for rows.Next() {
			var seq int64
			var m kafka.Message
			var raw []byte
			var traceparent string
			if err := rows.Scan(&seq, &m.Topic, &raw, &traceparent); err != nil {
				return fmt.Errorf("scan outbox: %w", err)
			}
			m.Trace = spans.start(ctx, m.Topic, traceparent)
			if err := json.Unmarshal(raw, &m.Envelope); err != nil {
				return fmt.Errorf("decode outbox row %d: %w", seq, err)
			}
			seqs = append(seqs, seq)
			msgs = append(msgs, m)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read outbox: %w", err)
		}
		if len(msgs) == 0 {
			return nil
		}
		// Publishing inside the transaction holds the rows; if Kafka fails the
		// rows stay pending and are retried. A crash after the ack but before
		// the commit publishes them again, which idempotent consumers absorb.
		if err := r.Publisher.Publish(ctx, msgs...); err != nil {
			spans.fail(err)
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE outbox SET published_at = now() WHERE seq = ANY($1)`, seqs); err != nil {
			return fmt.Errorf("mark published: %w", err)
		}
		sent = len(msgs)
		return nil
	})
	return sent, err
}

// listen turns NOTIFY outbox_pending into wake-ups; on connection loss it
// reconnects, and the poll ticker covers the gap.
func (r *Relay) listen(ctx context.Context, wake chan<- struct{}) {
	for ctx.Err() == nil {
		err := r.listenOnce(ctx, wake)
		if ctx.Err() != nil {
			return
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			r.Log.WarnContext(ctx, "outbox listen", "err", err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func (r *Relay) listenOnce(ctx context.Context, wake chan<- struct{}) error {
	conn, err := r.DB.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN "+notifyChannel); err != nil {
		return err
	}
	defer conn.Exec(context.Background(), "UNLISTEN "+notifyChannel) //nolint:errcheck // best effort before release
	for {
		if _, err := conn.Conn().WaitForNotification(ctx); err != nil {
			return err
		}
		select {
		case wake <- struct{}{}:
		default:
		}
	}
}
