package kafka

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	kafkago "github.com/segmentio/kafka-go"
)

// Producer writes envelopes to Kafka and waits for every replica's ack.
type Producer struct {
	w *kafkago.Writer
}

// NewProducer returns a producer for brokers. Murmur2 partitioning matches Java
// clients, so other consumers of the topics agree on a key's partition.
func NewProducer(brokers []string) *Producer {
	return &Producer{w: &kafkago.Writer{
		Addr:         kafkago.TCP(brokers...),
		Balancer:     &kafkago.Murmur2Balancer{},
		RequiredAcks: kafkago.RequireAll,
		BatchTimeout: 2 * time.Millisecond, // the 1 s default would delay every relay batch
		BatchSize:    500,
		WriteTimeout: 10 * time.Second,
	}}
}

// Publish writes msgs and returns once Kafka has acknowledged all of them.
func (p *Producer) Publish(ctx context.Context, msgs ...Message) error {
	out := make([]kafkago.Message, 0, len(msgs))
	for _, m := range msgs {
		b, err := json.Marshal(m.Envelope)
		if err != nil {
			return fmt.Errorf("encode envelope %s: %w", m.Envelope.ID, err)
		}
		headers := []kafkago.Header{
			{Key: "event-type", Value: []byte(m.Envelope.Type)},
			{Key: "event-id", Value: []byte(m.Envelope.ID)},
		}
		for k, v := range m.Trace {
			headers = append(headers, kafkago.Header{Key: k, Value: []byte(v)})
		}
		out = append(out, kafkago.Message{
			Topic:   m.Topic,
			Key:     []byte(m.Envelope.AggregateID),
			Value:   b,
			Headers: headers,
		})
	}
	if err := p.w.WriteMessages(ctx, out...); err != nil {
		return fmt.Errorf("publish %d messages: %w", len(out), err)
	}
	return nil
}

// Close flushes and closes the writer.
func (p *Producer) Close() error { return p.w.Close() }
