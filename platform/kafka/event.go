// Package kafka carries domain events between subgraphs: a typed envelope,
// topic creation, the producer the outbox relay uses and idempotent consumers.
package kafka

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/logx"
)

// Event is a domain event payload. Type names are <entity>.<past-tense verb>
// ("user.registered"); a breaking change bumps Version.
type Event interface {
	EventType() string
	EventVersion() int
}

// Envelope is the JSON every message carries.
type Envelope struct {
	ID          string          `json:"id"`
	Type        string          `json:"type"`
	Version     int             `json:"version"`
	OccurredAt  time.Time       `json:"occurredAt"`
	AggregateID string          `json:"aggregateId"`
	Actor       string          `json:"actor,omitempty"`
	RequestID   string          `json:"requestId,omitempty"`
	Payload     json.RawMessage `json:"payload"`
}

// Message is an envelope bound for a topic, keyed by its aggregate id so that
// one aggregate's events keep their order.
type Message struct {
	Topic    string
	Envelope Envelope
	// Trace is the W3C trace context (traceparent, tracestate) sent as Kafka headers.
	Trace map[string]string
}

// Topic returns the topic a subgraph publishes to.
func Topic(service string) string { return service + ".events" }

// NewMessage wraps e for topic. actor is the user or admin who caused it ("" for the system).
func NewMessage(ctx context.Context, topic, aggregateID, actor string, e Event) (Message, error) {
	payload, err := json.Marshal(e)
	if err != nil {
		return Message{}, fmt.Errorf("encode %s: %w", e.EventType(), err)
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Message{}, fmt.Errorf("event id: %w", err)
	}
	return Message{Topic: topic, Envelope: Envelope{
		ID:          id.String(),
		Type:        e.EventType(),
		Version:     e.EventVersion(),
		OccurredAt:  time.Now().UTC(),
		AggregateID: aggregateID,
		Actor:       actor,
		RequestID:   logx.RequestID(ctx),
		Payload:     payload,
	}}, nil
}
