// Package server wires the cart subgraph for platform/service: store → app →
// graph, the clients of catalog, promotions and users, the per-request
// loaders and the event consumers. Cart has no seed of its own: the seed
// users' carts come from the users seed's user.registered events (and any
// user without one gets it on first use).
package server

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/cart/internal/app"
	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
	"github.com/purra/supergraph/subgraphs/cart/internal/events"
	"github.com/purra/supergraph/subgraphs/cart/internal/graph"
	"github.com/purra/supergraph/subgraphs/cart/internal/remote"
	"github.com/purra/supergraph/subgraphs/cart/internal/store"
	"github.com/purra/supergraph/subgraphs/cart/migrations"
)

// Config is the cart's own configuration, on top of the platform's.
type Config struct {
	// MaxLineQuantity is the most units of one variant a customer may buy.
	MaxLineQuantity int `env:"MAX_LINE_QUANTITY" envDefault:"10"`
	// VariantCacheTTL is how long variant facts from catalog are reused.
	VariantCacheTTL time.Duration `env:"VARIANT_CACHE_TTL" envDefault:"5s"`
}

// LoadConfig reads and checks Config.
func LoadConfig(getenv func(string) string) (Config, error) {
	var cfg Config
	if err := config.Load(&cfg, getenv); err != nil {
		return cfg, err
	}
	if cfg.MaxLineQuantity < 1 || cfg.MaxLineQuantity > cart.DefaultRules().MaxRetailerLine {
		return cfg, fmt.Errorf("config: MAX_LINE_QUANTITY must be 1–%d, got %d", cart.DefaultRules().MaxRetailerLine, cfg.MaxLineQuantity)
	}
	if cfg.VariantCacheTTL <= 0 || cfg.VariantCacheTTL > time.Minute {
		return cfg, fmt.Errorf("config: VARIANT_CACHE_TTL must be in (0, 1m], got %s", cfg.VariantCacheTTL)
	}
	return cfg, nil
}

// Spec describes the cart subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "cart",
		DefaultAddr: ":3003",
		Migrations:  migrations.FS,
		Build:       Build,
	}
}

// Build wires the subgraph on d.
func Build(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	cfg, err := LoadConfig(d.Getenv)
	if err != nil {
		return nil, err
	}
	rules := cart.DefaultRules()
	rules.MaxShopperLine = cfg.MaxLineQuantity
	st := store.New(d.DB)
	client := d.Subgraph
	a := app.New(st,
		remote.NewCatalog(client("catalog"), d.Cache, cfg.VariantCacheTTL),
		remote.NewPromotions(client("promotions")),
		remote.NewUsers(client("users")),
		rules)
	events.Register(d.Consumer, st)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(a)},
	}, nil
}
