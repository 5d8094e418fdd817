package live

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	kafkago "github.com/segmentio/kafka-go"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// Feed reads order.status_changed from the orders topic into a Hub.
type Feed struct {
	Brokers []string
	// Security reaches a managed Kafka (TLS, SASL); zero: plaintext.
	Security kafka.Security
	Topic    string
	// Group must be unique per instance (orders-subscriptions-<uuid>): every
	// instance needs every change, not a share of them.
	Group string
	Hub   *Hub
	Log   *slog.Logger
}

// Run reads from the latest offset until ctx is cancelled. Offsets are never
// committed: a subscription is live, and a restarted instance has a new
// group. A broken reader is replaced rather than failing the subgraph:
// subscriptions are a convenience, checkout must not stop for them.
func (f *Feed) Run(ctx context.Context) error {
	for {
		err := f.read(ctx)
		if ctx.Err() != nil {
			return nil
		}
		f.Log.ErrorContext(ctx, "order status feed failed; restarting", "group", f.Group, "err", err)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Second):
		}
	}
}

func (f *Feed) read(ctx context.Context) error {
	r := kafkago.NewReader(kafkago.ReaderConfig{
		Brokers:     f.Brokers,
		Dialer:      f.Security.Dialer(),
		GroupID:     f.Group,
		GroupTopics: []string{f.Topic},
		MinBytes:    1,
		MaxBytes:    10 << 20,
		MaxWait:     250 * time.Millisecond,
		// Short group timings (as platform/kafka/consumer.go): joins in seconds.
		HeartbeatInterval: 500 * time.Millisecond,
		SessionTimeout:    6 * time.Second,
		RebalanceTimeout:  5 * time.Second,
		StartOffset:       kafkago.LastOffset,
		ReadBackoffMin:    10 * time.Millisecond,
		ReadBackoffMax:    200 * time.Millisecond,
	})
	defer r.Close()
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return fmt.Errorf("fetch: %w", err)
		}
		f.deliver(ctx, m.Value)
	}
}

// deliver publishes one message's status change.
func (f *Feed) deliver(ctx context.Context, value []byte) {
	e, ok, err := Decode(value)
	if err != nil {
		f.Log.WarnContext(ctx, "undecodable message on the order status feed", "err", err)
		return
	}
	if ok {
		f.Hub.Publish(e)
	}
}

// Update is one change pushed to an order's subscribers: an order-level
// status change, or a store's fulfilment change (FulfilmentID set; From and
// To are then the order's status after it).
type Update struct {
	order.StatusChanged
	FulfilmentID string
}

// Decode reads an order.status_changed or order.fulfilment_changed out of a
// message of the orders topic; ok is false for the topic's other events
// (order.placed).
func Decode(value []byte) (u Update, ok bool, err error) {
	var env kafka.Envelope
	if err := json.Unmarshal(value, &env); err != nil {
		return u, false, fmt.Errorf("decode envelope: %w", err)
	}
	switch env.Type {
	case (order.StatusChanged{}).EventType():
		if err := json.Unmarshal(env.Payload, &u.StatusChanged); err != nil || u.OrderID == "" {
			return u, false, fmt.Errorf("decode order.status_changed %s: %v", env.ID, err)
		}
		return u, true, nil
	case (order.FulfilmentChanged{}).EventType():
		var f order.FulfilmentChanged
		if err := json.Unmarshal(env.Payload, &f); err != nil || f.OrderID == "" || f.FulfilmentID == "" {
			return u, false, fmt.Errorf("decode order.fulfilment_changed %s: %v", env.ID, err)
		}
		u.StatusChanged = order.StatusChanged{OrderID: f.OrderID, OrderNumber: f.OrderNumber, UserID: f.UserID,
			From: f.OrderStatus, To: f.OrderStatus, At: f.At}
		u.FulfilmentID = f.FulfilmentID
		return u, true, nil
	}
	return u, false, nil
}
