package live_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"

	"github.com/purra/supergraph/subgraphs/orders/internal/live"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// Two instances (two feeds, two hubs, each with its own consumer group)
// both deliver every status change to their own subscribers over a real
// Kafka protocol broker; order.placed on the same topic is skipped.
func TestTwoInstancesBothDeliver(t *testing.T) {
	t.Parallel()
	broker, err := embedded.Start(embedded.Config{Addr: "127.0.0.1:0", Partitions: 3, Topics: []string{"orders.events"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(broker.Close)
	ctx, cancel := context.WithCancel(context.Background())
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	orderID := uuid.NewString()

	var wg sync.WaitGroup
	subs := make([]<-chan live.Update, 2)
	for i := range subs {
		hub := live.NewHub()
		subs[i], _ = hub.Subscribe(orderID)
		feed := &live.Feed{Brokers: broker.Addrs(), Topic: "orders.events", Group: "orders-subscriptions-" + uuid.NewString(), Hub: hub, Log: log}
		wg.Add(1)
		go func() { defer wg.Done(); _ = feed.Run(ctx) }()
	}
	t.Cleanup(func() { cancel(); wg.Wait() })

	producer := kafka.NewProducer(broker.Addrs())
	t.Cleanup(func() { _ = producer.Close() })
	publish := func(e kafka.Event) {
		m, err := kafka.NewMessage(ctx, "orders.events", orderID, "", e)
		if err != nil {
			t.Fatal(err)
		}
		if err := producer.Publish(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	// The feeds start at the latest offset once their group is joined:
	// publish until both have seen a change, then check what they got.
	got := [2]bool{}
	deadline := time.After(30 * time.Second)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for !got[0] || !got[1] {
		publish(order.Placed{OrderID: orderID})
		publish(order.StatusChanged{OrderID: orderID, OrderNumber: "PUR-2025-000001", From: order.Confirmed, To: order.Packed, At: time.Now().UTC()})
		select {
		case <-deadline:
			t.Fatalf("delivered: %v", got)
		case <-tick.C:
		}
		for i, ch := range subs {
		drain:
			for {
				select {
				case e := <-ch:
					if e.OrderID != orderID || e.To != order.Packed || e.OrderNumber != "PUR-2025-000001" {
						t.Fatalf("instance %d got %+v", i, e)
					}
					got[i] = true
				default:
					break drain
				}
			}
		}
	}
}
