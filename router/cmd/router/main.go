// Command router is Purra's GraphQL router on graphql-go-tools: it serves
// the supergraph (supergraph/supergraph.graphql) on /graphql with the same
// environment variables as the Hive Gateway router (see router/README.md).
//
//	router [path/to/supergraph.graphql]
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/purra/supergraph/platform/telemetry"
	"github.com/purra/supergraph/router/internal/server"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "router:", err)
		os.Exit(1)
	}
}

func run() error {
	dir, _ := os.Getwd()
	settings, err := server.LoadSettings(os.Getenv, dir)
	if err != nil {
		return err
	}
	if len(os.Args) > 1 {
		settings.SupergraphPath = os.Args[len(os.Args)-1]
	}
	settings.SupergraphPath, _ = filepath.Abs(settings.SupergraphPath)
	log := newLogger(settings)
	// OpenTelemetry from the standard OTEL_* variables (platform/telemetry);
	// OPENTELEMETRY, the Hive router's variable (an OTLP/HTTP traces URL),
	// works too.
	if v := os.Getenv("OPENTELEMETRY"); v != "" && os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT") == "" && os.Getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") == "" {
		_ = os.Setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", v)
	}
	stopTracing, err := telemetry.Setup(context.Background(), "router", os.Getenv)
	if err != nil {
		return err
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = stopTracing(ctx)
	}()
	srv, err := server.New(settings, log)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if settings.WatchSupergraph {
		go srv.WatchSupergraph(ctx.Done())
	}
	addr := net.JoinHostPort(settings.Host, strconv.Itoa(settings.Port))
	httpServer := &http.Server{
		Addr:              addr,
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- httpServer.ListenAndServe() }()
	log.Info("router listening", "addr", addr, "supergraph", settings.SupergraphPath,
		"playground", settings.Playground, "introspection", settings.Introspection,
		"allowArbitraryOperations", settings.AllowArbitraryOperations, "maxDepth", settings.MaxDepth, "maxTokens", settings.MaxTokens)
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
	}
	// graceful shutdown: not ready first, finish in-flight requests, then
	// end subscriptions (websockets are hijacked: Shutdown does not wait for them)
	log.Info("shutting down")
	srv.Drain()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err = httpServer.Shutdown(shutdownCtx)
	srv.Close()
	return err
}

func newLogger(s *server.Settings) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(strings.ToUpper(s.LogLevel))); err != nil {
		lvl = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: lvl}
	var h slog.Handler = slog.NewTextHandler(os.Stdout, opts)
	if s.JSONLogs() {
		h = slog.NewJSONHandler(os.Stdout, opts)
	}
	return slog.New(h).With("service", "router")
}
