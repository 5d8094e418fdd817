package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
)

// The consumers are wired to the right topics: events published to Kafka
// (the embedded broker speaks the real protocol) reach the cart.
func TestEventsArriveThroughKafka(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	broker, err := embedded.Start(embedded.Config{Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(broker.Close)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	e.d.Consumer.Brokers = broker.Addrs()
	if err := kafka.EnsureTopics(ctx, broker.Addrs(), e.d.Consumer.Topics()...); err != nil {
		t.Fatal(err)
	}
	stopped := make(chan struct{})
	var runErr error
	go func() { runErr = e.d.Consumer.Run(ctx); close(stopped) }()
	t.Cleanup(func() { cancel(); <-stopped })

	rahul := e.customer()
	e.add(rahul, phoneID, 2)
	e.add(rahul, cableID, 1)
	priya := e.customer()
	producer := kafka.NewProducer(broker.Addrs())
	t.Cleanup(func() { _ = producer.Close() })
	err = producer.Publish(ctx,
		kafka.Message{Topic: "users.events", Envelope: registered(t, priya.id)},
		kafka.Message{Topic: "orders.events", Envelope: statusChanged(t, rahul.id, "CONFIRMED", phoneID, 2)},
	)
	if err != nil {
		t.Fatal(err)
	}
	for {
		carts := e.count(`SELECT count(*) FROM carts WHERE user_id = $1`, priya.id)
		lines := e.count(`SELECT count(*) FROM cart_items`)
		if carts == 1 && lines == 1 {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("events not consumed: priya's carts %d, lines %d", carts, lines)
		case <-stopped:
			t.Fatalf("consumer stopped: %v", runErr)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
