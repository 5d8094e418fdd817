package graph

import (
	"context"
	"net/http"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/app"
)

// Loaders batch the lookups of one request: the roles of N admins, or the
// admins of N audit entries, cost one query each.
type Loaders struct {
	AdminByID *dataloader.Loader[string, *admin.Admin]
	RoleByID  *dataloader.Loader[string, *admin.Role]
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request.
func NewLoaders(a *app.App) *Loaders {
	return &Loaders{
		AdminByID: loader.New(pointers(a.AdminsByIDs)),
		RoleByID:  loader.New(pointers(a.RolesByIDs)),
	}
}

func pointers[V any](fetch func(context.Context, []string) (map[string]V, error)) func(context.Context, []string) (map[string]*V, error) {
	return func(ctx context.Context, ids []string) (map[string]*V, error) {
		found, err := fetch(ctx, ids)
		if err != nil {
			return nil, err
		}
		out := make(map[string]*V, len(found))
		for id, v := range found {
			out[id] = &v
		}
		return out, nil
	}
}

// Middleware gives every request its own loaders, keeps the caller's
// User-Agent for adminLogin, and records that an admin session is in use.
func Middleware(a *app.App, logErr func(ctx context.Context, msg string, args ...any)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), loadersKey{}, NewLoaders(a))
			ctx = app.WithDevice(ctx, r.UserAgent())
			if err := a.Touch(ctx); err != nil {
				logErr(ctx, "record admin session activity", "err", err)
			}
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// For returns the request's loaders.
func For(ctx context.Context) *Loaders { return ctx.Value(loadersKey{}).(*Loaders) }
