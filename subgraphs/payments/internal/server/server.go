// Package server wires the payments subgraph for platform/service: store →
// app → graph, the per-request loaders, the orders events consumers, the
// providers' webhook routes, and the workers (provider calls, sandbox callbacks).
package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/events"
	"github.com/purra/supergraph/subgraphs/payments/internal/graph"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/razorpay"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/sandbox"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
	"github.com/purra/supergraph/subgraphs/payments/internal/webhook"
	"github.com/purra/supergraph/subgraphs/payments/migrations"
)

// DefaultAddr is where payments listens unless HTTP_ADDR says otherwise.
const DefaultAddr = ":3005"

// Spec describes the payments subgraph to platform/service. It has no seed:
// payments come from orders (`payments seed` only migrates).
func Spec() service.Spec {
	return service.Spec{
		Name:        "payments",
		DefaultAddr: DefaultAddr,
		Migrations:  migrations.FS,
		Build:       Build,
	}
}

// Build wires the subgraph on d.
func Build(_ context.Context, d *service.Deps) (*service.Subgraph, error) {
	addr := d.Config.HTTPAddr
	if addr == "" {
		addr = DefaultAddr
	}
	if err := d.Registry.Register(webhook.Verifications); err != nil {
		return nil, err
	}
	cfg, err := loadConfig(d.Getenv, addr)
	if err != nil {
		return nil, err
	}
	var online provider.Provider
	var others []provider.Provider
	var workers []func(context.Context) error
	routes := map[string]http.Handler{}

	if payment.Provider(cfg.Provider) == payment.ProviderSandbox {
		sbCfg := cfg.sandbox()
		sbCfg.Log = d.Log
		sb := sandbox.New(sbCfg, d.DB)
		online = sb
		workers = append(workers, sb.Run)
	}
	if cfg.razorpayConfigured() {
		rp, err := razorpay.New(cfg.razorpay())
		if err != nil {
			return nil, err
		}
		if online == nil {
			online = rp
		} else {
			others = append(others, rp)
		}
	}

	settle, err := cfg.settlement()
	if err != nil {
		return nil, err
	}
	a, err := app.New(app.Options{
		Store:  store.New(d.DB, d.Topic, d.Name),
		Online: online, Others: others,
		Owners:     app.CatalogOwners{Client: d.Subgraph("catalog")},
		Categories: app.CatalogCategories{Client: d.Subgraph("catalog")},
		Settlement: settle,
		Limiter:    d.Limiter, Log: d.Log,
	})
	if err != nil {
		return nil, err
	}
	a.ReconcileAfter, a.FaultPauseAfterProviderOrder = cfg.ReconcileAfter, cfg.FaultPauseAfterProviderOrder
	if a.Metrics, err = app.NewMetrics(d.Registry); err != nil {
		return nil, err
	}
	for _, p := range append(others, online) {
		opts := webhook.Options{RetryUnknown: p.Name() == payment.ProviderSandbox}
		routes["POST "+webhook.Path(strings.ToLower(string(p.Name())))] = webhook.Handler(a, p, d.Log, opts)
	}
	workers = append(workers, a.RunCalls, a.RunSettlements,
		func(ctx context.Context) error { return a.RunReconciler(ctx, cfg.ReconcileInterval) })
	events.Register(d.Consumer, a)

	schema := graph.NewExecutableSchema(graph.Config{
		Resolvers:  &graph.Resolver{App: a},
		Directives: graph.DirectiveRoot{Authenticated: auth.Authenticated, RequiresScopes: auth.RequiresScopes},
	})
	return &service.Subgraph{
		Schema:     schema,
		Middleware: []func(http.Handler) http.Handler{graph.Middleware(a)},
		Routes:     routes,
		Workers:    workers,
	}, nil
}
