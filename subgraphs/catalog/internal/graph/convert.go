package graph

import (
	"context"

	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/catalog/internal/app"
	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
	"github.com/purra/supergraph/subgraphs/catalog/internal/graph/model"
)

func toProduct(p catalog.Product) *model.Product {
	m := &model.Product{
		ID: p.ID, Title: p.Title, Slug: p.Slug, Description: p.Description, HsnCode: p.HSNCode,
		GstRatePercent: p.GSTRate, Status: model.ProductStatus(p.Status), Store: &model.Store{ID: p.StoreID},
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, BrandID: p.BrandID, CategoryID: p.CategoryID,
	}
	if p.CreatedBy != "" {
		m.CreatedBy = &model.User{ID: p.CreatedBy}
	}
	if p.MinPrice != nil && p.MaxPrice != nil {
		m.PriceRange = &model.PriceRange{Min: money.Of(*p.MinPrice), Max: money.Of(*p.MaxPrice)}
	}
	return m
}

// fromPage converts a cached product page with all its edges preloaded.
func fromPage(pg *catalog.Page) *model.Product {
	p := toProduct(pg.Product)
	crumbs := make([]*model.Category, len(pg.Breadcrumbs))
	for i, c := range pg.Breadcrumbs {
		crumbs[i] = toCategory(c)
		crumbs[i].Crumbs = crumbs[:i+1]
	}
	edges := &model.ProductEdges{Brand: toBrand(pg.Brand), Media: productMedia(pg.Media)}
	if len(crumbs) > 0 {
		edges.Category = crumbs[len(crumbs)-1]
	}
	edges.Variants = make([]*model.ProductVariant, len(pg.Variants))
	for i, v := range pg.Variants {
		mv := toVariant(v)
		mv.Attrs = variantAttributes(v.Attributes)
		mv.Images = variantMedia(v.Media)
		mv.Parent = p
		edges.Variants[i] = mv
	}
	p.Page = edges
	return p
}

func toVariant(v catalog.Variant) *model.ProductVariant {
	return &model.ProductVariant{
		ID: v.ID, Sku: v.SKU, Title: v.Title, Mrp: money.Money{Paise: v.MRP}, Price: money.Money{Paise: v.Price},
		ProductID: v.ProductID, RetailerPaise: v.RetailerPrice, MOQ: v.MOQ,
	}
}

func toStore(st catalog.Store) *model.Store {
	return &model.Store{ID: st.ID, Known: &model.StoreFacts{OwnerID: st.OwnerUserID, OriginState: st.State}}
}

// storeFacts returns a store's projection fields, loading them (batched)
// unless the store came with them; nil for a store the catalogue does not know.
func (r *Resolver) storeFacts(ctx context.Context, st *model.Store) (*model.StoreFacts, error) {
	if st.Known != nil {
		return st.Known, nil
	}
	found, err := r.loaders(ctx).StoreByID.Load(ctx, st.ID)()
	if err != nil || found == nil {
		return nil, err
	}
	return toStore(*found).Known, nil
}

func toGSTRate(g catalog.GSTRate) *model.GstRate {
	return &model.GstRate{HsnCode: g.HSNCode, RatePercent: g.RatePercent, Description: g.Description, UpdatedAt: g.UpdatedAt}
}

func toBrand(b catalog.Brand) *model.Brand {
	m := &model.Brand{ID: b.ID, Name: b.Name, Slug: b.Slug}
	if b.LogoURL != "" {
		m.LogoURL = &b.LogoURL
	}
	return m
}

func toCategory(c catalog.Category) *model.Category {
	m := &model.Category{ID: c.ID, Name: c.Name, Slug: c.Slug, Position: c.Position}
	if c.ParentID != "" {
		m.ParentID = &c.ParentID
	}
	return m
}

func toCategories(cs []catalog.Category) []*model.Category {
	out := make([]*model.Category, len(cs))
	for i, c := range cs {
		out[i] = toCategory(c)
	}
	return out
}

func mediaURLs(us []catalog.MediaURL) []*model.MediaURL {
	out := make([]*model.MediaURL, len(us))
	for i, u := range us {
		out[i] = &model.MediaURL{URL: u.URL, Width: u.Width, Format: model.ImageFormat(u.Format)}
	}
	return out
}

func productMedia(ms []catalog.Media) []*model.ProductMedia {
	out := make([]*model.ProductMedia, len(ms))
	for i, m := range ms {
		out[i] = &model.ProductMedia{ID: m.ID, Alt: m.Alt, Position: m.Position, Urls: mediaURLs(m.URLs)}
	}
	return out
}

func variantMedia(ms []catalog.Media) []*model.VariantMedia {
	out := make([]*model.VariantMedia, len(ms))
	for i, m := range ms {
		out[i] = &model.VariantMedia{ID: m.ID, Alt: m.Alt, Position: m.Position, Urls: mediaURLs(m.URLs)}
	}
	return out
}

func variantAttributes(as []catalog.VariantAttribute) []*model.VariantAttributeValue {
	out := make([]*model.VariantAttributeValue, len(as))
	for i, a := range as {
		out[i] = &model.VariantAttributeValue{
			Attribute: &model.Attribute{ID: a.AttributeID, Name: a.AttributeName, Slug: a.AttributeSlug},
			Value:     &model.AttributeValue{ID: a.ValueID, Value: a.Value},
		}
	}
	return out
}

func toAttribute(a catalog.Attribute) *model.Attribute {
	return &model.Attribute{ID: a.ID, Name: a.Name, Slug: a.Slug, Vals: attributeValues(a.Values)}
}

func attributeValues(vs []catalog.AttributeValue) []*model.AttributeValue {
	out := make([]*model.AttributeValue, len(vs))
	for i, v := range vs {
		out[i] = &model.AttributeValue{ID: v.ID, Value: v.Value}
	}
	return out
}

func productID(p *model.Product) string { return p.ID }

// connection converts a listing and groups its products for the edge loaders.
func (r *Resolver) connection(ctx context.Context, l app.Listing) *model.ProductConnection {
	c := toConnection(l)
	nodes := make([]*model.Product, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	r.loaders(ctx).groupProducts(nodes)
	return c
}

// toConnection turns a listing into a Relay connection with offset cursors.
func toConnection(l app.Listing) *model.ProductConnection {
	c := &model.ProductConnection{TotalCount: l.Total, PageInfo: &model.PageInfo{}}
	c.Edges = make([]*model.ProductEdge, len(l.Products))
	for i, p := range l.Products {
		c.Edges[i] = &model.ProductEdge{Cursor: catalog.EncodeCursor(l.Offset + i), Node: toProduct(p)}
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	c.PageInfo.HasNextPage = l.Offset+len(l.Products) < l.Total
	return c
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// categoryTree links a flat list into roots with their children preloaded.
func categoryTree(all []catalog.Category) []*model.Category {
	byID := make(map[string]*model.Category, len(all))
	for _, c := range all {
		m := toCategory(c)
		m.Kids = []*model.Category{}
		byID[c.ID] = m
	}
	var roots []*model.Category
	for _, c := range all {
		m := byID[c.ID]
		if parent, ok := byID[c.ParentID]; ok {
			parent.Kids = append(parent.Kids, m)
		} else {
			roots = append(roots, m)
		}
	}
	return roots
}

func newMedia(ownerID, alt string, urls []*model.MediaURLInput) catalog.NewMedia {
	m := catalog.NewMedia{OwnerID: ownerID, Alt: alt, URLs: make([]catalog.MediaURL, len(urls))}
	for i, u := range urls {
		m.URLs[i] = catalog.MediaURL{URL: u.URL, Width: u.Width, Format: string(u.Format)}
	}
	return m
}

// entityIDs returns the canonical id of each representation ("" when it is
// not a UUID, which then resolves to null).
func entityIDs[R any](reps []R, id func(R) string) []string {
	out := make([]string, len(reps))
	for i, rep := range reps {
		out[i], _ = catalog.ParseID(id(rep))
	}
	return out
}

// validIDs drops the empty ids entityIDs left for malformed keys.
func validIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	return out
}
