package app

import (
	"context"
	"sync"

	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
)

// Catalog asks the catalog subgraph which stores a user owns, with the
// caller's own credentials (platform/subgraph).
type Catalog struct {
	Client *subgraph.Client
}

const storesOwnedQuery = `query($ownerId: ID!) { storeIdsOwnedBy(ownerId: $ownerId) }`

// StoreIDsOwnedBy implements Owners.
func (c Catalog) StoreIDsOwnedBy(ctx context.Context, ownerID string) ([]string, error) {
	var out struct {
		StoreIDsOwnedBy []string `json:"storeIdsOwnedBy"`
	}
	err := c.Client.Do(ctx, storesOwnedQuery, map[string]any{"ownerId": ownerID}, &out, subgraph.Idempotent())
	return out.StoreIDsOwnedBy, err
}

// ownedMemo remembers, for one request, the stores its caller owns: a page
// of N variants asks catalog once, not N times.
type ownedMemo struct {
	once  sync.Once
	owned map[string]bool
	err   error
}

type memoKey struct{}

// WithRequestScope returns ctx with the per-request memo of store ownership;
// the graph middleware calls it for every request.
func WithRequestScope(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey{}, &ownedMemo{})
}

// ownedStores returns the set of store ids ownerID owns. Within a request
// scope, catalog is asked at most once.
func (a *App) ownedStores(ctx context.Context, ownerID string) (map[string]bool, error) {
	load := func() (map[string]bool, error) {
		if _, ok := stock.ParseID(ownerID); !ok {
			return map[string]bool{}, nil // not a user id: owns nothing
		}
		ids, err := a.owners.StoreIDsOwnedBy(ctx, ownerID)
		if err != nil {
			return nil, err
		}
		set := make(map[string]bool, len(ids))
		for _, id := range ids {
			if s, ok := stock.ParseID(id); ok {
				set[s] = true
			}
		}
		return set, nil
	}
	m, ok := ctx.Value(memoKey{}).(*ownedMemo)
	if !ok {
		return load()
	}
	m.once.Do(func() { m.owned, m.err = load() })
	return m.owned, m.err
}
