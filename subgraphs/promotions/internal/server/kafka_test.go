package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
)

// The consumer is wired to orders.events: an order.status_changed published
// to Kafka (the embedded broker speaks the real protocol) redeems the hold.
func TestOrderEventsArriveThroughKafka(t *testing.T) {
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
	order := newOrderID()
	e.mustHold(rahul, order, "WELCOME10", 200000)
	producer := kafka.NewProducer(broker.Addrs())
	t.Cleanup(func() { _ = producer.Close() })
	ev := statusChanged(t, order, rahul.id, "PAID", "CONFIRMED", "WELCOME10")
	// Delivered twice (at-least-once): one redemption.
	if err := producer.Publish(ctx, kafka.Message{Topic: "orders.events", Envelope: ev}, kafka.Message{Topic: "orders.events", Envelope: ev}); err != nil {
		t.Fatal(err)
	}
	for e.holdStatus(order) != "REDEEMED" {
		select {
		case <-ctx.Done():
			t.Fatal("order.status_changed not consumed")
		case <-stopped:
			t.Fatalf("consumer stopped: %v", runErr)
		case <-time.After(100 * time.Millisecond):
		}
	}
	for e.count(`SELECT count(*) FROM processed_events`) < 1 {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // let the duplicate arrive
	if e.count(`SELECT count(*) FROM coupon_redemptions`) != 1 || e.events("coupon.redeemed") != 1 {
		t.Fatal("redeemed more than once")
	}
}
