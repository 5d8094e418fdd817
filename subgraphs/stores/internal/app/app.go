// Package app holds the stores use cases: who may see and change which
// store, and where transactions begin (in the store package, one per use
// case). Resolvers and consumers call it.
package app

import (
	"context"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
	"github.com/purra/supergraph/subgraphs/stores/internal/store"
)

// AdminScope is the admin permission that approves, suspends and
// reactivates stores and sees stores of any status.
const AdminScope = "stores:approve"

// CreatesPerMinute bounds how many stores one user may try to open per minute.
const CreatesPerMinute = 30

// App is the stores application layer.
type App struct {
	store   *store.Store
	limiter *cache.Limiter
	now     func() time.Time
}

// New returns the use cases.
func New(st *store.Store, limiter *cache.Limiter) *App {
	return &App{store: st, limiter: limiter, now: func() time.Time { return time.Now().UTC() }}
}

// MayManage reports whether the caller may see ownerID's stores whatever
// their status: the owner themself or an admin holding stores:approve.
func MayManage(ctx context.Context, ownerID string) bool {
	id, ok := auth.From(ctx)
	return ok && (id.Subject == ownerID || id.Has(AdminScope))
}

// visible reports whether the caller may see st through the public queries.
func visible(ctx context.Context, st shop.Store) bool {
	return st.Status == shop.Active || MayManage(ctx, st.OwnerID)
}

// parseID returns a canonical store id argument, or NOT_FOUND for one that
// cannot name a store.
func parseID(id string) (string, error) {
	sid, ok := store.ParseID(id)
	if !ok {
		return "", shop.ErrNotFound
	}
	return sid, nil
}

// canonical keeps the well-formed ids of ids (a malformed one names nothing).
func canonical(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if c, ok := store.ParseID(id); ok {
			out = append(out, c)
		}
	}
	return out
}

// badFirst refuses a page size outside 1–100.
func badFirst(first int) error {
	if first < 1 || first > 100 {
		return errs.BadInput("first", "must be 1–100")
	}
	return nil
}
