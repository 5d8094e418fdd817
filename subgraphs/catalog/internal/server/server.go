// Package server wires the catalog subgraph: store → app → graph, the
// per-request loaders, and the seed.
package server

import (
	"context"
	"github.com/purra/supergraph/platform/storage"
	"net/http"
	"os"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/catalog/internal/app"
	"github.com/purra/supergraph/subgraphs/catalog/internal/events"
	"github.com/purra/supergraph/subgraphs/catalog/internal/graph"
	"github.com/purra/supergraph/subgraphs/catalog/internal/seed"
	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
	"github.com/purra/supergraph/subgraphs/catalog/migrations"
)

// Spec describes the catalog subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "catalog",
		DefaultAddr: ":3002",
		Migrations:  migrations.FS,
		Build:       build,
		Seed: func(ctx context.Context, d *service.Deps) error {
			media, err := storage.FromEnv(os.Getenv)
			if err != nil {
				return err
			}
			if err := seed.Images(ctx, media); err != nil {
				return err
			}
			_, err = seed.Run(ctx, store.New(d.DB, d.Topic), media)
			return err
		},
	}
}

func build(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	st := store.New(d.DB, d.Topic)
	a := app.New(st, d.Cache, d.Log)
	events.Register(d.Consumer, a, d.Log)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a, Reads: st},
		Directives: graph.DirectiveRoot{RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(st)},
	}, nil
}
