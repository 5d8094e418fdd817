package app

import (
	"context"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// CreateProduct lists a DRAFT product in a store the caller owns (or, with
// catalog:write, in any store).
func (a *App) CreateProduct(ctx context.Context, in catalog.NewProduct) (catalog.Product, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return catalog.Product{}, err
	}
	if err := in.Validate(); err != nil {
		return catalog.Product{}, err
	}
	stores, err := a.store.StoresByIDs(ctx, []string{in.StoreID})
	if err != nil {
		return catalog.Product{}, err
	}
	st, ok := stores[in.StoreID]
	if !ok {
		return catalog.Product{}, errs.BadInput("storeId", "unknown store")
	}
	if st.OwnerUserID != id.Subject && !writesAnyStore(id) {
		return catalog.Product{}, errs.Denied("only the store's owner may list products in it")
	}
	in.CreatedBy = id.Subject
	return a.store.CreateProduct(ctx, in)
}

// UpdateProduct changes a product of a store the caller owns.
func (a *App) UpdateProduct(ctx context.Context, productID string, c catalog.ProductChanges) (catalog.Product, error) {
	pid, ok := catalog.ParseID(productID)
	if !ok {
		return catalog.Product{}, errs.Missing("product")
	}
	id, err := a.authorizeProduct(ctx, pid)
	if err != nil {
		return catalog.Product{}, err
	}
	if err := c.Validate(); err != nil {
		return catalog.Product{}, err
	}
	before, after, err := a.store.UpdateProduct(ctx, pid, id.Subject, func(p *catalog.Product, variants int) ([]string, error) {
		return p.Apply(c, variants)
	})
	if err != nil {
		return after, err
	}
	a.invalidate(ctx, pid, before.Slug, after.Slug)
	return after, nil
}

// ArchiveProduct archives a product of a store the caller owns.
func (a *App) ArchiveProduct(ctx context.Context, productID string) (catalog.Product, error) {
	pid, ok := catalog.ParseID(productID)
	if !ok {
		return catalog.Product{}, errs.Missing("product")
	}
	id, err := a.authorizeProduct(ctx, pid)
	if err != nil {
		return catalog.Product{}, err
	}
	p, err := a.store.ArchiveProduct(ctx, pid, id.Subject)
	if err != nil {
		return p, err
	}
	a.invalidate(ctx, pid, p.Slug)
	return p, nil
}

// CreateVariant adds a variant to a product of a store the caller owns.
func (a *App) CreateVariant(ctx context.Context, in catalog.NewVariant) (catalog.Variant, error) {
	pid, ok := catalog.ParseID(in.ProductID)
	if !ok {
		return catalog.Variant{}, errs.Missing("product")
	}
	in.ProductID = pid
	id, err := a.authorizeProduct(ctx, pid)
	if err != nil {
		return catalog.Variant{}, err
	}
	if err := in.Validate(); err != nil {
		return catalog.Variant{}, err
	}
	v, err := a.store.CreateVariant(ctx, in, id.Subject)
	if err != nil {
		return v, err
	}
	a.invalidateProduct(ctx, pid)
	return v, nil
}

// UpdateVariant changes a variant of a product of a store the caller owns.
func (a *App) UpdateVariant(ctx context.Context, variantID string, c catalog.VariantChanges) (catalog.Variant, error) {
	vid, ok := catalog.ParseID(variantID)
	if !ok {
		return catalog.Variant{}, errs.Missing("variant")
	}
	id, pid, err := a.authorizeVariant(ctx, vid)
	if err != nil {
		return catalog.Variant{}, err
	}
	if err := c.Validate(); err != nil {
		return catalog.Variant{}, err
	}
	v, err := a.store.UpdateVariant(ctx, vid, id.Subject, func(v *catalog.Variant) (*catalog.VariantPriceChanged, []string, error) {
		return v.Apply(c)
	})
	if err != nil {
		return v, err
	}
	a.invalidateProduct(ctx, pid)
	return v, nil
}

// AddProductMedia adds an image to a product of a store the caller owns.
func (a *App) AddProductMedia(ctx context.Context, m catalog.NewMedia) (catalog.Media, error) {
	pid, ok := catalog.ParseID(m.OwnerID)
	if !ok {
		return catalog.Media{}, errs.Missing("product")
	}
	m.OwnerID = pid
	id, err := a.authorizeProduct(ctx, pid)
	if err != nil {
		return catalog.Media{}, err
	}
	if err := m.Validate(); err != nil {
		return catalog.Media{}, err
	}
	out, err := a.store.AddProductMedia(ctx, m, id.Subject)
	if err != nil {
		return out, err
	}
	a.invalidateProduct(ctx, pid)
	return out, nil
}

// AddVariantMedia adds an image to a variant of a store the caller owns.
func (a *App) AddVariantMedia(ctx context.Context, m catalog.NewMedia) (catalog.Media, error) {
	vid, ok := catalog.ParseID(m.OwnerID)
	if !ok {
		return catalog.Media{}, errs.Missing("variant")
	}
	m.OwnerID = vid
	id, pid, err := a.authorizeVariant(ctx, vid)
	if err != nil {
		return catalog.Media{}, err
	}
	if err := m.Validate(); err != nil {
		return catalog.Media{}, err
	}
	out, err := a.store.AddVariantMedia(ctx, m, id.Subject)
	if err != nil {
		return out, err
	}
	a.invalidateProduct(ctx, pid)
	return out, nil
}

// invalidateProduct drops a product's pages after a change that keeps its slug.
func (a *App) invalidateProduct(ctx context.Context, productID string) {
	ps, err := a.store.ProductsByIDs(ctx, []string{productID})
	if err != nil {
		// The id key still goes; the slug key expires with its TTL.
		a.log.WarnContext(ctx, "invalidate product page: read slug", "product_id", productID, "err", err)
	}
	a.invalidate(ctx, productID, ps[productID].Slug)
}

// CreateAttribute creates a shared attribute (any owner may; admins curate later).
func (a *App) CreateAttribute(ctx context.Context, in catalog.NewAttribute) (catalog.Attribute, error) {
	if _, err := auth.Require(ctx); err != nil {
		return catalog.Attribute{}, err
	}
	if err := in.Validate(); err != nil {
		return catalog.Attribute{}, err
	}
	return a.store.CreateAttribute(ctx, in)
}

// AddAttributeValue adds a value to a shared attribute.
func (a *App) AddAttributeValue(ctx context.Context, attributeID, value string) (catalog.Attribute, catalog.AttributeValue, error) {
	if _, err := auth.Require(ctx); err != nil {
		return catalog.Attribute{}, catalog.AttributeValue{}, err
	}
	aid, ok := catalog.ParseID(attributeID)
	if !ok {
		return catalog.Attribute{}, catalog.AttributeValue{}, errs.Missing("attribute")
	}
	v, err := catalog.AttributeValueText("value", value)
	if err != nil {
		return catalog.Attribute{}, catalog.AttributeValue{}, err
	}
	return a.store.AddAttributeValue(ctx, aid, v)
}
