// Package metrics holds the Prometheus collectors the platform's packages share (circuit
// breakers, cache lookups, GraphQL operations), registered on each service's registry
// by Register. They are package-level because the breakers and caches are created deep
// inside clients that never see the registry; a collector may be registered on several
// registries (every test service has its own).
package metrics

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sony/gobreaker/v2"
)

var (
	// BreakerState is each circuit breaker's state: 0 closed, 1 half-open, 2 open.
	BreakerState = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "circuit_breaker_state",
		Help: "Circuit breaker state: 0 closed, 1 half-open, 2 open.",
	}, []string{"breaker"})

	// CacheRequests counts cache lookups by result (hit, miss, error): the hit ratio
	// is hit / sum.
	CacheRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "cache_requests_total",
		Help: "Cache lookups by result (hit, miss, error).",
	}, []string{"cache", "result"})

	// GraphQLDuration is the latency of each GraphQL operation the subgraph served.
	GraphQLDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "graphql_operation_duration_seconds",
		Help:    "GraphQL operation latency by operation name (bounded) and type.",
		Buckets: []float64{.0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
	}, []string{"operation", "type"})

	// ConsumerLag is how far a consumer is behind each partition it reads, measured at
	// each fetched message (high-water mark - offset - 1).
	ConsumerLag = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "kafka_consumer_lag",
		Help: "Messages behind the partition's end, per topic and partition.",
	}, []string{"topic", "partition"})

	// ConsumerEvents counts handled events by outcome (applied, parked).
	ConsumerEvents = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "kafka_consumer_events_total",
		Help: "Events handled by the subgraph's consumer, by topic and outcome (applied, parked).",
	}, []string{"topic", "outcome"})

	// GraphQLErrors counts errors in responses by operation and extensions.code.
	GraphQLErrors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "graphql_operation_errors_total",
		Help: "GraphQL errors by operation name (bounded) and extensions.code.",
	}, []string{"operation", "code"})
)

// Register adds the shared collectors to reg (idempotent per registry).
func Register(reg prometheus.Registerer) {
	for _, c := range []prometheus.Collector{BreakerState, CacheRequests, GraphQLDuration, GraphQLErrors, ConsumerLag, ConsumerEvents} {
		if err := reg.Register(c); err != nil {
			if _, dup := err.(prometheus.AlreadyRegisteredError); !dup {
				panic(err)
			}
		}
	}
}

// BreakerChanged records a gobreaker state change (use it in Settings.OnStateChange).
func BreakerChanged(name string, to gobreaker.State) {
	v := map[gobreaker.State]float64{gobreaker.StateClosed: 0, gobreaker.StateHalfOpen: 1, gobreaker.StateOpen: 2}[to]
	BreakerState.WithLabelValues(name).Set(v)
}

// maxOperations bounds the operation label: names past it are counted as "other",
// so a client sending random operation names cannot grow the series without limit.
const maxOperations = 300

var (
	opsMu sync.Mutex
	ops   = map[string]bool{}
)

// OperationLabel returns name, "anonymous" or "other" (past maxOperations names).
func OperationLabel(name string) string {
	if name == "" {
		return "anonymous"
	}
	opsMu.Lock()
	defer opsMu.Unlock()
	if ops[name] {
		return name
	}
	if len(ops) >= maxOperations {
		return "other"
	}
	ops[name] = true
	return name
}
