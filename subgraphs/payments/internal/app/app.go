// Package app holds the payments use cases: creating payments from
// order.placed, reacting to order status changes, applying provider webhooks,
// refunds, the provider call worker, and who may see or refund a payment.
// Each use case is one store transaction; provider calls are made outside
// transactions (see calls.go).
package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/purra/supergraph/platform/cache"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
)

// StoreOwners answers which stores a user owns (catalog's storeIdsOwnedBy).
type StoreOwners interface {
	StoreIDsOwnedBy(ctx context.Context, ownerID string) ([]string, error)
}

// Options are App's dependencies.
type Options struct {
	Store *store.Store
	// Online processes UPI, card and net-banking payments (SANDBOX or RAZORPAY).
	Online provider.Provider
	// Others are providers of payments made earlier under another
	// configuration, still needed for their refunds and callbacks.
	Others []provider.Provider
	Owners StoreOwners
	// Categories checks commission rates' categories (required).
	Categories Categories
	// Settlement configures the ledger and the settlement job.
	Settlement SettlementOptions
	Limiter    *cache.Limiter
	Log        *slog.Logger
}

// App is the payments use cases.
type App struct {
	store      *store.Store
	online     payment.Provider
	providers  map[payment.Provider]provider.Provider
	owners     StoreOwners
	categories Categories
	settle     SettlementOptions
	limiter    *cache.Limiter
	log        *slog.Logger
	now        func() time.Time

	// CallLease is how long a provider call is held by whoever makes it;
	// after that another worker may retry it.
	CallLease time.Duration
	// CallPoll is how often the worker looks for due calls without a NOTIFY.
	CallPoll time.Duration
	// MaxCallAttempts before a call is given up (backoff 1 s doubling, at most 5 min).
	MaxCallAttempts int
	// RefundsPerMinute limits refundPayment per caller.
	RefundsPerMinute int
	// FaultPauseAfterProviderOrder (tests only, 0 = off) pauses the call
	// worker between creating a provider order and recording it.
	FaultPauseAfterProviderOrder time.Duration
	// ReconcileAfter: a payment still unsettled this long after it was
	// created is compared with its provider (reconcile.go).
	ReconcileAfter time.Duration
	// Metrics counts reconciliation actions (nil: not counted).
	Metrics *Metrics
}

// New returns the use cases.
func New(o Options) (*App, error) {
	if o.Online == nil || o.Store == nil || o.Owners == nil || o.Categories == nil || o.Log == nil {
		return nil, fmt.Errorf("payments app: store, online provider, owners, categories and log are required")
	}
	if n := o.Online.Name(); n == payment.ProviderCOD {
		return nil, fmt.Errorf("payments app: %s cannot be the online provider", n)
	}
	a := &App{
		store: o.Store, online: o.Online.Name(), owners: o.Owners, categories: o.Categories, settle: o.Settlement,
		limiter: o.Limiter, log: o.Log,
		now:       func() time.Time { return time.Now().UTC() },
		providers: map[payment.Provider]provider.Provider{payment.ProviderCOD: provider.COD{}},
		CallLease: 30 * time.Second, CallPoll: time.Second, MaxCallAttempts: 12, RefundsPerMinute: 30,
	}
	for _, p := range append(o.Others, o.Online) {
		a.providers[p.Name()] = p
	}
	return a, nil
}

// Provider returns the configured provider named name, if any.
func (a *App) Provider(name payment.Provider) (provider.Provider, bool) {
	p, ok := a.providers[name]
	return p, ok
}
