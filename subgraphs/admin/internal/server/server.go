// Package server wires the admin subgraph for platform/service: store → app
// → graph, the per-request loaders and session activity, the JWKS route of
// the purra-admin issuer, the audit-log consumers and the seed.
package server

import (
	"context"
	"fmt"
	"net/http"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/admin/internal/app"
	"github.com/purra/supergraph/subgraphs/admin/internal/events"
	"github.com/purra/supergraph/subgraphs/admin/internal/graph"
	"github.com/purra/supergraph/subgraphs/admin/internal/store"
	"github.com/purra/supergraph/subgraphs/admin/migrations"
	"github.com/purra/supergraph/subgraphs/admin/seed"
)

// Issuer is the iss claim of admin access tokens; every subgraph trusts it.
const Issuer = "purra-admin"

// JWKSPath serves the public keys of Issuer.
const JWKSPath = "/.well-known/jwks.json"

// Spec describes the admin subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "admin",
		DefaultAddr: ":3012",
		Migrations:  migrations.FS,
		Build:       Build,
		Seed: func(ctx context.Context, d *service.Deps) error {
			a, _, err := wire(ctx, d)
			if err != nil {
				return err
			}
			return seed.Run(ctx, a)
		},
	}
}

// Build wires the subgraph on d.
func Build(ctx context.Context, d *service.Deps) (*service.Subgraph, error) {
	a, signer, err := wire(ctx, d)
	if err != nil {
		return nil, err
	}
	events.Register(d.Consumer)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(a, d.Log.WarnContext)},
		Routes:     map[string]http.Handler{"GET " + JWKSPath: signer.JWKSHandler()},
	}, nil
}

// wire builds the application on d with the issuer's signing key (created
// in the database on first start, shared by every instance).
func wire(ctx context.Context, d *service.Deps) (*app.App, *auth.Signer, error) {
	enc, err := auth.KeyEncryptionFromEnv(d.Getenv)
	if err != nil {
		return nil, nil, err
	}
	signer, err := auth.LoadSigner(ctx, d.DB, Issuer, app.AccessTokenTTL, enc)
	if err != nil {
		return nil, nil, err
	}
	a, err := app.New(store.New(d.DB, d.Topic, d.Name), signer, d.Limiter, d.Cache.Redis(), d.Topic)
	if err != nil {
		return nil, nil, fmt.Errorf("admin app: %w", err)
	}
	return a, signer, nil
}
