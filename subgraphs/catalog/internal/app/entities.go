package app

import (
	"context"

	"github.com/purra/supergraph/platform/auth"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Entity lookups (_entities) answer the router and the subgraphs allowed to
// ask (schema: @callers), but a service credential says who calls, not on
// whose behalf: a DRAFT product, and its variants, resolve only when the
// user context behind the call may see it (mayViewDraft). ACTIVE and
// ARCHIVED products resolve for everybody: carts and past orders refer to them.

// EntityProducts returns the products among ids the caller may see.
func (a *App) EntityProducts(ctx context.Context, ids []string) (map[string]catalog.Product, error) {
	ps, err := a.store.ProductsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	return ps, a.dropDrafts(ctx, ps)
}

// EntityVariants returns the variants among ids whose product the caller may see.
func (a *App) EntityVariants(ctx context.Context, ids []string) (map[string]catalog.Variant, error) {
	vs, ps, err := a.store.VariantEntities(ctx, ids)
	if err != nil {
		return nil, err
	}
	if err := a.dropDrafts(ctx, ps); err != nil {
		return nil, err
	}
	for id, v := range vs {
		if _, ok := ps[v.ProductID]; !ok {
			delete(vs, id)
		}
	}
	return vs, nil
}

// dropDrafts removes from ps the DRAFT products the caller may not see.
func (a *App) dropDrafts(ctx context.Context, ps map[string]catalog.Product) error {
	var storeIDs []string
	for _, p := range ps {
		if p.Status == catalog.Draft {
			storeIDs = append(storeIDs, p.StoreID)
		}
	}
	if len(storeIDs) == 0 {
		return nil
	}
	id, signedIn := auth.From(ctx)
	var stores map[string]catalog.Store
	if signedIn && !id.Has(ScopeCatalogWrite) {
		var err error
		if stores, err = a.store.StoresByIDs(ctx, storeIDs); err != nil {
			return err
		}
	}
	for pid, p := range ps {
		if p.Status == catalog.Draft && !mayViewDraft(id, signedIn, stores[p.StoreID]) {
			delete(ps, pid)
		}
	}
	return nil
}

// mayViewDraft: the owner of the product's store, or an admin holding
// catalog:write. Other admins (MARKETING, SUPPORT) do not see drafts.
func mayViewDraft(id auth.Identity, signedIn bool, st catalog.Store) bool {
	return signedIn && (id.Has(ScopeCatalogWrite) || (st.OwnerUserID != "" && st.OwnerUserID == id.Subject))
}
