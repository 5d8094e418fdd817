package outbox_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	kafkago "github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
	"github.com/purra/supergraph/platform/outbox"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
)

type widgetCreated struct {
	WidgetID string `json:"widgetId"`
}

func (widgetCreated) EventType() string { return "widget.created" }
func (widgetCreated) EventVersion() int { return 1 }

const topic = "widgets.events"

var errAfterAppend = errors.New("fails after the event was appended")

// createWidget inserts a widget and its event in one transaction; fail makes
// the transaction roll back after the event was appended.
func createWidget(ctx context.Context, db *pgxpool.Pool, n int, fail bool) (string, error) {
	var id string
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO widgets (n) VALUES ($1) RETURNING id::text`, n).Scan(&id); err != nil {
			return err
		}
		msg, err := kafka.NewMessage(ctx, topic, id, "", widgetCreated{WidgetID: id})
		if err != nil {
			return err
		}
		if err := outbox.Append(ctx, tx, msg); err != nil {
			return err
		}
		if fail {
			return errAfterAppend
		}
		return nil
	})
	return id, err
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().String()
}

// TestOutbox_EveryCommittedChangeIsPublishedOnce_ThroughBrokerAndRelayRestarts
// proves the outbox guarantee: an event exists iff its change committed, even
// when the broker goes away mid-way and the relay itself is restarted.
func TestOutbox_EveryCommittedChangeIsPublishedOnce_ThroughBrokerAndRelayRestarts(t *testing.T) {
	ctx := context.Background()
	db := servicetest.DB(t, service.Spec{Name: "outboxtest"})
	_, err := db.Exec(ctx, `CREATE TABLE widgets (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n int NOT NULL)`)
	require.NoError(t, err)

	addr, dataDir := freeAddr(t), t.TempDir()
	broker, err := embedded.Start(embedded.Config{Addr: addr, Partitions: 3, DataDir: dataDir, Topics: []string{topic}})
	require.NoError(t, err)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	producer := kafka.NewProducer([]string{addr})
	defer producer.Close()
	relay := func() *outbox.Relay {
		return &outbox.Relay{DB: db, Publisher: producer, Log: log, PollInterval: 50 * time.Millisecond}
	}

	// Phase 1: relay running, some transactions fail after appending their event.
	relayCtx, stopRelay := context.WithCancel(ctx)
	relayDone := make(chan error, 1)
	go func() { relayDone <- relay().Run(relayCtx) }()
	committed := map[string]bool{}
	for i := range 30 {
		id, err := createWidget(ctx, db, i, i%5 == 0)
		if i%5 == 0 {
			require.ErrorIs(t, err, errAfterAppend)
			continue
		}
		require.NoError(t, err)
		committed[id] = true
	}
	require.Eventually(t, func() bool { return pending(t, db) == 0 }, 10*time.Second, 20*time.Millisecond)

	// Phase 2: the broker dies; writes go on and pile up in the outbox.
	broker.Close()
	for i := 30; i < 60; i++ {
		id, err := createWidget(ctx, db, i, false)
		require.NoError(t, err)
		committed[id] = true
	}
	time.Sleep(300 * time.Millisecond) // the relay tries and fails meanwhile
	require.Equal(t, 30, pending(t, db), "nothing is marked published while the broker is down")

	// Phase 3: the relay is stopped too (its last flush fails), then both come back.
	stopRelay()
	require.Error(t, <-relayDone, "the final flush cannot reach the broker")
	broker, err = embedded.Start(embedded.Config{Addr: addr, Partitions: 3, DataDir: dataDir})
	require.NoError(t, err)
	defer broker.Close()
	relayCtx, stopRelay = context.WithCancel(ctx)
	go func() { relayDone <- relay().Run(relayCtx) }()
	require.Eventually(t, func() bool { return pending(t, db) == 0 }, 15*time.Second, 50*time.Millisecond)
	stopRelay()
	require.NoError(t, <-relayDone)

	// Every committed widget has exactly its event; no rolled-back one has any.
	published := readAll(t, addr, len(committed))
	require.Len(t, committed, 54)
	for id := range committed {
		require.Equal(t, 1, published[id], "widget %s has one event", id)
	}
	for id := range published {
		require.True(t, committed[id], "event for a widget that was never committed: %s", id)
	}
	var rows int
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*) FROM widgets`).Scan(&rows))
	require.Equal(t, 54, rows)
}

func pending(t *testing.T, db *pgxpool.Pool) int {
	var n int
	require.NoError(t, db.QueryRow(context.Background(), `SELECT count(*) FROM outbox WHERE published_at IS NULL`).Scan(&n))
	return n
}

// readAll reads the topic from the start until want distinct events arrived
// (or a deadline), counting events per aggregate.
func readAll(t *testing.T, addr string, want int) map[string]int {
	r := kafkago.NewReader(kafkago.ReaderConfig{
		Brokers: []string{addr}, GroupID: fmt.Sprintf("reader-%d", time.Now().UnixNano()), Topic: topic,
		StartOffset: kafkago.FirstOffset, MaxWait: 100 * time.Millisecond,
		HeartbeatInterval: 500 * time.Millisecond, SessionTimeout: 6 * time.Second,
	})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	seenEvents := map[string]bool{}
	perWidget := map[string]int{}
	for len(seenEvents) < want {
		m, err := r.ReadMessage(ctx)
		require.NoError(t, err, "read %d of %d events", len(seenEvents), want)
		id := string(m.Key)
		evID := headerValue(m, "event-id")
		if !seenEvents[evID] { // the relay may publish a row twice; consumers dedupe by event id
			seenEvents[evID] = true
			perWidget[id]++
		}
	}
	return perWidget
}

func headerValue(m kafkago.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}
