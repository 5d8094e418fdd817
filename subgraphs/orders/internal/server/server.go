// Package server wires the orders subgraph for platform/service: store →
// app → graph, the per-request loaders, the event consumers and the
// status-change feed behind the subscription.
package server

import (
	"context"
	"fmt"
	"net/http"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/events"
	"github.com/purra/supergraph/subgraphs/orders/internal/graph"
	"github.com/purra/supergraph/subgraphs/orders/internal/live"
	"github.com/purra/supergraph/subgraphs/orders/internal/remote"
	"github.com/purra/supergraph/subgraphs/orders/internal/store"
	"github.com/purra/supergraph/subgraphs/orders/migrations"
)

// Spec describes the orders subgraph to platform/service. It has no seed:
// orders exist only through checkout.
func Spec() service.Spec {
	return service.Spec{
		Name:        "orders",
		DefaultAddr: ":3004",
		Migrations:  migrations.FS,
		Build:       Build,
		Seed:        func(context.Context, *service.Deps) error { return nil },
	}
}

// Parts are the pieces Build wires, for tests that need more than the handler.
type Parts struct {
	App *app.App
	Hub *live.Hub
}

// Build wires the subgraph on d.
func Build(ctx context.Context, d *service.Deps) (*service.Subgraph, error) {
	sg, _, err := BuildParts(ctx, d)
	return sg, err
}

// BuildParts is Build returning its parts too.
func BuildParts(_ context.Context, d *service.Deps) (*service.Subgraph, *Parts, error) {
	if err := d.Registry.Register(app.SagaOutcomes); err != nil {
		return nil, nil, err
	}
	var cfg app.Config
	if err := config.Load(&cfg, d.Getenv); err != nil {
		return nil, nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, nil, fmt.Errorf("orders config: %w", err)
	}
	a := app.New(store.New(d.DB, d.Topic, d.Name), remote.New(d.Subgraph), d.Limiter, d.Log, cfg)
	media, err := storage.FromEnv(d.Getenv)
	if err != nil {
		return nil, nil, fmt.Errorf("orders media: %w", err)
	}
	a.SetFiles(media)
	events.Register(d.Consumer, a)
	hub := live.NewHub()
	feed := &live.Feed{
		Brokers: d.Config.Brokers(), Security: d.Kafka, Topic: d.Topic, Group: "orders-subscriptions-" + uuid.NewString(), Hub: hub, Log: d.Log,
	}
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a, Hub: hub},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(a)},
		Workers:    []func(ctx context.Context) error{feed.Run, a.RunClock},
	}, &Parts{App: a, Hub: hub}, nil
}
