// Package server wires the banners subgraph: store → app → graph, and the seed.
package server

import (
	"context"
	"github.com/purra/supergraph/platform/storage"
	"net/http"
	"os"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/httpx"
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/banners/internal/app"
	"github.com/purra/supergraph/subgraphs/banners/internal/graph"
	"github.com/purra/supergraph/subgraphs/banners/internal/seed"
	"github.com/purra/supergraph/subgraphs/banners/internal/store"
	"github.com/purra/supergraph/subgraphs/banners/migrations"
)

// Spec describes the banners subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "banners",
		DefaultAddr: ":3011",
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
			_, err = seed.Run(ctx, store.New(d.DB, d.Topic, d.Name), time.Now(), media)
			return err
		},
	}
}

// Build wires the subgraph on d; tests reach the App through it (e.g. to stop the clock).
func Build(d *service.Deps) (*service.Subgraph, *app.App) {
	a := app.New(store.New(d.DB, d.Topic, d.Name), d.Cache)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema: schema,
		// Windows open and close on the clock: the router may keep an anonymous
		// answer for a second at most, so a scheduled banner shows on time.
		Middleware: []func(http.Handler) http.Handler{httpx.PublicMaxAge(1)},
	}, a
}

func build(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	sg, _ := Build(d)
	return sg, nil
}
