package pg

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"
)

// MetricsTracer records the duration of every query in a Prometheus histogram.
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

func (t *MetricsTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	return context.WithValue(ctx, startKey{}, time.Now())
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
