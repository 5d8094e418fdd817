package app

import (
	"context"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
)

// Categories and brands are curated by admins with catalog:write (checked by
// the schema and again here). Every write is audited in its transaction and
// drops the cached pages that show what changed.

func requireCatalogWrite(ctx context.Context) error {
	id, err := auth.Require(ctx)
	if err != nil {
		return err
	}
	if !writesAnyStore(id) {
		return errs.Denied("requires " + ScopeCatalogWrite)
	}
	return nil
}

// CreateCategory adds a category (a root when ParentID is "").
func (a *App) CreateCategory(ctx context.Context, in catalog.NewCategory) (catalog.Category, error) {
	if err := requireCatalogWrite(ctx); err != nil {
		return catalog.Category{}, err
	}
	if err := in.Validate(); err != nil {
		return catalog.Category{}, err
	}
	return a.store.CreateCategory(ctx, in)
}

// UpdateCategory changes a category; renaming or moving it drops the pages
// of the products below it (their breadcrumbs).
func (a *App) UpdateCategory(ctx context.Context, id string, c catalog.CategoryChanges) (catalog.Category, error) {
	if err := requireCatalogWrite(ctx); err != nil {
		return catalog.Category{}, err
	}
	cid, ok := catalog.ParseID(id)
	if !ok {
		return catalog.Category{}, errs.Missing("category")
	}
	if err := c.Validate(); err != nil {
		return catalog.Category{}, err
	}
	if c.SetParent && c.ParentID == cid {
		return catalog.Category{}, catalog.ErrCategoryCycle
	}
	out, pages, err := a.store.UpdateCategory(ctx, cid, c)
	if err != nil {
		return out, err
	}
	a.dropProductPages(ctx, pages)
	return out, nil
}

// CreateBrand adds a brand.
func (a *App) CreateBrand(ctx context.Context, in catalog.NewBrand) (catalog.Brand, error) {
	if err := requireCatalogWrite(ctx); err != nil {
		return catalog.Brand{}, err
	}
	if err := in.Validate(); err != nil {
		return catalog.Brand{}, err
	}
	return a.store.CreateBrand(ctx, in)
}

// UpdateBrand changes a brand and drops the pages of its products.
func (a *App) UpdateBrand(ctx context.Context, id string, c catalog.BrandChanges) (catalog.Brand, error) {
	if err := requireCatalogWrite(ctx); err != nil {
		return catalog.Brand{}, err
	}
	bid, ok := catalog.ParseID(id)
	if !ok {
		return catalog.Brand{}, errs.Missing("brand")
	}
	if err := c.Validate(); err != nil {
		return catalog.Brand{}, err
	}
	out, pages, err := a.store.UpdateBrand(ctx, bid, c)
	if err != nil {
		return out, err
	}
	a.dropProductPages(ctx, pages)
	return out, nil
}

// dropProductPages deletes the cached pages (by id and slug) of products.
func (a *App) dropProductPages(ctx context.Context, pages []store.ProductKey) {
	keys := make([]string, 0, 2*len(pages))
	for _, p := range pages {
		keys = append(keys, PageKeyByID(p.ID), PageKeyBySlug(p.Slug))
	}
	a.dropPages(ctx, keys)
}
