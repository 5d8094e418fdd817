package server

import (
	"crypto/sha256"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/router/internal/engine"
)

// Server is the router.
type Server struct {
	settings     *Settings
	log          *slog.Logger
	persisted    *Persisted
	corsPatterns []*regexp.Regexp
	cache        responseCache
	metrics      *metrics
	registry     *prometheus.Registry
	transport    *subgraphTransport
	limiter      *rateLimiter // nil: no rate limits
	// serviceSigner mints the router's credential for each subgraph.
	serviceSigner *auth.ServiceSigner
	current       atomic.Pointer[engine.Engine]
	lastHash      [32]byte
	draining      atomic.Bool
	playground    []byte // the Playground page
}

// New builds the router and loads the supergraph at settings.SupergraphPath.
func New(settings *Settings, log *slog.Logger) (*Server, error) {
	persisted, err := LoadPersisted(settings.PersistedOperationsPath, !settings.AllowArbitraryOperations)
	if err != nil {
		return nil, err
	}
	if persisted.Len() == 0 {
		log.Warn("persisted operations manifest not found: no persisted operation will be served", "path", settings.PersistedOperationsPath)
	}
	// The router's own service credential: subgraphs accept nothing
	// without one (docs/security.md), so no key is a refusal to start.
	signer, err := auth.NewServiceSigner(auth.RouterService, []byte(settings.ServiceTokenKey))
	if err != nil {
		return nil, fmt.Errorf("SERVICE_TOKEN_KEY is required (the router's Ed25519 key, PKCS#8 PEM): %w", err)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	m := newMetrics(reg)
	s := &Server{
		settings:      settings,
		log:           log,
		persisted:     persisted,
		corsPatterns:  compileOrigins(settings.CORSOrigins),
		metrics:       m,
		registry:      reg,
		transport:     newSubgraphTransport(m),
		serviceSigner: signer,
	}
	s.transport.production = settings.Production
	s.playground = playgroundPage(filepath.Join(filepath.Dir(settings.PersistedOperationsPath), "..", "README.md"))
	if s.limiter, err = newRateLimiter(settings, log); err != nil {
		return nil, fmt.Errorf("RATE_LIMIT_REDIS_URL: %w", err)
	}
	if settings.ResponseCacheTTL > 0 {
		if settings.ResponseCacheRedisURL != "" {
			rc, err := newRedisCache(settings.ResponseCacheRedisURL)
			if err != nil {
				return nil, fmt.Errorf("RESPONSE_CACHE_REDIS_URL: %w", err)
			}
			s.cache = rc
		} else {
			s.cache = newMemoryCache(10000)
		}
	}
	if err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// Reload loads the supergraph file again and swaps the engine when it
// changed; in-flight requests finish on the engine they started with.
func (s *Server) Reload() error {
	raw, err := os.ReadFile(s.settings.SupergraphPath)
	if err != nil {
		s.metrics.reloads.WithLabelValues("error").Inc()
		return fmt.Errorf("supergraph: %w", err)
	}
	hash := sha256.Sum256(raw)
	if s.current.Load() != nil && hash == s.lastHash {
		return nil
	}
	e, err := engine.New(raw, engine.Config{
		SubgraphURL:   s.settings.SubgraphURL,
		Transport:     s.transport,
		Introspection: s.settings.Introspection,
	})
	if err != nil {
		s.metrics.reloads.WithLabelValues("error").Inc()
		return fmt.Errorf("supergraph %s: %w", s.settings.SupergraphPath, err)
	}
	byURL := map[string]subgraphInfo{}
	names := make([]string, 0, len(e.Subgraphs))
	for _, sg := range e.Subgraphs {
		byURL[sg.URL] = subgraphInfo{name: sg.Name, timeout: s.settings.SubgraphTimeoutFor(sg.Name)}
		names = append(names, sg.Name)
	}
	s.transport.setSubgraphs(byURL)
	old := s.current.Swap(e)
	s.lastHash = hash
	s.metrics.reloads.WithLabelValues("ok").Inc()
	s.log.Info("supergraph loaded", "path", s.settings.SupergraphPath, "subgraphs", names)
	if old != nil {
		// let requests that started on the old engine finish first
		time.AfterFunc(time.Minute, old.Close)
	}
	return nil
}

// Close stops the engine (subscriptions end).
func (s *Server) Close() {
	s.draining.Store(true)
	if e := s.current.Load(); e != nil {
		e.Close()
	}
	if s.limiter != nil {
		s.limiter.close()
	}
}

// Drain marks the router not ready (load balancers stop sending) before
// the HTTP server shuts down.
func (s *Server) Drain() { s.draining.Store(true) }

// Handler routes the router's endpoints.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	// a server span per request (continuing the caller's traceparent); the
	// engine's subgraph calls are its children (subgraphTransport)
	mux.Handle("/graphql", otelhttp.NewHandler(http.HandlerFunc(s.serveGraphQL), "router",
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return "router " + r.Method + " " + r.URL.Path })))
	health := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"ok"}`))
	}
	ready := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if s.draining.Load() || s.current.Load() == nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(`{"status":"unavailable"}`))
			return
		}
		_, _ = w.Write([]byte(`{"status":"ready"}`))
	}
	if s.settings.Playground {
		mux.Handle("/playground/", playgroundAssets())
	}
	mux.HandleFunc("/healthz", health)
	mux.HandleFunc("/healthcheck", health)
	mux.HandleFunc("/readyz", ready)
	mux.HandleFunc("/readiness", ready)
	mux.Handle("/metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{}))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" && s.settings.Playground {
			http.Redirect(w, r, "/graphql", http.StatusFound)
			return
		}
		http.NotFound(w, r)
	})
	return s.protect(mux)
}

// WatchSupergraph reloads when the supergraph file changes. It polls the
// file's modification time: compose replaces the file by rename, which file
// watchers bound to the old inode miss. An unchanged content is not reloaded.
func (s *Server) WatchSupergraph(stop <-chan struct{}) {
	path := s.settings.SupergraphPath
	last := modTime(path)
	ticker := time.NewTicker(500 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case <-stop:
			return
		case <-ticker.C:
			mt := modTime(path)
			if mt.IsZero() || mt.Equal(last) {
				continue
			}
			last = mt
			s.log.Info("supergraph file replaced: reloading", "path", path)
			if err := s.Reload(); err != nil {
				s.log.Error("supergraph reload failed: keeping the previous one", "err", err)
			}
		}
	}
}

func modTime(path string) time.Time {
	fi, err := os.Stat(filepath.Clean(path))
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
}
