package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	kafkago "github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
)

// TestRegistrationPublishesUserRegistered: a registration through the router
// reaches Kafka as user.registered (via the outbox relay), keyed by the user id.
func TestRegistrationPublishesUserRegistered(t *testing.T) {
	_, reg := newShopper(t)
	env := awaitEvent(t, "users.events", "user.registered", reg.User.ID)
	var p struct {
		UserID string `json:"userId"`
		Email  string `json:"email"`
	}
	require.NoError(t, json.Unmarshal(env.Payload, &p))
	require.Equal(t, reg.User.ID, p.UserID)
	require.Equal(t, reg.User.Email, p.Email)
}

type envelope struct {
	ID          string          `json:"id"`
	Type        string          `json:"type"`
	AggregateID string          `json:"aggregateId"`
	Payload     json.RawMessage `json:"payload"`
}

// awaitEvent reads topic from the beginning until an event of eventType for
// aggregateID arrives.
func awaitEvent(t *testing.T, topic, eventType, aggregateID string) envelope {
	t.Helper()
	r := kafkago.NewReader(kafkago.ReaderConfig{
		Brokers: sys.Brokers, GroupID: fmt.Sprintf("e2e-%d", time.Now().UnixNano()), Topic: topic,
		StartOffset: kafkago.FirstOffset, MaxWait: 100 * time.Millisecond,
		HeartbeatInterval: 500 * time.Millisecond, SessionTimeout: 6 * time.Second,
	})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		m, err := r.ReadMessage(ctx)
		require.NoError(t, err, "waiting for %s %s on %s", eventType, aggregateID, topic)
		var env envelope
		if json.Unmarshal(m.Value, &env) == nil && env.Type == eventType && env.AggregateID == aggregateID {
			require.Equal(t, aggregateID, string(m.Key), "keyed by aggregate id")
			return env
		}
	}
}

// redeliver finds the first event on topic keyed by key that match accepts
// and writes the very same message again, as an at-least-once broker may.
func redeliver(t *testing.T, topic, key string, match func(envelope) bool) {
	t.Helper()
	r := kafkago.NewReader(kafkago.ReaderConfig{
		Brokers: sys.Brokers, GroupID: fmt.Sprintf("e2e-redeliver-%d", time.Now().UnixNano()), Topic: topic,
		StartOffset: kafkago.FirstOffset, MaxWait: 100 * time.Millisecond,
		HeartbeatInterval: 500 * time.Millisecond, SessionTimeout: 6 * time.Second,
	})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		m, err := r.ReadMessage(ctx)
		require.NoError(t, err, "looking for the event to redeliver")
		var env envelope
		if string(m.Key) != key || json.Unmarshal(m.Value, &env) != nil || !match(env) {
			continue
		}
		w := &kafkago.Writer{Addr: kafkago.TCP(sys.Brokers...), Balancer: &kafkago.Murmur2Balancer{}, BatchTimeout: time.Millisecond}
		defer w.Close()
		require.NoError(t, w.WriteMessages(ctx, kafkago.Message{Topic: topic, Key: m.Key, Value: m.Value, Headers: m.Headers}))
		return
	}
}
