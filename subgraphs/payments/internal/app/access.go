package app

import (
	"context"
	"slices"
	"sync"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// Admin permissions (admin tokens carry them as scopes).
const (
	ScopeRead   = "payments:read"
	ScopeRefund = "payments:refund"
)

// ReadAllScopes are the admin permissions that show any payment (with the
// provider's ids): payments:read, or payments:refund, which needs to see
// what it refunds. The ADMIN role alone (MARKETING…) sees none.
var ReadAllScopes = [][]string{{ScopeRead}, {ScopeRefund}}

// Visible reports whether the caller may see p: its buyer, the owner of a
// store in its order, or an admin holding one of ReadAllScopes. Anonymous
// callers see nothing. This is the one place: payment(id), Order.payments
// (also through _entities) and refunds all ask it.
func (a *App) Visible(ctx context.Context, p *payment.Payment) (bool, error) {
	id, ok := auth.From(ctx)
	if !ok || p == nil {
		return false, nil
	}
	if auth.Satisfies(id, ReadAllScopes) || p.UserID == id.Subject {
		return true, nil
	}
	return a.ownsStoreOf(ctx, id, p)
}

// mayRefund reports whether the caller may refund p: an admin with
// payments:refund, or the owner of a store in its order.
func (a *App) mayRefund(ctx context.Context, id auth.Identity, p *payment.Payment) (bool, error) {
	if id.Has(ScopeRefund) {
		return true, nil
	}
	return a.ownsStoreOf(ctx, id, p)
}

// ownsStoreOf asks catalog (once per request) which stores an OWNER owns.
func (a *App) ownsStoreOf(ctx context.Context, id auth.Identity, p *payment.Payment) (bool, error) {
	if !id.Has(auth.RoleOwner) || len(p.StoreIDs) == 0 {
		return false, nil
	}
	owned, err := a.storesOwnedBy(ctx, id.Subject)
	if err != nil {
		return false, err
	}
	for _, s := range p.StoreIDs {
		if slices.Contains(owned, s) {
			return true, nil
		}
	}
	return false, nil
}

// ownStoresOf returns the caller's stores among those of p's order (none
// unless OWNER).
func (a *App) ownStoresOf(ctx context.Context, id auth.Identity, p *payment.Payment) ([]string, error) {
	if !id.Has(auth.RoleOwner) || len(p.StoreIDs) == 0 {
		return nil, nil
	}
	owned, err := a.storesOwnedBy(ctx, id.Subject)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range p.StoreIDs {
		if slices.Contains(owned, s) {
			out = append(out, s)
		}
	}
	return out, nil
}

func (a *App) storesOwnedBy(ctx context.Context, ownerID string) ([]string, error) {
	m, _ := ctx.Value(ownedKey{}).(*ownedMemo)
	if m == nil {
		return a.owners.StoreIDsOwnedBy(ctx, ownerID)
	}
	m.mu.Lock()
	defer m.mu.Unlock() // concurrent resolvers wait for the one call
	if ids, ok := m.byOwner[ownerID]; ok {
		return ids, nil
	}
	ids, err := a.owners.StoreIDsOwnedBy(ctx, ownerID)
	if err != nil {
		return nil, err
	}
	m.byOwner[ownerID] = ids
	return ids, nil
}

type ownedKey struct{}

type ownedMemo struct {
	mu      sync.Mutex
	byOwner map[string][]string
}

// WithRequestScope gives a request its own memo of store ownership, so a list
// of payments costs at most one call to catalog.
func WithRequestScope(ctx context.Context) context.Context {
	return context.WithValue(ctx, ownedKey{}, &ownedMemo{byOwner: map[string][]string{}})
}

// CatalogOwners asks the catalog subgraph, with the caller's credentials.
type CatalogOwners struct {
	Client *subgraph.Client
}

const storeIDsOwnedByQuery = `query StoreIdsOwnedBy($ownerId: ID!) { storeIdsOwnedBy(ownerId: $ownerId) }`

// StoreIDsOwnedBy implements StoreOwners.
func (c CatalogOwners) StoreIDsOwnedBy(ctx context.Context, ownerID string) ([]string, error) {
	var out struct {
		StoreIDsOwnedBy []string `json:"storeIdsOwnedBy"`
	}
	if err := c.Client.Do(ctx, storeIDsOwnedByQuery, map[string]any{"ownerId": ownerID}, &out, subgraph.Idempotent()); err != nil {
		return nil, err
	}
	return out.StoreIDsOwnedBy, nil
}
