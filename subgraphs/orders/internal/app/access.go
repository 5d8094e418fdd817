package app

import (
	"context"
	"sync"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// ScopeUpdate lets an admin read and move any order.
const ScopeUpdate = "orders:update"

// requestMemo remembers, for one request (or websocket connection), the
// stores the caller owns: a list of N orders asks catalog once. A failure
// is not remembered, so the next resolver asks again.
type requestMemo struct {
	mu     sync.Mutex
	loaded bool
	stores []string
}

type memoKey struct{}

// WithRequestScope prepares ctx for one request (see requestMemo).
func WithRequestScope(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey{}, &requestMemo{})
}

// ownedStores returns the stores the caller owns (none unless OWNER).
func (a *App) ownedStores(ctx context.Context, id auth.Identity) ([]string, error) {
	if !id.Has(auth.RoleOwner) {
		return nil, nil
	}
	load := func() ([]string, error) { return a.remote.StoreIDsOwnedBy(ctx, id.Subject) }
	m, ok := ctx.Value(memoKey{}).(*requestMemo)
	if !ok {
		return load()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.loaded {
		stores, err := load()
		if err != nil {
			return nil, err
		}
		m.stores, m.loaded = stores, true
	}
	return m.stores, nil
}

// mayManage reports whether the caller may fulfil o: an admin, or the owner
// of a store with items in it.
func (a *App) mayManage(ctx context.Context, id auth.Identity, o *order.Order) (bool, error) {
	if id.Has(ScopeUpdate) {
		return true, nil
	}
	stores, err := a.ownedStores(ctx, id)
	if err != nil {
		return false, err
	}
	return o.HasStore(stores), nil
}

// maySee reports whether the caller may read the whole of o: its buyer, an
// admin, or the owner of the store of a single-store order. The owner of one
// store of a multi-store order may not: the order would show the other
// stores' lines and the whole payment (they read their fulfilment instead).
func (a *App) maySee(ctx context.Context, id auth.Identity, o *order.Order) (bool, error) {
	if o.UserID == id.Subject || id.Has(ScopeUpdate) {
		return true, nil
	}
	if len(o.StoreIDs) != 1 {
		return false, nil
	}
	return a.mayManage(ctx, id, o)
}

var errNotYours = errs.Denied("this order belongs to someone else")
