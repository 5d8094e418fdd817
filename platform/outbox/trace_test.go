package outbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
	"github.com/purra/supergraph/platform/logx"
	"github.com/purra/supergraph/platform/outbox"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
)

// TestTraceAndRequestIDCrossTheOutboxAndKafka: an event written inside a traced request
// is published by the relay as a child of that request (traceparent kept in the outbox
// row, sent as Kafka headers), its consumer's span continues the same trace and links
// to the publish span, and the consumer's log lines carry the request's id and trace id.
func TestTraceAndRequestIDCrossTheOutboxAndKafka(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	t.Cleanup(func() { otel.SetTracerProvider(trace.NewNoopTracerProvider()) })

	ctx := context.Background()
	db := servicetest.DB(t, service.Spec{Name: "outboxtrace"})
	_, err := db.Exec(ctx, `CREATE TABLE widgets (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n int NOT NULL)`)
	require.NoError(t, err)
	addr := freeAddr(t)
	broker, err := embedded.Start(embedded.Config{Addr: addr, Partitions: 1, DataDir: t.TempDir(), Topics: []string{topic}})
	require.NoError(t, err)
	t.Cleanup(broker.Close)

	// the request: a span and a request id, as the HTTP middleware would set them
	reqCtx, reqSpan := tp.Tracer("test").Start(logx.WithRequestID(ctx, "req-trace-1"), "POST /graphql")
	_, err = createWidget(reqCtx, db, 1, false)
	require.NoError(t, err)
	reqSpan.End()
	var pending int
	var tp0 *string
	require.NoError(t, db.QueryRow(ctx, `SELECT count(*), max(traceparent) FROM outbox WHERE published_at IS NULL`).Scan(&pending, &tp0))
	require.Equal(t, 1, pending, "the event is in the outbox")
	require.NotNil(t, tp0, "with the request's traceparent")

	producer := kafka.NewProducer([]string{addr})
	defer producer.Close()
	relay := &outbox.Relay{DB: db, Publisher: producer, Log: slog.New(slog.DiscardHandler), BatchSize: 10}
	n, err := relay.PublishPending(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n)

	var logs bytes.Buffer
	var mu = make(chan struct{}, 1)
	consumer := &kafka.Consumer{Group: "trace-consumer", Brokers: []string{addr}, DB: db, Log: logx.New("consumer", "info", &logs)}
	kafka.Handle(consumer, topic, "widget.created", func(ctx context.Context, _ pgx.Tx, _ kafka.Envelope, _ widgetCreated) error {
		logx.New("consumer", "info", &logs).InfoContext(ctx, "handled a widget")
		select {
		case mu <- struct{}{}:
		default:
		}
		return nil
	})
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- consumer.Run(runCtx) }()
	select {
	case <-mu:
	case <-time.After(20 * time.Second):
		t.Fatal("the event was not consumed")
	}
	time.Sleep(200 * time.Millisecond) // the "event applied" line follows the commit
	stop()
	require.NoError(t, <-done)

	want := reqSpan.SpanContext().TraceID()
	var publish, consume sdktrace.ReadOnlySpan
	for _, s := range rec.Ended() {
		switch {
		case s.Name() == "publish "+topic:
			publish = s
		case strings.HasPrefix(s.Name(), "consume "+topic):
			consume = s
		}
	}
	require.NotNil(t, publish, "the relay's publish span")
	require.NotNil(t, consume, "the consumer's span")
	require.Equal(t, want, publish.SpanContext().TraceID(), "publish continues the request's trace")
	require.Equal(t, reqSpan.SpanContext().SpanID(), publish.Parent().SpanID())
	require.Equal(t, want, consume.SpanContext().TraceID(), "the consumer continues the same trace")
	require.Equal(t, publish.SpanContext().SpanID(), consume.Parent().SpanID())
	require.Len(t, consume.Links(), 1)
	require.Equal(t, publish.SpanContext().SpanID(), consume.Links()[0].SpanContext.SpanID())

	lines := 0
	for _, raw := range bytes.Split(bytes.TrimSpace(logs.Bytes()), []byte("\n")) {
		var line map[string]any
		require.NoError(t, json.Unmarshal(raw, &line), string(raw))
		require.Equal(t, "req-trace-1", line["request_id"], "every consumer line has the request id: %s", raw)
		require.Equal(t, want.String(), line["trace_id"], "and the trace id: %s", raw)
		lines++
	}
	require.GreaterOrEqual(t, lines, 2, "the handler's line and the consumer's 'event applied'")
}
