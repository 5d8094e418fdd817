// Package service runs a subgraph: it opens the shared dependencies
// (Postgres, Redis, Kafka, JWKS), applies migrations, asks the subgraph to
// wire itself (Build), then serves /graphql, /healthz, /readyz and /metrics
// next to the outbox relay and the event consumers, and shuts all of it down
// in order. Every subgraph's main is one call to Main.
package service

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"golang.org/x/sync/errgroup"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/gql"
	"github.com/purra/supergraph/platform/httpx"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/logx"
	"github.com/purra/supergraph/platform/metrics"
	"github.com/purra/supergraph/platform/outbox"
	platformmigrations "github.com/purra/supergraph/platform/outbox/migrations"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/pgmigrate"
	"github.com/purra/supergraph/platform/telemetry"
)

// Spec describes a subgraph to Run.
type Spec struct {
	Name        string // "users": database purra_users, topic users.events
	DefaultAddr string // ":3001"
	Migrations  fs.FS
	// Build wires the subgraph once its dependencies are up.
	Build func(ctx context.Context, d *Deps) (*Subgraph, error)
	// Seed loads demo data (`<binary> seed`); it must be idempotent.
	Seed func(ctx context.Context, d *Deps) error
}

// Deps are the shared dependencies handed to Build and Seed.
type Deps struct {
	Name     string
	Config   config.Base
	Getenv   func(string) string
	Log      *slog.Logger
	DB       *pgxpool.Pool
	Cache    *cache.Cache
	Limiter  *cache.Limiter
	Verifier *auth.Verifier
	// ServiceSigner mints this subgraph's credential for calls to other
	// subgraphs; ServiceVerifier checks the credential of whoever calls it.
	ServiceSigner   *auth.ServiceSigner
	ServiceVerifier *auth.ServiceVerifier
	Registry        *prometheus.Registry
	// Proxies are the peers whose X-Forwarded-For is believed (the router).
	Proxies httpx.Proxies
	// Topic is where this subgraph's outbox events go.
	Topic string
	// Consumer receives the subgraph's event handlers (kafka.Handle) in Build.
	Consumer *kafka.Consumer
	// Kafka is how the brokers are reached (TLS, SASL of a managed Kafka;
	// zero: plaintext), for any other Kafka client Build starts.
	Kafka kafka.Security
}

// Subgraph is what Build returns.
type Subgraph struct {
	Schema graphql.ExecutableSchema
	// Middleware wraps /graphql inside auth (per-request dataloaders).
	Middleware []func(http.Handler) http.Handler
	// Routes are extra endpoints, e.g. /.well-known/jwks.json or webhooks.
	Routes map[string]http.Handler
	// Workers run beside the server until shutdown (reapers, schedulers).
	Workers []func(ctx context.Context) error
	// Close releases what Build opened, after everything stopped.
	Close func()
}

// Main runs spec until SIGINT/SIGTERM and exits non-zero on failure. With the
// argument "seed" it sets up the database, seeds demo data and exits; with
// "replay-parked [event-id…]" it replays the parked events and exits.
func Main(spec Spec) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	command := ""
	if len(os.Args) > 1 {
		command = os.Args[1]
	}
	switch command {
	case "":
		err = Run(ctx, spec, os.Getenv)
	case "seed":
		err = SeedOnly(ctx, spec, os.Getenv)
	case "replay-parked":
		err = ReplayParked(ctx, spec, os.Getenv, os.Stdout, os.Args[2:]...)
	default:
		err = fmt.Errorf("unknown command %q (usage: %s [seed | replay-parked [event-id…]])", command, os.Args[0])
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", spec.Name, err)
		os.Exit(1)
	}
}

// Open connects the shared dependencies and applies migrations. The caller
// closes the pool.
func Open(ctx context.Context, spec Spec, getenv func(string) string) (*Deps, error) {
	var cfg config.Base
	if err := config.Load(&cfg, getenv); err != nil {
		return nil, err
	}
	if cfg.HTTPAddr == "" {
		cfg.HTTPAddr = spec.DefaultAddr
	}
	log := logx.New(spec.Name, cfg.LogLevel, os.Stdout)
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	db, err := pg.Open(ctx, cfg.PostgresURL, cfg.DatabaseName(spec.Name), pg.Options{
		MaxConns: cfg.PoolMaxConns, Tracer: pg.NewMetricsTracer(spec.Name, reg),
	})
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, db, spec); err != nil {
		db.Close()
		return nil, err
	}
	rdb, err := cache.Connect(cfg.RedisURL)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("redis url: %w", err)
	}
	c := cache.New(rdb, spec.Name, log)
	proxies, err := httpx.ParseProxies(cfg.TrustedProxyHops, cfg.TrustedProxies)
	if err != nil {
		db.Close()
		return nil, err
	}
	verifier, err := auth.NewVerifier(ctx, cfg.JWKSURLs, cfg.JWTIssuers)
	if err != nil {
		db.Close()
		return nil, err
	}
	// Banned users and revoked admin sessions stop working in every subgraph.
	auth.NewRevocations(rdb, log).Attach(verifier)
	kafkaSecurity, err := kafka.NewSecurity(cfg.KafkaSecurity())
	if err != nil {
		db.Close()
		return nil, err
	}
	signer, svcVerifier, err := serviceAuth(spec.Name, cfg)
	if err != nil {
		db.Close()
		return nil, err
	}
	// shared collectors (GraphQL, breakers, cache, consumer) and the pool/outbox/parked gauges
	metrics.Register(reg)
	reg.MustRegister(metrics.DBCollector{DB: db})
	d := &Deps{
		Name: spec.Name, Config: cfg, Getenv: getenv, Log: log, DB: db, Cache: c,
		Limiter: cache.NewLimiter(c), Verifier: verifier, Registry: reg, Proxies: proxies,
		ServiceSigner: signer, ServiceVerifier: svcVerifier,
		Topic:    kafka.Topic(spec.Name),
		Consumer: &kafka.Consumer{Group: spec.Name, Brokers: cfg.Brokers(), Security: kafkaSecurity, DB: db, Log: log},
		Kafka:    kafkaSecurity,
	}
	log.InfoContext(ctx, "configured", "config", cfg.Redacted())
	return d, nil
}

func migrate(ctx context.Context, db *pgxpool.Pool, spec Spec) error {
	if err := pgmigrate.Up(ctx, db, "platform", platformmigrations.FS); err != nil {
		return err
	}
	if spec.Migrations == nil {
		return nil
	}
	return pgmigrate.Up(ctx, db, spec.Name, spec.Migrations)
}

// SeedOnly migrates and seeds, without serving.
func SeedOnly(ctx context.Context, spec Spec, getenv func(string) string) error {
	d, err := Open(ctx, spec, getenv)
	if err != nil {
		return err
	}
	defer d.DB.Close()
	if spec.Seed == nil {
		return nil
	}
	if err := spec.Seed(ctx, d); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	d.Log.InfoContext(ctx, "seeded")
	return nil
}

// Run serves the subgraph until ctx is cancelled.
func Run(ctx context.Context, spec Spec, getenv func(string) string) error {
	// OTEL_* configure tracing; without an endpoint nothing is exported
	stopTracing, err := telemetry.Setup(ctx, spec.Name, getenv)
	if err != nil {
		return err
	}
	defer func() {
		flushCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = stopTracing(flushCtx) // best effort: spans lost at exit are not worth failing it
	}()
	d, err := Open(ctx, spec, getenv)
	if err != nil {
		return err
	}
	defer d.DB.Close()
	if d.ServiceVerifier == nil {
		return errMissingServiceKeys
	}
	sg, err := spec.Build(ctx, d)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if sg.Close != nil {
		defer sg.Close()
	}
	brokers := d.Config.Brokers()
	if err := d.Kafka.EnsureTopics(ctx, brokers, append(d.Consumer.Topics(), d.Topic)...); err != nil {
		return err
	}
	producer := d.Kafka.NewProducer(brokers)
	defer producer.Close()

	srv := httpx.NewServer(d.Config.HTTPAddr, Routes(d, sg))
	// The relay outlives the HTTP server so that events written by requests
	// still draining at shutdown are published before the process exits.
	relayCtx, stopRelay := context.WithCancel(context.WithoutCancel(ctx))
	relay := &outbox.Relay{DB: d.DB, Publisher: producer, Log: d.Log}
	relayDone := make(chan error, 1)
	go func() { relayDone <- relay.Run(relayCtx) }()

	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		defer stopRelay()
		return httpx.Serve(gctx, srv, d.Config.ShutdownTimeout)
	})
	g.Go(func() error { return d.Consumer.Run(gctx) })
	for _, w := range sg.Workers {
		g.Go(func() error { return w(gctx) })
	}
	d.Log.InfoContext(ctx, "serving", "addr", d.Config.HTTPAddr)
	err = g.Wait()
	stopRelay()
	if rerr := <-relayDone; rerr != nil && err == nil {
		err = fmt.Errorf("final outbox flush: %w", rerr)
	}
	d.Log.InfoContext(ctx, "stopped", "err", err)
	return err
}

// Routes is the HTTP surface of a subgraph; tests serve it with httptest.
func Routes(d *Deps, sg *Subgraph) http.Handler {
	gqlHandler := gql.NewHandler(sg.Schema, gql.Options{Log: d.Log, Verifier: d.Verifier, MaxComplexity: d.Config.QueryComplexity})
	mws := append([]func(http.Handler) http.Handler{
		logx.RequestIDMiddleware,
		httpx.ClientIPMiddleware(d.Proxies),
		httpx.PrivateWhenAuthenticated,
		httpx.Metrics(d.Name, d.Registry),
		httpx.LimitBody(1 << 20),
		d.ServiceVerifier.Middleware,
		d.Verifier.Middleware,
	}, sg.Middleware...)
	mux := http.NewServeMux()
	// otelhttp outermost: the server span continues the router's traceparent
	traced := func(name string, h http.Handler) http.Handler { return otelhttp.NewHandler(h, name) }
	mux.Handle("/graphql", traced("POST /graphql", httpx.Chain(gqlHandler, mws...)))
	mux.Handle("GET /healthz", httpx.Healthz())
	mux.Handle("GET /readyz", httpx.Readyz(map[string]httpx.Check{
		"postgres": d.DB.Ping,
		"kafka":    func(ctx context.Context) error { return d.Kafka.Ping(ctx, d.Config.Brokers()) },
	}))
	mux.Handle("GET /metrics", promhttp.HandlerFor(d.Registry, promhttp.HandlerOpts{}))
	for pattern, h := range sg.Routes {
		mux.Handle(pattern, traced(pattern, logx.RequestIDMiddleware(h)))
	}
	return mux
}
