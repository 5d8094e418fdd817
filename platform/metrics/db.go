package metrics

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
)

// DBCollector reports, at scrape time, the subgraph's PostgreSQL pool and its event
// tables: the outbox backlog and the age of its oldest unpublished row (relay lag), and
// the parked events of failed_events. The queries use the outbox's partial index and a
// short timeout, so a slow database costs a scrape, not the service.
type DBCollector struct{ DB *pgxpool.Pool }

var (
	descAcquired  = prometheus.NewDesc("db_pool_acquired_conns", "Connections in use.", nil, nil)
	descIdle      = prometheus.NewDesc("db_pool_idle_conns", "Idle connections.", nil, nil)
	descTotal     = prometheus.NewDesc("db_pool_total_conns", "Open connections.", nil, nil)
	descMax       = prometheus.NewDesc("db_pool_max_conns", "Pool size limit.", nil, nil)
	descEmpty     = prometheus.NewDesc("db_pool_empty_acquire_total", "Acquires that waited for a connection.", nil, nil)
	descWait      = prometheus.NewDesc("db_pool_acquire_duration_seconds_total", "Time spent acquiring connections.", nil, nil)
	descBacklog   = prometheus.NewDesc("outbox_backlog", "Outbox events committed but not yet published.", nil, nil)
	descRelayLag  = prometheus.NewDesc("outbox_oldest_pending_age_seconds", "Age of the oldest unpublished outbox event (0 when none).", nil, nil)
	descParked    = prometheus.NewDesc("kafka_parked_events", "Events consumers gave up on (failed_events rows).", nil, nil)
	descScrapeErr = prometheus.NewDesc("db_metrics_scrape_errors", "1 when the event tables could not be read at this scrape.", nil, nil)
)

func (c DBCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descAcquired, descIdle, descTotal, descMax, descEmpty, descWait, descBacklog, descRelayLag, descParked, descScrapeErr} {
		ch <- d
	}
}

func (c DBCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.DB.Stat()
	ch <- prometheus.MustNewConstMetric(descAcquired, prometheus.GaugeValue, float64(s.AcquiredConns()))
	ch <- prometheus.MustNewConstMetric(descIdle, prometheus.GaugeValue, float64(s.IdleConns()))
	ch <- prometheus.MustNewConstMetric(descTotal, prometheus.GaugeValue, float64(s.TotalConns()))
	ch <- prometheus.MustNewConstMetric(descMax, prometheus.GaugeValue, float64(s.MaxConns()))
	ch <- prometheus.MustNewConstMetric(descEmpty, prometheus.CounterValue, float64(s.EmptyAcquireCount()))
	ch <- prometheus.MustNewConstMetric(descWait, prometheus.CounterValue, s.AcquireDuration().Seconds())

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var backlog, parked int64
	var age float64
	err := c.DB.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM outbox WHERE published_at IS NULL),
		(SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM outbox WHERE published_at IS NULL),
		(SELECT count(*) FROM failed_events)`).Scan(&backlog, &age, &parked)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(descScrapeErr, prometheus.GaugeValue, 1)
		return
	}
	ch <- prometheus.MustNewConstMetric(descScrapeErr, prometheus.GaugeValue, 0)
	ch <- prometheus.MustNewConstMetric(descBacklog, prometheus.GaugeValue, float64(backlog))
	ch <- prometheus.MustNewConstMetric(descRelayLag, prometheus.GaugeValue, age)
	ch <- prometheus.MustNewConstMetric(descParked, prometheus.GaugeValue, float64(parked))
}
