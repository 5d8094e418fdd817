// Package httpx runs the HTTP server with timeouts and graceful shutdown, and
// provides the health and metrics endpoints every subgraph serves.
package httpx

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Serve runs srv until ctx is cancelled, then drains in-flight requests for
// up to timeout before closing connections.
func Serve(ctx context.Context, srv *http.Server, timeout time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
		return err
	}
	return nil
}

// NewServer returns a server with timeouts suitable behind the router.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      0, // websockets and SSE stream for as long as they live
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// Chain wraps h in middlewares, the first outermost.
func Chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// LimitBody caps request bodies: a 10 MB query is an attack, not a query.
func LimitBody(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// Metrics counts requests and observes their latency.
func Metrics(service string, reg prometheus.Registerer) func(http.Handler) http.Handler {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:        "http_request_duration_seconds",
		Help:        "HTTP request latency.",
		ConstLabels: prometheus.Labels{"service": service},
		Buckets:     []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
	}, []string{"code"})
	reg.MustRegister(h)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
			next.ServeHTTP(sw, r)
			h.WithLabelValues(strconv.Itoa(sw.code)).Observe(time.Since(start).Seconds())
		})
	}
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (s *statusWriter) WriteHeader(code int) { s.code = code; s.ResponseWriter.WriteHeader(code) }

// Unwrap lets http.ResponseController reach Flush/Hijack for SSE and websockets.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// PrivateWhenAuthenticated marks answers to requests carrying credentials as
// private and not to be kept: they may hold the caller's own data (their
// orders, retailer prices), and the router's response cache honours it.
func PrivateWhenAuthenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			w.Header().Set("Cache-Control", "private, max-age=0")
		}
		next.ServeHTTP(w, r)
	})
}

// PublicMaxAge tells the router's response cache to keep anonymous answers
// at most seconds: data that changes on a clock (a banner's window) or by
// events (stock) must not be served older than that. Signed-in answers stay
// private (PrivateWhenAuthenticated).
func PublicMaxAge(seconds int) func(http.Handler) http.Handler {
	value := "public, max-age=" + strconv.Itoa(seconds)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") == "" {
				w.Header().Set("Cache-Control", value)
			}
			next.ServeHTTP(w, r)
		})
	}
}
