package graph

import (
	"context"
	"net/http"
	"sync"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// Loaders batch the lookups of one request into one query per edge.
type Loaders struct {
	PaymentByID *dataloader.Loader[string, *payment.Payment]
	// PaymentsOfOrder and RefundsOfPayment load whole sibling groups: the
	// orders of one _entities call, the payments listed together.
	PaymentsOfOrder  *groups[[]*payment.Payment]
	RefundsOfPayment *groups[[]*payment.Refund]
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request.
func NewLoaders(a *app.App) *Loaders {
	l := &Loaders{PaymentByID: loader.New(a.PaymentsByIDs), RefundsOfPayment: newGroups(a.RefundsByPaymentIDs)}
	l.PaymentsOfOrder = newGroups(func(ctx context.Context, orderIDs []string) (map[string][]*payment.Payment, error) {
		found, err := a.PaymentsByOrderIDs(ctx, orderIDs)
		// The payments of a group of orders are listed together: their
		// refunds load together too.
		var ids []string
		for _, ps := range found {
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
		}
		l.RefundsOfPayment.Add(ids)
		return found, err
	})
	return l
}

// Middleware gives every request its own loaders and ownership memo (their
// caches must not outlive the request, nor be shared between callers).
func Middleware(a *app.App) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(app.WithRequestScope(r.Context()), loadersKey{}, NewLoaders(a))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// For returns the request's loaders.
func For(ctx context.Context) *Loaders { return ctx.Value(loadersKey{}).(*Loaders) }

// groups loads an edge for a whole group of sibling keys at once: the first
// resolver of a group fetches every key of it in one query and the others
// read the result. A dataloader's batch window cannot promise that: under
// load its short wait can split one list into several queries.
type groups[V any] struct {
	fetch  loader.Fetch[string, V]
	mu     sync.Mutex
	group  map[string][]string
	loaded map[string]V
	done   map[string]bool
}

func newGroups[V any](fetch loader.Fetch[string, V]) *groups[V] {
	return &groups[V]{fetch: fetch, group: map[string][]string{}, loaded: map[string]V{}, done: map[string]bool{}}
}

// Add records keys as loaded together.
func (g *groups[V]) Add(keys []string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, k := range keys {
		g.group[k] = keys
	}
}

// Get returns key's value, fetching its whole group (what is not loaded yet)
// the first time.
func (g *groups[V]) Get(ctx context.Context, key string) (V, error) {
	g.mu.Lock()
	defer g.mu.Unlock() // resolvers of the same group wait for the one query
	if g.done[key] {
		return g.loaded[key], nil
	}
	keys := []string{key}
	for _, k := range g.group[key] {
		if k != key && !g.done[k] {
			keys = append(keys, k)
		}
	}
	found, err := g.fetch(ctx, keys)
	if err != nil {
		var zero V
		return zero, err
	}
	for _, k := range keys {
		g.loaded[k], g.done[k] = found[k], true
	}
	return g.loaded[key], nil
}
