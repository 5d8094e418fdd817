package graph

import (
	"context"
	"net/http"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/httpx"
	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/promotions/internal/app"
	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// Loaders batch the lookups of one request: N coupons, or the usage of N
// coupons, cost one query each.
type Loaders struct {
	CouponByID    *dataloader.Loader[string, *promo.Coupon]
	CountsOf      *dataloader.Loader[string, promo.CouponCounts]
	AssignedUsers *dataloader.Loader[string, []promo.CouponUser]
}

type loadersKey struct{}

// NewLoaders returns fresh loaders for one request (they see the caller's
// identity through the context of the batch's first load).
func NewLoaders(a *app.App) *Loaders {
	return &Loaders{
		CouponByID:    loader.New(a.CouponsByIDs),
		CountsOf:      loader.New(a.CouponCounts),
		AssignedUsers: loader.New(a.AssignedUsers),
	}
}

// Middleware gives every request its own loaders (their caches must not
// outlive the request, nor be shared between callers) and records the
// client's address for the budget of unknown coupon codes.
func Middleware(a *app.App) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), loadersKey{}, NewLoaders(a))
			ctx = app.WithClient(ctx, httpx.ClientIP(r.Context()))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// For returns the request's loaders.
func For(ctx context.Context) *Loaders { return ctx.Value(loadersKey{}).(*Loaders) }
