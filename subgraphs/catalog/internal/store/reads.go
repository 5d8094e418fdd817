package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// ProductsByIDs returns the products with these ids, whatever their status.
func (s *Store) ProductsByIDs(ctx context.Context, ids []string) (map[string]catalog.Product, error) {
	ps, err := collect(ctx, s.db, `SELECT `+productCols+` FROM products p WHERE p.id = ANY($1::uuid[])`, scanProduct, ids)
	if err != nil {
		return nil, fmt.Errorf("products by ids: %w", err)
	}
	out := make(map[string]catalog.Product, len(ps))
	for _, p := range ps {
		out[p.ID] = p
	}
	return out, nil
}

// VariantsByIDs returns the variants with these ids (without attributes and media).
func (s *Store) VariantsByIDs(ctx context.Context, ids []string) (map[string]catalog.Variant, error) {
	vs, err := collect(ctx, s.db, `SELECT `+variantCols+` FROM product_variants v WHERE v.id = ANY($1::uuid[])`, scanVariant, ids)
	if err != nil {
		return nil, fmt.Errorf("variants by ids: %w", err)
	}
	out := make(map[string]catalog.Variant, len(vs))
	for _, v := range vs {
		out[v.ID] = v
	}
	return out, nil
}

// VariantEntities returns the variants with these ids and, keyed by product
// id, their products' status and store (only those fields), in one query:
// what entity resolution needs to hide the variants of DRAFT products.
func (s *Store) VariantEntities(ctx context.Context, ids []string) (map[string]catalog.Variant, map[string]catalog.Product, error) {
	rows, err := s.db.Query(ctx, `SELECT `+variantCols+`, p.status, p.store_id FROM product_variants v
		JOIN products p ON p.id = v.product_id WHERE v.id = ANY($1::uuid[])`, ids)
	if err != nil {
		return nil, nil, fmt.Errorf("variant entities: %w", err)
	}
	defer rows.Close()
	vs, ps := map[string]catalog.Variant{}, map[string]catalog.Product{}
	for rows.Next() {
		var v catalog.Variant
		var p catalog.Product
		if err := rows.Scan(&v.ID, &v.ProductID, &v.SKU, &v.Title, &v.MRP, &v.Price, &v.RetailerPrice, &v.MOQ, &v.Position,
			&p.Status, &p.StoreID); err != nil {
			return nil, nil, fmt.Errorf("variant entities: %w", err)
		}
		p.ID = v.ProductID
		vs[v.ID], ps[p.ID] = v, p
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("variant entities: %w", err)
	}
	return vs, ps, nil
}

// VariantsByProduct returns each product's variants in display order.
func (s *Store) VariantsByProduct(ctx context.Context, productIDs []string) (map[string][]catalog.Variant, error) {
	vs, err := collect(ctx, s.db, `SELECT `+variantCols+` FROM product_variants v
		WHERE v.product_id = ANY($1::uuid[]) ORDER BY v.product_id, v.position, v.created_at`, scanVariant, productIDs)
	if err != nil {
		return nil, fmt.Errorf("variants by product: %w", err)
	}
	out := map[string][]catalog.Variant{}
	for _, v := range vs {
		out[v.ProductID] = append(out[v.ProductID], v)
	}
	return out, nil
}

func scanVariantAttribute(row pgx.Row) (catalog.VariantAttribute, error) {
	var a catalog.VariantAttribute
	err := row.Scan(&a.VariantID, &a.AttributeID, &a.AttributeName, &a.AttributeSlug, &a.ValueID, &a.Value)
	return a, err
}

// VariantAttributes returns each variant's attribute values, by attribute order.
func (s *Store) VariantAttributes(ctx context.Context, variantIDs []string) (map[string][]catalog.VariantAttribute, error) {
	as, err := collect(ctx, s.db, `SELECT x.variant_id, a.id, a.name, a.slug, av.id, av.value
		FROM variant_attribute_values x
		JOIN attribute_values av ON av.id = x.attribute_value_id
		JOIN attributes a ON a.id = x.attribute_id
		WHERE x.variant_id = ANY($1::uuid[]) ORDER BY x.variant_id, a.position, a.name`, scanVariantAttribute, variantIDs)
	if err != nil {
		return nil, fmt.Errorf("variant attributes: %w", err)
	}
	out := map[string][]catalog.VariantAttribute{}
	for _, a := range as {
		out[a.VariantID] = append(out[a.VariantID], a)
	}
	return out, nil
}

// mediaQuery lists the media of owners $1 with their URLs aggregated in one row.
func mediaQuery(table, urlTable, ownerCol string) string {
	return fmt.Sprintf(`SELECT m.id, m.%[3]s, m.alt, m.position,
		coalesce(array_agg(u.url ORDER BY u.width, u.format) FILTER (WHERE u.url IS NOT NULL), '{}'),
		coalesce(array_agg(u.width ORDER BY u.width, u.format) FILTER (WHERE u.url IS NOT NULL), '{}'),
		coalesce(array_agg(u.format ORDER BY u.width, u.format) FILTER (WHERE u.url IS NOT NULL), '{}')
		FROM %[1]s m LEFT JOIN %[2]s u ON u.media_id = m.id
		WHERE m.%[3]s = ANY($1::uuid[])
		GROUP BY m.id ORDER BY m.%[3]s, m.position`, table, urlTable, ownerCol)
}

func scanMedia(row pgx.Row) (catalog.Media, error) {
	var m catalog.Media
	var urls, formats []string
	var widths []int32
	if err := row.Scan(&m.ID, &m.OwnerID, &m.Alt, &m.Position, &urls, &widths, &formats); err != nil {
		return m, err
	}
	m.URLs = make([]catalog.MediaURL, len(urls))
	for i := range urls {
		m.URLs[i] = catalog.MediaURL{URL: urls[i], Width: int(widths[i]), Format: formats[i]}
	}
	return m, nil
}

func (s *Store) media(ctx context.Context, sql string, ownerIDs []string) (map[string][]catalog.Media, error) {
	ms, err := collect(ctx, s.db, sql, scanMedia, ownerIDs)
	if err != nil {
		return nil, fmt.Errorf("media: %w", err)
	}
	out := map[string][]catalog.Media{}
	for _, m := range ms {
		out[m.OwnerID] = append(out[m.OwnerID], m)
	}
	return out, nil
}

var (
	productMediaSQL = mediaQuery("product_media", "product_media_urls", "product_id")
	variantMediaSQL = mediaQuery("variant_media", "variant_media_urls", "variant_id")
)

// ProductMedia returns each product's images in display order.
func (s *Store) ProductMedia(ctx context.Context, productIDs []string) (map[string][]catalog.Media, error) {
	return s.media(ctx, productMediaSQL, productIDs)
}

// VariantMedia returns each variant's images in display order.
func (s *Store) VariantMedia(ctx context.Context, variantIDs []string) (map[string][]catalog.Media, error) {
	return s.media(ctx, variantMediaSQL, variantIDs)
}

func scanBrand(row pgx.Row) (catalog.Brand, error) {
	var b catalog.Brand
	err := row.Scan(&b.ID, &b.Name, &b.Slug, &b.LogoURL)
	return b, err
}

const brandCols = `id, name, slug, coalesce(logo_url, '')`

// Brands returns every brand by name.
func (s *Store) Brands(ctx context.Context) ([]catalog.Brand, error) {
	bs, err := collect(ctx, s.db, `SELECT `+brandCols+` FROM brands ORDER BY lower(name)`, scanBrand)
	if err != nil {
		return nil, fmt.Errorf("brands: %w", err)
	}
	return bs, nil
}

// BrandsByIDs returns the brands with these ids.
func (s *Store) BrandsByIDs(ctx context.Context, ids []string) (map[string]catalog.Brand, error) {
	bs, err := collect(ctx, s.db, `SELECT `+brandCols+` FROM brands WHERE id = ANY($1::uuid[])`, scanBrand, ids)
	if err != nil {
		return nil, fmt.Errorf("brands by ids: %w", err)
	}
	out := make(map[string]catalog.Brand, len(bs))
	for _, b := range bs {
		out[b.ID] = b
	}
	return out, nil
}

const categoryCols = `c.id, coalesce(c.parent_id::text, ''), c.name, c.slug, c.position`

func scanCategory(row pgx.Row) (catalog.Category, error) {
	var c catalog.Category
	err := row.Scan(&c.ID, &c.ParentID, &c.Name, &c.Slug, &c.Position)
	return c, err
}

// Categories returns the whole tree, parents before children, by position.
func (s *Store) Categories(ctx context.Context) ([]catalog.Category, error) {
	cs, err := collect(ctx, s.db, `SELECT `+categoryCols+` FROM categories c ORDER BY c.position, c.name`, scanCategory)
	if err != nil {
		return nil, fmt.Errorf("categories: %w", err)
	}
	return cs, nil
}

// CategoryBySlug returns the category or nil.
func (s *Store) CategoryBySlug(ctx context.Context, slug string) (*catalog.Category, error) {
	c, err := scanCategory(s.db.QueryRow(ctx, `SELECT `+categoryCols+` FROM categories c WHERE c.slug = $1`, slug))
	if pg.IsNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("category %s: %w", slug, err)
	}
	return &c, nil
}

// CategoriesByIDs returns the categories with these ids.
func (s *Store) CategoriesByIDs(ctx context.Context, ids []string) (map[string]catalog.Category, error) {
	cs, err := collect(ctx, s.db, `SELECT `+categoryCols+` FROM categories c WHERE c.id = ANY($1::uuid[])`, scanCategory, ids)
	if err != nil {
		return nil, fmt.Errorf("categories by ids: %w", err)
	}
	out := make(map[string]catalog.Category, len(cs))
	for _, c := range cs {
		out[c.ID] = c
	}
	return out, nil
}

// ChildrenOf returns each parent's children by position.
func (s *Store) ChildrenOf(ctx context.Context, parentIDs []string) (map[string][]catalog.Category, error) {
	cs, err := collect(ctx, s.db, `SELECT `+categoryCols+` FROM categories c
		WHERE c.parent_id = ANY($1::uuid[]) ORDER BY c.position, c.name`, scanCategory, parentIDs)
	if err != nil {
		return nil, fmt.Errorf("category children: %w", err)
	}
	out := map[string][]catalog.Category{}
	for _, c := range cs {
		out[c.ParentID] = append(out[c.ParentID], c)
	}
	return out, nil
}

// Breadcrumbs returns, for each category, the path from its root to itself.
func (s *Store) Breadcrumbs(ctx context.Context, ids []string) (map[string][]catalog.Category, error) {
	rows, err := s.db.Query(ctx, `WITH RECURSIVE up AS (
			SELECT c.id AS leaf, c.id, c.parent_id, 0 AS depth FROM categories c WHERE c.id = ANY($1::uuid[])
			UNION ALL
			SELECT up.leaf, c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id
			WHERE up.depth < 10
		)
		SELECT up.leaf, `+categoryCols+` FROM up JOIN categories c ON c.id = up.id ORDER BY up.leaf, up.depth DESC`, ids)
	if err != nil {
		return nil, fmt.Errorf("breadcrumbs: %w", err)
	}
	defer rows.Close()
	out := map[string][]catalog.Category{}
	for rows.Next() {
		var leaf string
		var c catalog.Category
		if err := rows.Scan(&leaf, &c.ID, &c.ParentID, &c.Name, &c.Slug, &c.Position); err != nil {
			return nil, fmt.Errorf("breadcrumbs: %w", err)
		}
		out[leaf] = append(out[leaf], c)
	}
	return out, rows.Err()
}

// Attributes returns every attribute with its values.
func (s *Store) Attributes(ctx context.Context) ([]catalog.Attribute, error) {
	as, err := collect(ctx, s.db, `SELECT id, name, slug FROM attributes ORDER BY position, name`,
		func(r pgx.Row) (catalog.Attribute, error) {
			var a catalog.Attribute
			return a, r.Scan(&a.ID, &a.Name, &a.Slug)
		})
	if err != nil {
		return nil, fmt.Errorf("attributes: %w", err)
	}
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	vals, err := s.AttributeValues(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range as {
		as[i].Values = vals[as[i].ID]
	}
	return as, nil
}

// AttributeValues returns each attribute's values by position.
func (s *Store) AttributeValues(ctx context.Context, attributeIDs []string) (map[string][]catalog.AttributeValue, error) {
	vs, err := collect(ctx, s.db, `SELECT id, attribute_id, value, position FROM attribute_values
		WHERE attribute_id = ANY($1::uuid[]) ORDER BY attribute_id, position, value`,
		func(r pgx.Row) (catalog.AttributeValue, error) {
			var v catalog.AttributeValue
			return v, r.Scan(&v.ID, &v.AttributeID, &v.Value, &v.Position)
		}, attributeIDs)
	if err != nil {
		return nil, fmt.Errorf("attribute values: %w", err)
	}
	out := map[string][]catalog.AttributeValue{}
	for _, v := range vs {
		out[v.AttributeID] = append(out[v.AttributeID], v)
	}
	return out, nil
}

func scanStore(r pgx.Row) (catalog.Store, error) {
	var st catalog.Store
	return st, r.Scan(&st.ID, &st.OwnerUserID, &st.Name, &st.Status, &st.State)
}

// StoresByIDs returns the stores of the projection with these ids.
func (s *Store) StoresByIDs(ctx context.Context, ids []string) (map[string]catalog.Store, error) {
	ss, err := collect(ctx, s.db, `SELECT id, owner_user_id, name, status, coalesce(state, '')
		FROM stores WHERE id = ANY($1::uuid[])`, scanStore, ids)
	if err != nil {
		return nil, fmt.Errorf("stores by ids: %w", err)
	}
	out := make(map[string]catalog.Store, len(ss))
	for _, st := range ss {
		out[st.ID] = st
	}
	return out, nil
}

// StoreIDsOwnedBy returns the ids of the stores ownerID owns, in id order.
func (s *Store) StoreIDsOwnedBy(ctx context.Context, ownerID string) ([]string, error) {
	rows, err := s.db.Query(ctx, `SELECT id::text FROM stores WHERE owner_user_id = $1 ORDER BY id`, ownerID)
	if err != nil {
		return nil, fmt.Errorf("stores owned by %s: %w", ownerID, err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("stores owned by %s: %w", ownerID, err)
	}
	return ids, nil
}

// ProductOwner returns the owner of the store selling a product ("" when the
// product does not exist).
func (s *Store) ProductOwner(ctx context.Context, productID string) (string, error) {
	var owner string
	err := s.db.QueryRow(ctx, `SELECT s.owner_user_id FROM products p JOIN stores s ON s.id = p.store_id
		WHERE p.id = $1`, productID).Scan(&owner)
	if pg.IsNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("product owner: %w", err)
	}
	return owner, nil
}

// VariantOwner returns a variant's product and the owner of its store ("" when missing).
func (s *Store) VariantOwner(ctx context.Context, variantID string) (productID, owner string, err error) {
	err = s.db.QueryRow(ctx, `SELECT p.id, s.owner_user_id FROM product_variants v
		JOIN products p ON p.id = v.product_id JOIN stores s ON s.id = p.store_id
		WHERE v.id = $1`, variantID).Scan(&productID, &owner)
	if pg.IsNoRows(err) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("variant owner: %w", err)
	}
	return productID, owner, nil
}
