package graph

import (
	"context"
	"net/http"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/reviews/internal/app"
	"github.com/purra/supergraph/subgraphs/reviews/internal/review"
)

// Loaders batch the Product fields of one request: however many products
// the router sends to _entities (a search page of 40), their ratings cost
// one query and their review pages another.
type Loaders struct {
	Rating  *dataloader.Loader[string, review.Rating]
	Reviews *dataloader.Loader[app.ProductPageKey, []review.Review]
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request.
func NewLoaders(a *app.App) *Loaders {
	return &Loaders{
		Rating:  loader.New(a.Ratings),
		Reviews: loader.New(a.ProductPages),
	}
}

// Middleware gives every request its own loaders (a cached rating must not
// outlive the request that read it).
func Middleware(a *app.App) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), loadersKey{}, NewLoaders(a))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// loaders returns the request's loaders (fresh ones for an operation that
// came without the middleware).
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.App)
}
