package app

import (
	"context"
	"errors"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Listing is one page of a product listing.
type Listing struct {
	Products []catalog.Product
	Total    int
	Offset   int // of the first product
}

// Search lists ACTIVE products.
func (a *App) Search(ctx context.Context, in catalog.SearchInput) (Listing, error) {
	q, err := catalog.NewSearch(in)
	if err != nil {
		return Listing{}, err
	}
	return a.list(ctx, q)
}

// StoreProducts lists a store's ACTIVE products, newest first.
func (a *App) StoreProducts(ctx context.Context, storeID string, first int, after string) (Listing, error) {
	q, err := catalog.NewSearch(catalog.SearchInput{Sort: catalog.Newest, First: first, After: after})
	if err != nil {
		return Listing{}, err
	}
	q.StoreID = storeID
	return a.list(ctx, q)
}

func (a *App) list(ctx context.Context, q catalog.Search) (Listing, error) {
	ps, total, err := a.store.Search(ctx, q)
	if err != nil {
		return Listing{}, err
	}
	return Listing{Products: ps, Total: total, Offset: q.Offset}, nil
}

// ProductPage returns a product with everything its page shows, by id or by
// slug (exactly one), from Redis when it can. Products that are not ACTIVE
// are shown only to their store's owner and admins; others get nil.
func (a *App) ProductPage(ctx context.Context, id, slug *string) (*catalog.Page, error) {
	if (id == nil) == (slug == nil) {
		return nil, errs.BadInput("id", "give exactly one of id and slug")
	}
	var key, byID, bySlug string
	if id != nil {
		var ok bool
		if byID, ok = catalog.ParseID(*id); !ok {
			return nil, nil
		}
		key = PageKeyByID(byID)
	} else {
		if len(*slug) > catalog.MaxSlug || !catalog.IsSlug(*slug) {
			return nil, nil
		}
		bySlug = *slug
		key = PageKeyBySlug(bySlug)
	}
	page, err := cache.GetOrLoad(ctx, a.cache, key, a.PageTTL, func(ctx context.Context) (*catalog.Page, error) {
		p, err := a.store.Page(ctx, byID, bySlug)
		if err == nil && p == nil {
			err = errNoPage // a miss is not cached: the slug may be taken later
		}
		return p, err
	})
	if errors.Is(err, errNoPage) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// Shoppers see ACTIVE products of ACTIVE stores; owners and admins see the rest.
	if page.Product.Status != catalog.Active || page.StoreStatus != catalog.StoreActive {
		if ok, err := a.mayManage(ctx, page.Product.StoreID); err != nil || !ok {
			return nil, err
		}
	}
	return page, nil
}

// mayManage reports whether the caller owns storeID (or is an admin).
func (a *App) mayManage(ctx context.Context, storeID string) (bool, error) {
	id, ok := auth.From(ctx)
	if !ok {
		return false, nil
	}
	if isAdmin(id) {
		return true, nil
	}
	stores, err := a.store.StoresByIDs(ctx, []string{storeID})
	if err != nil {
		return false, err
	}
	return stores[storeID].OwnerUserID == id.Subject, nil
}

// VariantsByIDs returns variants by id.
func (a *App) VariantsByIDs(ctx context.Context, ids []string) (map[string]catalog.Variant, error) {
	return a.store.VariantsByIDs(ctx, ids)
}

// StoresByIDs returns the stores the catalogue knows.
func (a *App) StoresByIDs(ctx context.Context, ids []string) (map[string]catalog.Store, error) {
	return a.store.StoresByIDs(ctx, ids)
}

// Categories returns the whole category tree as a flat list.
func (a *App) Categories(ctx context.Context) ([]catalog.Category, error) {
	return a.store.Categories(ctx)
}

// CategoryBySlug returns a category, or nil.
func (a *App) CategoryBySlug(ctx context.Context, slug string) (*catalog.Category, error) {
	if len(slug) > catalog.MaxSlug || !catalog.IsSlug(slug) {
		return nil, nil
	}
	return a.store.CategoryBySlug(ctx, slug)
}

// Brands returns every brand.
func (a *App) Brands(ctx context.Context) ([]catalog.Brand, error) { return a.store.Brands(ctx) }

// Attributes returns every attribute with its values.
func (a *App) Attributes(ctx context.Context) ([]catalog.Attribute, error) {
	return a.store.Attributes(ctx)
}
