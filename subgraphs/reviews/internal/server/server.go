// Package server wires the reviews subgraph for platform/service: store →
// app → graph, the per-request loaders, and the verified-purchase consumer
// with its catalog client. Reviews has no seed: verified purchases come only
// from delivered orders.
package server

import (
	"context"
	"net/http"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/reviews/internal/app"
	"github.com/purra/supergraph/subgraphs/reviews/internal/events"
	"github.com/purra/supergraph/subgraphs/reviews/internal/graph"
	"github.com/purra/supergraph/subgraphs/reviews/internal/remote"
	"github.com/purra/supergraph/subgraphs/reviews/internal/store"
	"github.com/purra/supergraph/subgraphs/reviews/migrations"
)

// Spec describes the reviews subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "reviews",
		DefaultAddr: ":3007",
		Migrations:  migrations.FS,
		Build:       Build,
	}
}

// Build wires the subgraph on d.
func Build(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	st := store.New(d.DB, d.Topic)
	a := app.New(st, d.Limiter, d.Topic, d.Name)
	catalog := remote.NewCatalog(d.Subgraph("catalog"))
	events.Register(d.Consumer, catalog, d.Log)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(a)},
	}, nil
}
