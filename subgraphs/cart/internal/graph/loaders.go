package graph

import (
	"context"
	"net/http"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/cart/internal/app"
	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// Loaders batch the cart and wishlist lookups of one request: however many
// User representations the router sends, each costs one query (the app
// shows only the caller's own, so at most one row is ever loaded).
type Loaders struct {
	CartByUserID     *dataloader.Loader[string, *cart.Cart]
	WishlistByUserID *dataloader.Loader[string, *cart.Wishlist]
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request.
func NewLoaders(a *app.App) *Loaders {
	return &Loaders{
		CartByUserID:     loader.New(a.CartsOf),
		WishlistByUserID: loader.New(a.WishlistsOf),
	}
}

// Middleware gives every request its own loaders (their caches hold one
// caller's cart and must not outlive the request).
func Middleware(a *app.App) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), loadersKey{}, NewLoaders(a))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// loaders returns the request's loaders (fresh ones for an operation that
// came without the middleware, e.g. over a websocket).
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.App)
}
