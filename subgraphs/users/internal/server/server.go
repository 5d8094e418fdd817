// Package server wires the users subgraph for platform/service: store → app
// → graph, the per-request loaders and client IP, the JWKS route, the token
// janitor and the seed.
package server

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/users/internal/app"
	"github.com/purra/supergraph/subgraphs/users/internal/graph"
	"github.com/purra/supergraph/subgraphs/users/internal/store"
	"github.com/purra/supergraph/subgraphs/users/migrations"
	"github.com/purra/supergraph/subgraphs/users/seed"
)

// Issuer is the iss claim of shopper access tokens; every subgraph trusts it.
const Issuer = "purra-users"

// AccessTokenTTL is how long an access token is valid.
const AccessTokenTTL = 15 * time.Minute

// JWKSPath serves the public keys of Issuer.
const JWKSPath = "/.well-known/jwks.json"

// Spec describes the users subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "users",
		DefaultAddr: ":3001",
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
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(a)},
		Routes:     map[string]http.Handler{"GET " + JWKSPath: signer.JWKSHandler()},
		Workers: []func(ctx context.Context) error{
			func(ctx context.Context) error { return a.PurgeExpiredTokens(ctx, time.Hour, d.Log) },
			func(ctx context.Context) error { return a.SyncBans(ctx, time.Minute) },
		},
	}, nil
}

// wire builds the application on d with the issuer's signing key (created
// in the database on first start, shared by every instance).
func wire(ctx context.Context, d *service.Deps) (*app.App, *auth.Signer, error) {
	enc, err := auth.KeyEncryptionFromEnv(d.Getenv)
	if err != nil {
		return nil, nil, err
	}
	signer, err := auth.LoadSigner(ctx, d.DB, Issuer, AccessTokenTTL, enc)
	if err != nil {
		return nil, nil, err
	}
	a, err := app.New(store.New(d.DB), signer, d.Limiter, d.Cache.Redis(), d.Log, d.Topic)
	if err != nil {
		return nil, nil, fmt.Errorf("users app: %w", err)
	}
	return a, signer, nil
}
