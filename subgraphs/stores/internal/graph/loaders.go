package graph

import (
	"context"
	"net/http"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"
	"github.com/purra/supergraph/subgraphs/stores/internal/app"
	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
)

// Loaders batch the lookups of one request: User.stores of N users costs
// one query. (Store entities need no loader: `_entities` hands the resolver
// every representation at once, and it reads them in one query.)
type Loaders struct {
	StoresByOwner *dataloader.Loader[string, []shop.Store]
}

type loadersKey struct{}

// Middleware gives every request its own loaders (their caches must not
// outlive the request, nor be shared between callers).
func Middleware(a *app.App) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			l := &Loaders{StoresByOwner: loader.New(a.StoresByOwners)}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), loadersKey{}, l)))
		})
	}
}

// For returns the request's loaders.
func For(ctx context.Context) *Loaders { return ctx.Value(loadersKey{}).(*Loaders) }
