package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Import is a whole catalogue to load in bulk (the demo seed). Ids are
// deterministic, so loading it again inserts nothing.
type Import struct {
	Store      catalog.Store
	Categories []catalog.Category // parents before children
	Brands     []catalog.Brand
	Attributes []catalog.Attribute // with their values
	Products   []ImportProduct
}

// ImportProduct is a product with its media and its variants (each with
// attribute values and media).
type ImportProduct struct {
	Product  catalog.Product
	Media    []catalog.Media
	Variants []catalog.Variant
	// InitialStock by variant id, announced to inventory in variant.created.
	InitialStock map[string]int
}

// Import loads in one transaction: reference rows are upserted, products
// not present yet are copied in with their variants and media, and each new
// product gets one product.created event followed by one variant.created
// per variant (with its initial stock). It returns how many products it added.
func (s *Store) Import(ctx context.Context, in Import, actor string) (int, error) {
	added := 0
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		// Two seeds at once must not both copy the same rows.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(7421003)`); err != nil {
			return fmt.Errorf("seed lock: %w", err)
		}
		if err := upsertReference(ctx, tx, in); err != nil {
			return err
		}
		fresh, err := newProducts(ctx, tx, in.Products)
		if err != nil {
			return err
		}
		added = len(fresh)
		if added == 0 {
			return nil
		}
		if err := copyProducts(ctx, tx, fresh); err != nil {
			return err
		}
		ids := make([]string, len(fresh))
		for i, p := range fresh {
			ids[i] = p.Product.ID
		}
		if err := refresh(ctx, tx, ids...); err != nil {
			return err
		}
		msgs, err := s.importEvents(ctx, fresh, actor)
		if err != nil {
			return err
		}
		return outbox.Append(ctx, tx, msgs...)
	})
	if err != nil || added == 0 {
		return added, err
	}
	// Fresh statistics let the planner pick the GIN indexes for search.
	if _, err := s.db.Exec(ctx, `ANALYZE products, product_variants, variant_attribute_values, categories, brands`); err != nil {
		return added, fmt.Errorf("analyze: %w", err)
	}
	return added, nil
}

// importEvents announces each new product and then its variants, keyed by
// the product id like every other write.
func (s *Store) importEvents(ctx context.Context, fresh []ImportProduct, actor string) ([]kafka.Message, error) {
	var msgs []kafka.Message
	add := func(key string, e kafka.Event) error {
		m, err := kafka.NewMessage(ctx, s.topic, key, actor, e)
		msgs = append(msgs, m)
		return err
	}
	for _, ip := range fresh {
		pr := ip.Product
		if err := add(pr.ID, catalog.ProductCreated{ProductID: pr.ID, StoreID: pr.StoreID, Slug: pr.Slug, Title: pr.Title,
			BrandID: pr.BrandID, CategoryID: pr.CategoryID, HSNCode: pr.HSNCode, Status: pr.Status, CreatedBy: pr.CreatedBy}); err != nil {
			return nil, err
		}
		for _, v := range ip.Variants {
			v.ProductID = pr.ID
			if err := add(pr.ID, variantCreated(v, pr.StoreID, ip.InitialStock[v.ID])); err != nil {
				return nil, err
			}
		}
	}
	return msgs, nil
}

func upsertReference(ctx context.Context, tx pgx.Tx, in Import) error {
	b := &pgx.Batch{}
	st := in.Store
	// A store seeded before it had a state gets it; anything else is kept.
	b.Queue(`INSERT INTO stores (id, owner_user_id, name, status, state) VALUES ($1, $2, $3, $4, nullif($5, ''))
		ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state WHERE stores.state IS NULL`,
		st.ID, st.OwnerUserID, st.Name, st.Status, st.State)
	for _, c := range in.Categories {
		var parent *string
		if c.ParentID != "" {
			parent = &c.ParentID
		}
		b.Queue(`INSERT INTO categories (id, parent_id, name, slug, position) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
			c.ID, parent, c.Name, c.Slug, c.Position)
	}
	for _, br := range in.Brands {
		b.Queue(`INSERT INTO brands (id, name, slug, logo_url) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
			br.ID, br.Name, br.Slug, br.LogoURL)
	}
	for i, a := range in.Attributes {
		b.Queue(`INSERT INTO attributes (id, name, slug, position) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
			a.ID, a.Name, a.Slug, i)
		for _, v := range a.Values {
			b.Queue(`INSERT INTO attribute_values (id, attribute_id, value, position) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
				v.ID, a.ID, v.Value, v.Position)
		}
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("seed reference data: %w", err)
	}
	return nil
}

// newProducts keeps the products whose id is not in the database yet.
func newProducts(ctx context.Context, tx pgx.Tx, all []ImportProduct) ([]ImportProduct, error) {
	ids := make([]string, len(all))
	for i, p := range all {
		ids[i] = p.Product.ID
	}
	rows, err := tx.Query(ctx, `SELECT id::text FROM products WHERE id = ANY($1::uuid[])`, ids)
	if err != nil {
		return nil, fmt.Errorf("existing products: %w", err)
	}
	existing, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("existing products: %w", err)
	}
	have := make(map[string]bool, len(existing))
	for _, id := range existing {
		have[id] = true
	}
	var out []ImportProduct
	for _, p := range all {
		if !have[p.Product.ID] {
			out = append(out, p)
		}
	}
	return out, nil
}

// copyProducts bulk-loads products, variants, attribute values and media with COPY.
func copyProducts(ctx context.Context, tx pgx.Tx, ps []ImportProduct) error {
	var products, variants, vavs, pmedia, pmurls, vmedia, vmurls [][]any
	for _, ip := range ps {
		p := ip.Product
		products = append(products, []any{p.ID, p.StoreID, p.BrandID, p.CategoryID, p.Title, p.Slug, p.Description,
			p.HSNCode, string(p.Status), p.CreatedBy, p.CreatedAt, p.UpdatedAt})
		for _, m := range ip.Media {
			pmedia = append(pmedia, []any{m.ID, p.ID, m.Alt, m.Position})
			for _, u := range m.URLs {
				pmurls = append(pmurls, []any{m.ID, u.URL, u.Width, u.Format})
			}
		}
		for _, v := range ip.Variants {
			variants = append(variants, []any{v.ID, p.ID, v.SKU, v.Title, v.MRP, v.Price, v.RetailerPrice, v.MOQ, v.Position})
			for _, a := range v.Attributes {
				vavs = append(vavs, []any{v.ID, a.AttributeID, a.ValueID})
			}
			for _, m := range v.Media {
				vmedia = append(vmedia, []any{m.ID, v.ID, m.Alt, m.Position})
				for _, u := range m.URLs {
					vmurls = append(vmurls, []any{m.ID, u.URL, u.Width, u.Format})
				}
			}
		}
	}
	copies := []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"products", []string{"id", "store_id", "brand_id", "category_id", "title", "slug", "description", "hsn_code", "status", "created_by", "created_at", "updated_at"}, products},
		{"product_variants", []string{"id", "product_id", "sku", "title", "mrp_paise", "price_paise", "retailer_price_paise", "min_order_quantity", "position"}, variants},
		{"variant_attribute_values", []string{"variant_id", "attribute_id", "attribute_value_id"}, vavs},
		{"product_media", []string{"id", "product_id", "alt", "position"}, pmedia},
		{"product_media_urls", []string{"media_id", "url", "width", "format"}, pmurls},
		{"variant_media", []string{"id", "variant_id", "alt", "position"}, vmedia},
		{"variant_media_urls", []string{"media_id", "url", "width", "format"}, vmurls},
	}
	for _, c := range copies {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", c.table, err)
		}
	}
	return nil
}
