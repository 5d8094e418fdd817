package kafka_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	kafkago "github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
)

type credited struct {
	Account string `json:"account"`
	Amount  int    `json:"amount"`
}

func (credited) EventType() string { return "account.credited" }
func (credited) EventVersion() int { return 1 }

// TestConsumer_DuplicateDeliveryAppliesOnce sends the same event twice over
// the real Kafka protocol (as an at-least-once producer may) plus a poison
// message, and checks the effect happened once and the consumer kept going.
func TestConsumer_DuplicateDeliveryAppliesOnce(t *testing.T) {
	ctx := context.Background()
	db := servicetest.DB(t, service.Spec{Name: "consumertest"})
	_, err := db.Exec(ctx, `CREATE TABLE balances (account text PRIMARY KEY, amount int NOT NULL)`)
	require.NoError(t, err)

	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	l.Close()
	const topic = "accounts.events"
	broker, err := embedded.Start(embedded.Config{Addr: addr, Partitions: 2, Topics: []string{topic}})
	require.NoError(t, err)
	defer broker.Close()

	c := &kafka.Consumer{Group: "ledger", Brokers: []string{addr}, DB: db, MaxAttempts: 2,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	kafka.Handle(c, topic, "account.credited", func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p credited) error {
		_, err := tx.Exec(ctx, `INSERT INTO balances (account, amount) VALUES ($1, $2)
			ON CONFLICT (account) DO UPDATE SET amount = balances.amount + EXCLUDED.amount`, p.Account, p.Amount)
		return err
	})

	msg, err := kafka.NewMessage(ctx, topic, "acc-1", "", credited{Account: "acc-1", Amount: 500})
	require.NoError(t, err)
	second, err := kafka.NewMessage(ctx, topic, "acc-1", "", credited{Account: "acc-1", Amount: 7})
	require.NoError(t, err)
	p := kafka.NewProducer([]string{addr})
	defer p.Close()
	require.NoError(t, p.Publish(ctx, msg, msg)) // the same event delivered twice
	bad, _ := json.Marshal(map[string]any{"id": "0193a000-0000-7000-8000-00000000dead", "type": "account.credited", "payload": "not an object"})
	w := &kafkago.Writer{Addr: kafkago.TCP(addr), Topic: topic, BatchTimeout: time.Millisecond}
	require.NoError(t, w.WriteMessages(ctx, kafkago.Message{Key: []byte("acc-1"), Value: bad}))
	require.NoError(t, w.Close())
	require.NoError(t, p.Publish(ctx, second, msg))

	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- c.Run(runCtx) }()
	require.Eventually(t, func() bool {
		var amount int
		err := db.QueryRow(ctx, `SELECT amount FROM balances WHERE account = 'acc-1'`).Scan(&amount)
		return err == nil && amount == 507
	}, 20*time.Second, 50*time.Millisecond, "500 once plus 7 once")
	require.Eventually(t, func() bool {
		var n int
		_ = db.QueryRow(ctx, `SELECT count(*) FROM failed_events WHERE consumer = 'ledger'`).Scan(&n)
		return n == 1
	}, 10*time.Second, 50*time.Millisecond, "the poison message is parked, not retried for ever")
	time.Sleep(300 * time.Millisecond) // give a wrongly re-applied duplicate a chance to show
	var amount int
	require.NoError(t, db.QueryRow(ctx, `SELECT amount FROM balances WHERE account = 'acc-1'`).Scan(&amount))
	require.Equal(t, 507, amount)
	stop()
	require.NoError(t, <-done)

	// Applying directly twice is also a no-op the second time.
	h, ok := c.Handler("account.credited")
	require.True(t, ok)
	require.NoError(t, c.Apply(ctx, second.Envelope, h))
	require.NoError(t, db.QueryRow(ctx, `SELECT amount FROM balances WHERE account = 'acc-1'`).Scan(&amount))
	require.Equal(t, 507, amount)
}
