package kafka

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	kafkago "github.com/segmentio/kafka-go"

	"github.com/purra/supergraph/platform/metrics"
)

// Handler applies one event inside tx, the transaction that also records the
// event as processed: the effect and the dedupe mark commit together.
type Handler func(ctx context.Context, tx pgx.Tx, env Envelope) error

// Consumer reads topics in its consumer group (one group per subgraph) and
// applies each event exactly once in effect, though Kafka may deliver it
// more than once.
type Consumer struct {
	Group   string
	Brokers []string
	// Security reaches a managed Kafka (TLS, SASL); zero: plaintext.
	Security Security
	DB       *pgxpool.Pool
	Log      *slog.Logger
	// MaxAttempts before an event is parked in failed_events.
	MaxAttempts int

	handlers   map[string]Handler
	topics     map[string]bool
	registered map[string]bool // "topic type" pairs
}

// Reset forgets the registered handlers: a copy of a configured consumer
// for a fresh Build (a restarted instance in tests).
func (c *Consumer) Reset() { c.handlers, c.topics, c.registered = nil, nil, nil }

// On registers h for events of eventType arriving on topic. One handler per
// event type and topic: a second registration is a wiring mistake (one of
// them would silently never run), so it panics at start-up. (One event type
// on several topics shares its handler: admin's admin.action.)
func (c *Consumer) On(topic, eventType string, h Handler) {
	if c.handlers == nil {
		c.handlers, c.topics, c.registered = map[string]Handler{}, map[string]bool{}, map[string]bool{}
	}
	if c.registered[topic+" "+eventType] {
		panic(fmt.Sprintf("kafka: a second handler for %s on %s in consumer group %s", eventType, topic, c.Group))
	}
	c.registered[topic+" "+eventType] = true
	c.handlers[eventType] = h
	c.topics[topic] = true
}

// Handle registers a typed handler: the payload is decoded into T, which
// declares only the fields this consumer reads.
func Handle[T any](c *Consumer, topic, eventType string, fn func(ctx context.Context, tx pgx.Tx, env Envelope, payload T) error) {
	c.On(topic, eventType, func(ctx context.Context, tx pgx.Tx, env Envelope) error {
		var p T
		if err := json.Unmarshal(env.Payload, &p); err != nil {
			return fmt.Errorf("decode %s payload: %w", env.Type, errPermanent)
		}
		return fn(ctx, tx, env, p)
	})
}

var errPermanent = errors.New("permanent")

// Topics lists the topics the consumer subscribes to.
func (c *Consumer) Topics() []string {
	out := make([]string, 0, len(c.topics))
	for t := range c.topics {
		out = append(out, t)
	}
	return out
}

// Run consumes until ctx is cancelled. Offsets are committed only after the
// event's transaction committed.
func (c *Consumer) Run(ctx context.Context) error {
	if len(c.handlers) == 0 {
		<-ctx.Done()
		return nil
	}
	if c.MaxAttempts == 0 {
		c.MaxAttempts = 8
	}
	r := kafkago.NewReader(kafkago.ReaderConfig{
		Brokers:     c.Brokers,
		Dialer:      c.Security.Dialer(),
		GroupID:     c.Group,
		GroupTopics: c.Topics(),
		MinBytes:    1,
		MaxBytes:    10 << 20,
		MaxWait:     250 * time.Millisecond,
		// Short group timings: a restarted consumer resumes in seconds, not ~30 s.
		HeartbeatInterval: 500 * time.Millisecond,
		SessionTimeout:    6 * time.Second,
		RebalanceTimeout:  5 * time.Second,
		StartOffset:       kafkago.FirstOffset,
		ReadBackoffMin:    10 * time.Millisecond,
		ReadBackoffMax:    200 * time.Millisecond,
	})
	defer r.Close()
	unavailable := 0 // fetch errors in a row
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if errors.Is(err, io.EOF) {
				return fmt.Errorf("consumer %s fetch: %w", c.Group, err)
			}
			// The broker is unreachable (restarting, paused): the reader
			// keeps trying to rejoin the group and reports each failed
			// round. Waiting beats exiting, which would only restart the
			// whole subgraph into the same wait.
			unavailable++
			c.Log.WarnContext(ctx, "kafka unavailable; the consumer waits", "group", c.Group, "failures", unavailable, "err", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(min(time.Duration(unavailable)*250*time.Millisecond, 2*time.Second)):
			}
			continue
		}
		unavailable = 0
		if err := c.process(ctx, m); err != nil {
			if ctx.Err() != nil {
				return nil // not committed: redelivered after restart
			}
			return err
		}
		if err := r.CommitMessages(ctx, m); err != nil && ctx.Err() == nil {
			// The event is applied; a lost commit only means it may be
			// delivered again (and skipped as processed). Commits are
			// cumulative, so the next one covers this one: no reason to
			// stop the subgraph while the broker restarts.
			c.Log.WarnContext(ctx, "offset commit failed; the next commit covers it", "topic", m.Topic, "partition", m.Partition, "offset", m.Offset, "err", err)
		}
	}
}

// process applies m with retries; an event that keeps failing is parked in
// failed_events so one poison message cannot stop the partition.
func (c *Consumer) process(ctx context.Context, m kafkago.Message) error {
	var env Envelope
	if err := json.Unmarshal(m.Value, &env); err != nil || env.ID == "" {
		c.Log.ErrorContext(ctx, "undecodable message skipped", "topic", m.Topic, "offset", m.Offset, "err", err)
		return nil
	}
	h, ok := c.handlers[env.Type]
	if !ok {
		return nil // another consumer's event on a shared topic
	}
	ctx, span := consumeContext(ctx, c.Group, m, env)
	defer span.End()
	backoff := 50 * time.Millisecond
	var err error
	for attempt := 1; attempt <= c.MaxAttempts; attempt++ {
		if err = c.Apply(ctx, env, h); err == nil || errors.Is(err, errPermanent) {
			break
		}
		c.Log.WarnContext(ctx, "event handler failed", "event_type", env.Type, "event_id", env.ID, "attempt", attempt, "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 5*time.Second)
	}
	metrics.ConsumerLag.WithLabelValues(m.Topic, strconv.Itoa(m.Partition)).Set(float64(max(m.HighWaterMark-m.Offset-1, 0)))
	if err == nil {
		metrics.ConsumerEvents.WithLabelValues(m.Topic, "applied").Inc()
		c.Log.InfoContext(ctx, "event applied", "topic", m.Topic, "event_type", env.Type, "event_id", env.ID)
		return nil
	}
	metrics.ConsumerEvents.WithLabelValues(m.Topic, "parked").Inc()
	span.RecordError(err)
	c.Log.ErrorContext(ctx, "event parked", "event_type", env.Type, "event_id", env.ID, "err", err)
	_, perr := c.DB.Exec(ctx, `INSERT INTO failed_events (consumer, event_id, envelope, error)
		VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, c.Group, env.ID, m.Value, err.Error())
	return perr
}

// Apply runs h for env once: a second call with the same event id is a no-op.
// Exported so tests can deliver an event twice without Kafka in between.
func (c *Consumer) Apply(ctx context.Context, env Envelope, h Handler) error {
	return pgx.BeginFunc(ctx, c.DB, func(tx pgx.Tx) error { return c.applyIn(ctx, tx, env, h) })
}

// applyIn marks env processed and runs h in tx, unless env was processed.
func (c *Consumer) applyIn(ctx context.Context, tx pgx.Tx, env Envelope, h Handler) error {
	tag, err := tx.Exec(ctx, `INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2)
		ON CONFLICT DO NOTHING`, c.Group, env.ID)
	if err != nil {
		return fmt.Errorf("mark processed: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return nil // already applied
	}
	return h(ctx, tx, env)
}

// Handler returns the handler registered for eventType, for tests.
func (c *Consumer) Handler(eventType string) (Handler, bool) {
	h, ok := c.handlers[eventType]
	return h, ok
}
