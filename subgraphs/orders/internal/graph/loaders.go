package graph

import (
	"context"
	"net/http"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// Loaders batch the edges of a list of orders: N orders' items (or
// histories) cost one query.
type Loaders struct {
	ItemsOf   *dataloader.Loader[string, []order.Item]
	HistoryOf *dataloader.Loader[string, []order.Change]
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request.
func NewLoaders(a *app.App) *Loaders {
	return &Loaders{
		ItemsOf:   loader.New(a.ItemsByOrderIDs),
		HistoryOf: loader.New(a.HistoryByOrderIDs),
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
