package graph

import (
	"context"
	"net/http"
	"sync"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/orders/internal/invoice"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// Loaders batch the edges of a list of orders: N orders' items (or
// histories) cost one query.
type Loaders struct {
	ItemsOf   *dataloader.Loader[string, []order.Item]
	HistoryOf *dataloader.Loader[string, []order.Change]
	// FulfilmentsOf is keyed by order id, FulfilmentHistoryOf by fulfilment id.
	FulfilmentsOf       *dataloader.Loader[string, []*order.Fulfilment]
	FulfilmentHistoryOf *dataloader.Loader[string, []order.FulfilmentChange]
	InvoicesOf          *dataloader.Loader[string, []invoice.Invoice]
	Returns             *ReturnLoaders // returns.go

	// Sibling groups: the orders that came back together in one list. An
	// edge resolver loads the edge for the whole group at once, so a page
	// costs one query per edge however the resolvers are scheduled (the
	// loader's short wait alone splits batches under load).
	mu     sync.Mutex
	groups map[string][]string
}

// group records orders as loaded together.
func (l *Loaders) group(orders []*model.Order) {
	ids := make([]string, 0, len(orders))
	for _, o := range orders {
		if o != nil {
			ids = append(ids, o.ID)
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		l.groups[id] = ids
	}
}

// load returns id's value from ld, queueing id's whole group in the same
// batch first. Keys are queued one by one on this goroutine: LoadMany queues
// them from a goroutine each, and under load some miss the batch window.
func load[V any](ctx context.Context, l *Loaders, ld *dataloader.Loader[string, V], id string) (V, error) {
	l.mu.Lock()
	group := l.groups[id]
	l.mu.Unlock()
	for _, k := range group {
		ld.Load(ctx, k) // queued (or cached) now, collected by its sibling's resolver
	}
	return ld.Load(ctx, id)()
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request.
func NewLoaders(a *app.App) *Loaders {
	return &Loaders{
		ItemsOf:   loader.New(a.ItemsByOrderIDs),
		HistoryOf: loader.New(a.HistoryByOrderIDs),

		FulfilmentsOf:       loader.New(a.FulfilmentsByOrderIDs),
		FulfilmentHistoryOf: loader.New(a.FulfilmentHistory),
		InvoicesOf:          loader.New(a.InvoicesByOrderIDs),
		Returns:             newReturnLoaders(a),
		groups:              map[string][]string{},
	}
}

// Middleware gives every request its own loaders and app request scope
// (their caches must not outlive the request, nor be shared between callers).
// A websocket keeps those of its upgrade request; items and history never
// change, and statuses are read fresh for every pushed update.
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
