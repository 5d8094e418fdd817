package server_test

import (
	"context"
	"encoding/json"
	"net"
	"testing"
	"time"

	"github.com/google/uuid"
	kafkago "github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
	"github.com/purra/supergraph/platform/outbox"
)

type orderPlaced map[string]any

func (orderPlaced) EventType() string { return "order.placed" }
func (orderPlaced) EventVersion() int { return 1 }

// Over the real Kafka protocol: order.placed on orders.events (published
// twice) becomes one payment, the sandbox captures it, and payment.succeeded
// reaches payments.events through the outbox relay, keyed by the order id.
func TestKafka_orderPlacedToPaymentSucceeded(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	broker, err := embedded.Start(embedded.Config{Addr: addr, Partitions: 1, Topics: []string{"orders.events", "payments.events"}})
	require.NoError(t, err)
	t.Cleanup(broker.Close)

	e := newEnv(t, nil)
	e.runWorkers()
	e.d.Consumer.Brokers = []string{addr}
	ctx, cancel := context.WithCancel(context.Background())
	producer := kafka.NewProducer([]string{addr})
	relay := &outbox.Relay{DB: e.d.DB, Publisher: producer, Log: e.d.Log}
	done := make(chan struct{}, 2)
	go func() { _ = e.d.Consumer.Run(ctx); done <- struct{}{} }()
	go func() { _ = relay.Run(ctx); done <- struct{}{} }()
	t.Cleanup(func() { cancel(); <-done; <-done; _ = producer.Close() })

	o := newOrder("UPI", "rahul@okaxis")
	msg, err := kafka.NewMessage(ctx, "orders.events", o.id, o.buyer, orderPlaced(o.payload()))
	require.NoError(t, err)
	require.NoError(t, producer.Publish(ctx, msg, msg))
	p := e.waitStatus(o.id, "CAPTURED")
	require.Equal(t, 1, e.count(`SELECT count(*) FROM payments`))

	r := kafkago.NewReader(kafkago.ReaderConfig{Brokers: []string{addr}, Topic: "payments.events", MaxWait: 100 * time.Millisecond})
	defer r.Close()
	readCtx, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	m, err := r.ReadMessage(readCtx)
	require.NoError(t, err)
	require.Equal(t, o.id, string(m.Key), "keyed by order")
	var env kafka.Envelope
	require.NoError(t, json.Unmarshal(m.Value, &env))
	require.Equal(t, "payment.succeeded", env.Type)
	require.JSONEq(t, `{"paymentId":"`+p.ID+`","orderId":"`+o.id+`","amountPaise":129900,"provider":"SANDBOX","providerPaymentId":"`+p.ProviderPaymentID+`"}`, string(env.Payload))
}

type fulfilmentChangedEvent map[string]any

func (fulfilmentChangedEvent) EventType() string { return "order.fulfilment_changed" }
func (fulfilmentChangedEvent) EventVersion() int { return 1 }

// Over the real Kafka protocol: order.fulfilment_changed → DELIVERED,
// published twice into orders.events, enters the store's sale once.
func TestKafka_fulfilmentDeliveredEnteredOnce(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	broker, err := embedded.Start(embedded.Config{Addr: addr, Partitions: 1, Topics: []string{"orders.events", "payments.events"}})
	require.NoError(t, err)
	t.Cleanup(broker.Close)

	e := newEnv(t, settleVars)
	e.d.Consumer.Brokers = []string{addr}
	ctx, cancel := context.WithCancel(context.Background())
	producer := kafka.NewProducer([]string{addr})
	done := make(chan struct{})
	go func() { _ = e.d.Consumer.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done; _ = producer.Close() })

	orderID := uuid.Must(uuid.NewV7()).String()
	ends := time.Now().UTC().Add(7 * 24 * time.Hour)
	p := fulfilmentChanged(orderID, techHub, "NETBANKING", "DELIVERED", time.Now().UTC(), &ends, line{total: 20000, gst: 3051})
	msg, err := kafka.NewMessage(ctx, "orders.events", orderID, rahul, fulfilmentChangedEvent(p))
	require.NoError(t, err)
	require.NoError(t, producer.Publish(ctx, msg, msg))
	require.Eventually(t, func() bool {
		return e.count(`SELECT count(*) FROM processed_events`) >= 1 && e.count(`SELECT count(*) FROM ledger_entries`) == 5
	}, 30*time.Second, 10*time.Millisecond)
	time.Sleep(200 * time.Millisecond) // the duplicate has had its chance
	require.Equal(t, map[string]int64{"SALE": 20000, "COMMISSION": -2000, "COMMISSION_GST": -360, "TCS": -85, "GATEWAY_FEE": -400},
		e.entries(orderID, techHub))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM ledger_sales`))
	require.Equal(t, ends.Truncate(time.Microsecond), func() time.Time {
		var at time.Time
		require.NoError(t, e.d.DB.QueryRow(ctx, `SELECT payable_at FROM ledger_sales`).Scan(&at))
		return at.UTC()
	}(), "payable when the return window ends")
}
