// Package server wires the promotions subgraph for platform/service: store
// → app → graph, the catalog client, the order-status consumer, the hold
// expiry worker and the seed.
package server

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/promotions/internal/app"
	"github.com/purra/supergraph/subgraphs/promotions/internal/catalog"
	"github.com/purra/supergraph/subgraphs/promotions/internal/events"
	"github.com/purra/supergraph/subgraphs/promotions/internal/graph"
	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
	"github.com/purra/supergraph/subgraphs/promotions/internal/store"
	"github.com/purra/supergraph/subgraphs/promotions/migrations"
)

// Config is the promotions-specific configuration.
type Config struct {
	// Shipping is free when the discounted subtotal reaches this (₹499).
	FreeShippingAbovePaise int64 `env:"FREE_SHIPPING_ABOVE_PAISE" envDefault:"49900"`
	// ShippingFeePaise is charged below it (₹49).
	ShippingFeePaise int64 `env:"SHIPPING_FEE_PAISE" envDefault:"4900"`
	// CouponHoldTTL: a PENDING hold this old had no order and is released.
	// Keep it well above the stock reservation TTL (15 min), after which
	// an unpaid order is cancelled anyway.
	CouponHoldTTL time.Duration `env:"COUPON_HOLD_TTL" envDefault:"1h"`
	// CouponHoldSweep is how often expired holds are looked for.
	CouponHoldSweep time.Duration `env:"COUPON_HOLD_SWEEP" envDefault:"1m"`
	// CouponMissesPerMinute: unknown coupon codes a caller may try per minute.
	CouponMissesPerMinute int `env:"COUPON_MISSES_PER_MINUTE" envDefault:"30"`
	// RulesCacheTTL bounds how long the rule set is served from Redis.
	RulesCacheTTL time.Duration `env:"DISCOUNT_RULES_CACHE_TTL" envDefault:"1m"`
}

// LoadConfig reads and checks Config.
func LoadConfig(getenv func(string) string) (Config, error) {
	var c Config
	if err := config.Load(&c, getenv); err != nil {
		return c, err
	}
	switch {
	case c.FreeShippingAbovePaise < 0 || c.ShippingFeePaise < 0:
		return c, fmt.Errorf("config: FREE_SHIPPING_ABOVE_PAISE and SHIPPING_FEE_PAISE must not be negative")
	case c.CouponHoldTTL < time.Minute:
		return c, fmt.Errorf("config: COUPON_HOLD_TTL must be at least 1m")
	case c.CouponHoldSweep <= 0 || c.RulesCacheTTL <= 0:
		return c, fmt.Errorf("config: COUPON_HOLD_SWEEP and DISCOUNT_RULES_CACHE_TTL must be positive")
	case c.CouponMissesPerMinute < 1:
		return c, fmt.Errorf("config: COUPON_MISSES_PER_MINUTE must be at least 1")
	}
	return c, nil
}

// Spec describes the promotions subgraph to platform/service.
func Spec() service.Spec {
	return service.Spec{
		Name:        "promotions",
		DefaultAddr: ":3006",
		Migrations:  migrations.FS,
		Build:       build,
		Seed: func(ctx context.Context, d *service.Deps) error {
			_, err := seed.Run(ctx, store.New(d.DB, d.Topic, d.Name))
			return err
		},
	}
}

// NewApp builds the application on d with its configuration; catalog is
// found at CATALOG_SUBGRAPH_URL (default http://127.0.0.1:3002/graphql).
func NewApp(d *service.Deps) (*app.App, Config, error) {
	cfg, err := LoadConfig(d.Getenv)
	if err != nil {
		return nil, cfg, err
	}
	a := app.New(store.New(d.DB, d.Topic, d.Name), catalog.New(d.Subgraph("catalog")), d.Cache, d.Limiter,
		app.Config{
			Shipping: promo.Shipping{FreeAbovePaise: cfg.FreeShippingAbovePaise, FeePaise: cfg.ShippingFeePaise},
			HoldTTL:  cfg.CouponHoldTTL, RulesTTL: cfg.RulesCacheTTL, MissesPerMinute: cfg.CouponMissesPerMinute,
		}, d.Log)
	return a, cfg, nil
}

func build(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	a, cfg, err := NewApp(d)
	if err != nil {
		return nil, err
	}
	events.Register(d.Consumer, a)
	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(a)},
		Workers: []func(ctx context.Context) error{
			func(ctx context.Context) error { return a.ExpireHolds(ctx, cfg.CouponHoldSweep) },
		},
	}, nil
}
