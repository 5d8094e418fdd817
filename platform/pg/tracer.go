package pg

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/purra/supergraph/platform/telemetry"
)

// MetricsTracer records the duration of every query in a Prometheus histogram and,
// inside a trace, as a client span carrying the statement (parameters never: they
// hold personal data).
type MetricsTracer struct {
	hist *prometheus.HistogramVec
}

type startKey struct{}

// NewMetricsTracer registers db_query_duration_seconds{service} on reg.
func NewMetricsTracer(service string, reg prometheus.Registerer) *MetricsTracer {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:        "db_query_duration_seconds",
		Help:        "PostgreSQL query latency.",
		ConstLabels: prometheus.Labels{"service": service},
		Buckets:     []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
	}, []string{"outcome"})
	reg.MustRegister(h)
	return &MetricsTracer{hist: h}
}

func (t *MetricsTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	if trace.SpanContextFromContext(ctx).IsValid() {
		ctx, _ = telemetry.Tracer().Start(ctx, "pg "+verb(d.SQL), trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(
			attribute.String("db.system", "postgresql"),
			attribute.String("db.statement", truncate(d.SQL, 2000)),
		))
	}
	return context.WithValue(ctx, startKey{}, time.Now())
}

// verb is the statement's first keyword (SELECT, INSERT, …): a bounded span name.
func verb(sql string) string {
	f := strings.Fields(sql)
	if len(f) == 0 {
		return "query"
	}
	return strings.ToUpper(f[0])
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func (t *MetricsTracer) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryEndData) {
	start, ok := ctx.Value(startKey{}).(time.Time)
	if !ok {
		return
	}
	outcome := "ok"
	if d.Err != nil {
		outcome = "error"
	}
	if span := trace.SpanFromContext(ctx); span.IsRecording() {
		if d.Err != nil {
			span.RecordError(d.Err)
			span.SetStatus(codes.Error, d.Err.Error())
		}
		span.End()
	}
	t.hist.WithLabelValues(outcome).Observe(time.Since(start).Seconds())
	if c, ok := ctx.Value(counterKey{}).(*atomic.Int64); ok {
		c.Add(1)
	}
}

type counterKey struct{}

// CountQueries returns a context under which every query through a pool
// traced by MetricsTracer is counted, and the counter. Tests use it to prove
// that a batch resolves with one query.
func CountQueries(ctx context.Context) (context.Context, *atomic.Int64) {
	c := new(atomic.Int64)
	return context.WithValue(ctx, counterKey{}, c), c
}
