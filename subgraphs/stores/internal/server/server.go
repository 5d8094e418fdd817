// Package server wires the stores subgraph for platform/service: store →
// app → graph, the per-request loaders, the consumers of users.events and
// the seed.
package server

import (
	"context"
	"net/http"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/stores/internal/app"
	"github.com/purra/supergraph/subgraphs/stores/internal/events"
	"github.com/purra/supergraph/subgraphs/stores/internal/graph"
	"github.com/purra/supergraph/subgraphs/stores/internal/seed"
	"github.com/purra/supergraph/subgraphs/stores/internal/store"
	"github.com/purra/supergraph/subgraphs/stores/migrations"
)

// Spec describes the stores subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "stores",
		DefaultAddr: ":3009",
		Migrations:  migrations.FS,
		Build:       Build,
		Seed: func(ctx context.Context, d *service.Deps) error {
			return seed.Run(ctx, New(d))
		},
	}
}

// New builds the application on d.
func New(d *service.Deps) *app.App {
	return app.New(store.New(d.DB, d.Topic, d.Name), d.Limiter)
}

// Build wires the subgraph on d.
func Build(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	a := New(d)
	events.Register(d.Consumer, a, d.Log)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(a)},
	}, nil
}
