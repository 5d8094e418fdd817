package server

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the router's Prometheus series (GET /metrics).
type metrics struct {
	requests      *prometheus.HistogramVec
	subgraphs     *prometheus.HistogramVec
	responseCache *prometheus.CounterVec
	reloads       *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	buckets := []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}
	m := &metrics{
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "router_request_duration_seconds", Help: "GraphQL requests by operation type and HTTP status.", Buckets: buckets,
		}, []string{"operation", "status"}),
		subgraphs: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "router_subgraph_request_duration_seconds", Help: "Subgraph HTTP calls by subgraph and outcome (status code, timeout, error).", Buckets: buckets,
		}, []string{"subgraph", "outcome"}),
		responseCache: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "router_response_cache_total", Help: "Response cache lookups and evictions.",
		}, []string{"result"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "router_supergraph_reloads_total", Help: "Supergraph loads by result.",
		}, []string{"result"}),
	}
	reg.MustRegister(m.requests, m.subgraphs, m.responseCache, m.reloads)
	return m
}

func (m *metrics) subgraph(name, outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.subgraphs.WithLabelValues(name, outcome).Observe(d.Seconds())
}
