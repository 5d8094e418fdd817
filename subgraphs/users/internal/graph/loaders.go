package graph

import (
	"context"
	"net/http"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"
	"github.com/purra/supergraph/subgraphs/users/internal/app"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// Loaders batch the lookups of one request: N users or N address books cost
// one query each.
type Loaders struct {
	UserByID          *dataloader.Loader[string, *user.User]
	AddressesByUserID *dataloader.Loader[string, []user.Address]
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request.
func NewLoaders(a *app.App) *Loaders {
	return &Loaders{
		UserByID: loader.New(func(ctx context.Context, ids []string) (map[string]*user.User, error) {
			found, err := a.UsersByIDs(ctx, ids)
			if err != nil {
				return nil, err
			}
			out := make(map[string]*user.User, len(found))
			for id, u := range found {
				out[id] = &u
			}
			return out, nil
		}),
		// Only User.addresses, which checks who is asking, loads through this.
		AddressesByUserID: loader.New(a.AddressesByUserIDs),
	}
}

// Middleware gives every request its own loaders (their caches must not
// outlive the request, nor be shared between callers).
func Middleware(a *app.App) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), loadersKey{}, NewLoaders(a))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// For returns the request's loaders.
func For(ctx context.Context) *Loaders { return ctx.Value(loadersKey{}).(*Loaders) }
