package graph

import (
	"context"
	"net/http"
	"slices"
	"sync"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// Loaders batch the lookups of one request into one query per edge.
type Loaders struct {
	PaymentByID        *dataloader.Loader[string, *payment.Payment]
	PaymentsByOrderID  *dataloader.Loader[string, []*payment.Payment]
	RefundsByPaymentID *dataloader.Loader[string, []*payment.Refund]

	// Sibling groups: the orders resolved by one _entities call, and the
	// payments listed together. An edge resolver loads the edge for its whole
	// group at once, so N orders cost one query however gqlgen schedules the
	// field resolvers (the loader's short wait alone can split a batch).
	mu       sync.Mutex
	orders   map[string][]string
	payments map[string][]string
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request.
func NewLoaders(a *app.App) *Loaders {
	return &Loaders{
		PaymentByID:        loader.New(a.PaymentsByIDs),
		PaymentsByOrderID:  loader.New(a.PaymentsByOrderIDs),
		RefundsByPaymentID: loader.New(a.RefundsByPaymentIDs),
		orders:             map[string][]string{},
		payments:           map[string][]string{},
	}
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

func group(mu *sync.Mutex, groups map[string][]string, ids []string) {
	mu.Lock()
	defer mu.Unlock()
	for _, id := range ids {
		groups[id] = ids
	}
}

func groupOf(mu *sync.Mutex, groups map[string][]string, id string) []string {
	mu.Lock()
	defer mu.Unlock()
	if g, ok := groups[id]; ok && slices.Contains(g, id) {
		return g
	}
	return []string{id}
}

// paymentsOfOrder loads the payments of orderID together with those of its group.
func (l *Loaders) paymentsOfOrder(ctx context.Context, orderID string) ([]*payment.Payment, error) {
	ids := groupOf(&l.mu, l.orders, orderID)
	lists, err := loader.Many(ctx, l.PaymentsByOrderID, ids)
	if err != nil {
		return nil, err
	}
	var all []string
	for _, ps := range lists {
		for _, p := range ps {
			all = append(all, p.ID)
		}
	}
	group(&l.mu, l.payments, all)
	return lists[slices.Index(ids, orderID)], nil
}

// refundsOfPayment loads the refunds of paymentID together with those of its group.
func (l *Loaders) refundsOfPayment(ctx context.Context, paymentID string) ([]*payment.Refund, error) {
	ids := groupOf(&l.mu, l.payments, paymentID)
	lists, err := loader.Many(ctx, l.RefundsByPaymentID, ids)
	if err != nil {
		return nil, err
	}
	return lists[slices.Index(ids, paymentID)], nil
}
