package store

import (
	"context"
	"fmt"

	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Page reads a whole product page by id or slug (exactly one is set), nil
// when there is no such product. It runs on a cache miss only.
func (s *Store) Page(ctx context.Context, id, slug string) (*catalog.Page, error) {
	where, key := "p.id = $1::uuid", id
	if id == "" {
		where, key = "p.slug = $1", slug
	}
	p, err := scanProduct(s.db.QueryRow(ctx, `SELECT `+productCols+` FROM products p WHERE `+where, key))
	if pg.IsNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("product page %s%s: %w", id, slug, err)
	}
	page := &catalog.Page{Product: p}
	ids := []string{p.ID}
	stores, err := s.StoresByIDs(ctx, []string{p.StoreID})
	if err != nil {
		return nil, err
	}
	page.StoreStatus = stores[p.StoreID].Status
	brands, err := s.BrandsByIDs(ctx, []string{p.BrandID})
	if err != nil {
		return nil, err
	}
	page.Brand = brands[p.BrandID]
	crumbs, err := s.Breadcrumbs(ctx, []string{p.CategoryID})
	if err != nil {
		return nil, err
	}
	page.Breadcrumbs = crumbs[p.CategoryID]
	media, err := s.ProductMedia(ctx, ids)
	if err != nil {
		return nil, err
	}
	page.Media = media[p.ID]
	variants, err := s.VariantsByProduct(ctx, ids)
	if err != nil {
		return nil, err
	}
	page.Variants = variants[p.ID]
	if len(page.Variants) == 0 {
		return page, nil
	}
	vids := make([]string, len(page.Variants))
	for i, v := range page.Variants {
		vids[i] = v.ID
	}
	attrs, err := s.VariantAttributes(ctx, vids)
	if err != nil {
		return nil, err
	}
	vmedia, err := s.VariantMedia(ctx, vids)
	if err != nil {
		return nil, err
	}
	for i := range page.Variants {
		page.Variants[i].Attributes = attrs[page.Variants[i].ID]
		page.Variants[i].Media = vmedia[page.Variants[i].ID]
	}
	return page, nil
}
