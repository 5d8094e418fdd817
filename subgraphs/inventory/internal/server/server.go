// Package server wires the inventory subgraph for platform/service: store →
// app → graph, the per-request ownership memo, the consumers of
// catalog.events and orders.events, and the reservation reaper.
package server

import (
	"context"
	"net/http"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/inventory/internal/app"
	"github.com/purra/supergraph/subgraphs/inventory/internal/events"
	"github.com/purra/supergraph/subgraphs/inventory/internal/graph"
	"github.com/purra/supergraph/subgraphs/inventory/internal/store"
	"github.com/purra/supergraph/subgraphs/inventory/migrations"
)

// Spec describes the inventory subgraph to platform/service. It has no seed:
// stock levels arrive with catalog's variant.created events (the catalog
// seed emits one per variant with its initialStock).
func Spec() service.Spec {
	return service.Spec{
		Name:        "inventory",
		DefaultAddr: ":3008",
		Migrations:  migrations.FS,
		Build:       Build,
	}
}

// Build wires the subgraph on d.
func Build(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	a, err := New(d)
	if err != nil {
		return nil, err
	}
	events.Register(d.Consumer, a, d.Log)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware()},
		Workers:    []func(ctx context.Context) error{a.RunReaper},
	}, nil
}

// New builds the application from d's environment (RESERVATION_TTL,
// REAPER_INTERVAL, CATALOG_SUBGRAPH_URL).
func New(d *service.Deps) (*app.App, error) {
	var cfg app.Config
	if err := config.Load(&cfg, d.Getenv); err != nil {
		return nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	catalog := app.Catalog{Client: d.Subgraph("catalog")}
	return app.New(store.New(d.DB, d.Topic, d.Name), catalog, cfg, d.Log), nil
}
