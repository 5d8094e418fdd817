package service_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
)

const ledgerTopic = "ledger.events"

type credited struct {
	Account string `json:"account"`
	Amount  int    `json:"amount"`
}

func (credited) EventType() string { return "account.credited" }
func (credited) EventVersion() int { return 1 }

// ledgerSpec is a subgraph whose only handler credits balances; its Build is
// what `replay-parked` uses to find the handler again.
var ledgerSpec = service.Spec{Name: "replaytest", Build: func(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	kafka.Handle(d.Consumer, ledgerTopic, "account.credited", func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p credited) error {
		_, err := tx.Exec(ctx, `INSERT INTO balances (account, amount) VALUES ($1, $2)
			ON CONFLICT (account) DO UPDATE SET amount = balances.amount + EXCLUDED.amount`, p.Account, p.Amount)
		return err
	})
	return &service.Subgraph{}, nil
}}

// TestReplayParked: events a consumer parked after its retries (here a
// balance over a limit the table enforces) are replayed by the
// `replay-parked` command once the cause is fixed: applied once through the
// same idempotent handler, marked replayed, never applied twice even if
// Kafka delivers them again; an event that still fails stays parked.
func TestReplayParked(t *testing.T) {
	ctx := context.Background()
	db := servicetest.DB(t, ledgerSpec)
	_, err := db.Exec(ctx, `CREATE TABLE balances (account text PRIMARY KEY, amount int NOT NULL,
		CONSTRAINT balance_limit CHECK (amount <= 100))`)
	require.NoError(t, err)
	brokers := startBroker(t)
	p := kafka.NewProducer(brokers)
	defer p.Close()

	big := message(t, "acc-big", 500) // over the limit: parked
	small := message(t, "acc-small", 5)
	require.NoError(t, p.Publish(ctx, big, small))
	consume(t, db, brokers, func() bool {
		return parkedCount(t, db) == 1 && balance(t, db, "acc-small") == 5
	})

	_, err = db.Exec(ctx, `ALTER TABLE balances DROP CONSTRAINT balance_limit`) // the cause is fixed
	require.NoError(t, err)
	out, err := replay(t, db)
	require.NoError(t, err, out)
	require.Contains(t, out, "replayed "+big.Envelope.ID+" account.credited")
	require.Equal(t, 500, balance(t, db, "acc-big"))
	require.Zero(t, parkedCount(t, db), "marked replayed")
	out, err = replay(t, db)
	require.NoError(t, err)
	require.Contains(t, out, "0 parked events replayed")

	// Kafka delivering the replayed event again changes nothing.
	require.NoError(t, p.Publish(ctx, big))
	sentinel := message(t, "acc-sentinel", 1)
	require.NoError(t, p.Publish(ctx, sentinel))
	consume(t, db, brokers, func() bool { return balance(t, db, "acc-sentinel") == 1 })
	require.Equal(t, 500, balance(t, db, "acc-big"))

	// An event that fails again stays parked, with its new error counted.
	_, err = db.Exec(ctx, `ALTER TABLE balances ADD CONSTRAINT balance_limit CHECK (amount <= 1000)`)
	require.NoError(t, err)
	huge := message(t, "acc-huge", 5000)
	require.NoError(t, p.Publish(ctx, huge))
	consume(t, db, brokers, func() bool { return parkedCount(t, db) == 1 })
	out, err = replay(t, db, huge.Envelope.ID)
	require.ErrorContains(t, err, "1 parked events still failing")
	require.Contains(t, out, "still failing "+huge.Envelope.ID)
	var replays int
	require.NoError(t, db.QueryRow(ctx, `SELECT replays FROM failed_events WHERE event_id = $1 AND replayed_at IS NULL`,
		huge.Envelope.ID).Scan(&replays))
	require.Equal(t, 1, replays)
}

func startBroker(t *testing.T) []string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	l.Close()
	b, err := embedded.Start(embedded.Config{Addr: addr, Partitions: 2, Topics: []string{ledgerTopic}})
	require.NoError(t, err)
	t.Cleanup(b.Close)
	return []string{addr}
}

func message(t *testing.T, account string, amount int) kafka.Message {
	t.Helper()
	m, err := kafka.NewMessage(context.Background(), ledgerTopic, account, "", credited{Account: account, Amount: amount})
	require.NoError(t, err)
	return m
}

// consume runs the ledger's consumer until done holds.
func consume(t *testing.T, db *pgxpool.Pool, brokers []string, done func() bool) {
	t.Helper()
	c := &kafka.Consumer{Group: ledgerSpec.Name, Brokers: brokers, DB: db, MaxAttempts: 2,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	_, err := ledgerSpec.Build(context.Background(), &service.Deps{Consumer: c})
	require.NoError(t, err)
	ctx, stop := context.WithCancel(context.Background())
	finished := make(chan error, 1)
	go func() { finished <- c.Run(ctx) }()
	require.Eventually(t, done, 30*time.Second, 50*time.Millisecond)
	stop()
	require.NoError(t, <-finished)
}

// replay runs the replay-parked command against db.
func replay(t *testing.T, db *pgxpool.Pool, eventIDs ...string) (string, error) {
	t.Helper()
	env := map[string]string{"POSTGRES_URL": servicetest.PostgresURL(), "POSTGRES_DB": db.Config().ConnConfig.Database, "LOG_LEVEL": "error"}
	var out bytes.Buffer
	err := service.ReplayParked(context.Background(), ledgerSpec, func(k string) string { return env[k] }, &out, eventIDs...)
	return out.String(), err
}

func parkedCount(t *testing.T, db *pgxpool.Pool) int {
	t.Helper()
	var n int
	require.NoError(t, db.QueryRow(context.Background(), `SELECT count(*) FROM failed_events WHERE replayed_at IS NULL`).Scan(&n))
	return n
}

func balance(t *testing.T, db *pgxpool.Pool, account string) int {
	t.Helper()
	var n int
	err := db.QueryRow(context.Background(), `SELECT amount FROM balances WHERE account = $1`, account).Scan(&n)
	if err == pgx.ErrNoRows {
		return 0
	}
	require.NoError(t, err)
	return n
}
