package server_test

import (
	"context"
	"encoding/json"
	"net"
	"testing"
	"time"

	kafkago "github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
	"github.com/purra/supergraph/platform/outbox"
)

type variantCreated struct {
	VariantID    string `json:"variantId"`
	ProductID    string `json:"productId"`
	StoreID      string `json:"storeId"`
	SKU          string `json:"sku"`
	InitialStock int    `json:"initialStock"`
}

func (variantCreated) EventType() string { return "variant.created" }
func (variantCreated) EventVersion() int { return 1 }

type orderStatusChanged struct {
	OrderID string `json:"orderId"`
	From    string `json:"from"`
	To      string `json:"to"`
}

func (orderStatusChanged) EventType() string { return "order.status_changed" }
func (orderStatusChanged) EventVersion() int { return 1 }

// Over the real Kafka protocol: catalog's variant.created becomes stock,
// orders' CONFIRMED (delivered twice) commits once, and inventory's own
// events reach inventory.events through the outbox relay.
func TestKafka_eventsInAndOut(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	broker, err := embedded.Start(embedded.Config{Addr: addr, Partitions: 1,
		Topics: []string{"catalog.events", "orders.events", "inventory.events"}})
	require.NoError(t, err)
	t.Cleanup(broker.Close)

	e := newEnv(t)
	e.d.Consumer.Brokers = []string{addr}
	ctx, cancel := context.WithCancel(context.Background())
	producer := kafka.NewProducer([]string{addr})
	relay := &outbox.Relay{DB: e.d.DB, Publisher: producer, Log: e.d.Log}
	done := make(chan struct{}, 2)
	go func() { _ = e.d.Consumer.Run(ctx); done <- struct{}{} }()
	go func() { _ = relay.Run(ctx); done <- struct{}{} }()
	t.Cleanup(func() { cancel(); <-done; <-done; _ = producer.Close() })

	variant, order := newOrderID(), newOrderID()
	created, err := kafka.NewMessage(ctx, "catalog.events", newOrderID(), "",
		variantCreated{VariantID: variant, ProductID: newOrderID(), StoreID: techHub, SKU: "KAFKA-1", InitialStock: 8})
	require.NoError(t, err)
	require.NoError(t, producer.Publish(ctx, created, created))
	require.Eventually(t, func() bool {
		return e.count(`SELECT count(*) FROM stock_levels WHERE variant_id = $1`, variant) == 1
	}, 30*time.Second, 50*time.Millisecond, "stock level created from catalog.events")

	e.reserve(e.customer(), order, map[string]int{variant: 3}, nil)
	confirmed, err := kafka.NewMessage(ctx, "orders.events", order, "", orderStatusChanged{OrderID: order, From: "PAID", To: "CONFIRMED"})
	require.NoError(t, err)
	require.NoError(t, producer.Publish(ctx, confirmed, confirmed))
	require.Eventually(t, func() bool { return e.status(order) == "COMMITTED" }, 30*time.Second, 50*time.Millisecond)
	onHand, reserved := e.level(variant)
	require.Equal(t, []int{5, 0}, []int{onHand, reserved}, "committed once")

	r := kafkago.NewReader(kafkago.ReaderConfig{Brokers: []string{addr}, Topic: "inventory.events", MaxWait: 100 * time.Millisecond})
	defer r.Close()
	readCtx, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	m, err := r.ReadMessage(readCtx)
	require.NoError(t, err)
	require.Equal(t, variant, string(m.Key), "keyed by variant")
	var env kafka.Envelope
	require.NoError(t, json.Unmarshal(m.Value, &env))
	require.Equal(t, "stock.changed", env.Type)
	require.JSONEq(t, `{"variantId":"`+variant+`","available":8,"inStock":true}`, string(env.Payload))
}
