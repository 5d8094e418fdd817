package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Errors the store turns constraint violations into.
var (
	ErrSlugTaken = errs.Conflicting("slug already in use").WithReason("SLUG_TAKEN")
	ErrSKUTaken  = errs.Conflicting("SKU already in use").WithReason("SKU_TAKEN")
)

// CreateProduct lists p as a DRAFT with its product.created event. An empty
// slug is derived from the title (base, base-2, base-3…).
func (s *Store) CreateProduct(ctx context.Context, in catalog.NewProduct) (catalog.Product, error) {
	id := uuid.Must(uuid.NewV7()).String()
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if err := checkRefs(ctx, tx, &in.BrandID, &in.CategoryID, &in.HSNCode); err != nil {
			return err
		}
		const insert = `INSERT INTO products (id, store_id, brand_id, category_id, title, slug, description, hsn_code, status, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9) ON CONFLICT ON CONSTRAINT products_slug_key DO NOTHING`
		args := func(slug string) []any {
			return []any{id, in.StoreID, in.BrandID, in.CategoryID, in.Title, slug, in.Description, in.HSNCode, in.CreatedBy}
		}
		if in.Slug != "" {
			tag, err := tx.Exec(ctx, insert, args(in.Slug)...)
			if err != nil {
				return fmt.Errorf("insert product: %w", err)
			}
			if tag.RowsAffected() == 0 {
				return ErrSlugTaken
			}
		} else if err := insertWithFreeSlug(ctx, tx, catalog.BaseSlug(in.Title), func(slug string) (bool, error) {
			in.Slug = slug
			tag, err := tx.Exec(ctx, insert, args(slug)...)
			return tag.RowsAffected() == 1, err
		}); err != nil {
			return err
		}
		if err := refresh(ctx, tx, id); err != nil {
			return err
		}
		if err := s.appendEvents(ctx, tx, id, in.CreatedBy, catalog.ProductCreated{
			ProductID: id, StoreID: in.StoreID, Slug: in.Slug, Title: in.Title, BrandID: in.BrandID,
			CategoryID: in.CategoryID, HSNCode: in.HSNCode, Status: catalog.Draft, CreatedBy: in.CreatedBy,
		}); err != nil {
			return err
		}
		return s.audit(ctx, tx, "product.create", "Product", id, nil, productSummary{
			Title: in.Title, Slug: in.Slug, Status: catalog.Draft, StoreID: in.StoreID, BrandID: in.BrandID,
			CategoryID: in.CategoryID, HSNCode: in.HSNCode,
		})
	})
	if err != nil {
		return catalog.Product{}, err
	}
	return s.product(ctx, id)
}

// insertWithFreeSlug tries base, then base-N after the highest taken suffix,
// until insert reports a row (another writer may take a slug meanwhile).
func insertWithFreeSlug(ctx context.Context, tx pgx.Tx, base string, insert func(slug string) (bool, error)) error {
	for range 5 {
		rows, err := tx.Query(ctx, `SELECT slug FROM products WHERE slug = $1 OR slug LIKE $1 || '-%'`, base)
		if err != nil {
			return fmt.Errorf("slugs: %w", err)
		}
		taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return fmt.Errorf("slugs: %w", err)
		}
		ok, err := insert(nextSlug(base, taken))
		if err != nil {
			return fmt.Errorf("insert product: %w", err)
		}
		if ok {
			return nil
		}
	}
	return ErrSlugTaken
}

// nextSlug returns base when free, else base-N for N one above the highest taken.
func nextSlug(base string, taken []string) string {
	free, max := true, 1
	for _, t := range taken {
		if t == base {
			free = false
			continue
		}
		if n, err := strconv.Atoi(strings.TrimPrefix(t, base+"-")); err == nil && n > max {
			max = n
		}
	}
	if free {
		return base
	}
	return base + "-" + strconv.Itoa(max+1)
}

// checkRefs turns unknown brand, category or HSN code into BAD_USER_INPUT
// on that field; nil pointers are not checked.
func checkRefs(ctx context.Context, tx pgx.Tx, brandID, categoryID, hsn *string) error {
	var brandOK, categoryOK, hsnOK bool
	err := tx.QueryRow(ctx, `SELECT
			$1::uuid IS NULL OR EXISTS (SELECT 1 FROM brands WHERE id = $1::uuid),
			$2::uuid IS NULL OR EXISTS (SELECT 1 FROM categories WHERE id = $2::uuid),
			$3::text IS NULL OR EXISTS (SELECT 1 FROM gst_rates WHERE $3::text LIKE hsn_code || '%')`,
		brandID, categoryID, hsn).Scan(&brandOK, &categoryOK, &hsnOK)
	if err != nil {
		return fmt.Errorf("check references: %w", err)
	}
	switch {
	case !brandOK:
		return errs.BadInput("brandId", "unknown brand")
	case !categoryOK:
		return errs.BadInput("categoryId", "unknown category")
	case !hsnOK:
		return errs.BadInput("hsnCode", "no GST rate is known for this HSN code")
	}
	return nil
}

// UpdateProduct locks the product, lets fn change it (fn gets the number of
// variants), saves it and records product.updated when something changed.
// It returns the product before and after.
func (s *Store) UpdateProduct(ctx context.Context, id, actor string, fn func(p *catalog.Product, variants int) ([]string, error)) (before, after catalog.Product, err error) {
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if before, err = lockProduct(ctx, tx, id); err != nil {
			return err
		}
		var variants int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM product_variants WHERE product_id = $1`, id).Scan(&variants); err != nil {
			return fmt.Errorf("count variants: %w", err)
		}
		after = before
		changed, err := fn(&after, variants)
		if err != nil || len(changed) == 0 {
			return err
		}
		var brandID, categoryID, hsn *string
		if after.BrandID != before.BrandID {
			brandID = &after.BrandID
		}
		if after.CategoryID != before.CategoryID {
			categoryID = &after.CategoryID
		}
		if after.HSNCode != before.HSNCode {
			hsn = &after.HSNCode
		}
		if err := checkRefs(ctx, tx, brandID, categoryID, hsn); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE products SET title = $2, slug = $3, description = $4, brand_id = $5,
			category_id = $6, hsn_code = $7, status = $8, updated_at = now() WHERE id = $1`,
			id, after.Title, after.Slug, after.Description, after.BrandID, after.CategoryID, after.HSNCode, after.Status)
		if pg.IsUniqueViolation(err, "products_slug_key") {
			return ErrSlugTaken
		}
		if err != nil {
			return fmt.Errorf("update product: %w", err)
		}
		if err := refresh(ctx, tx, id); err != nil {
			return err
		}
		if err := s.appendEvents(ctx, tx, id, actor, catalog.ProductUpdated{
			ProductID: id, StoreID: after.StoreID, Slug: after.Slug, Title: after.Title, Status: after.Status, Changed: changed,
		}); err != nil {
			return err
		}
		return s.audit(ctx, tx, "product.update", "Product", id, summarizeProduct(before), summarizeProduct(after))
	})
	if err != nil {
		return before, after, err
	}
	after, err = s.product(ctx, id)
	return before, after, err
}

// ArchiveProduct archives the product with product.archived; archiving an
// archived product changes nothing.
func (s *Store) ArchiveProduct(ctx context.Context, id, actor string) (catalog.Product, error) {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		p, err := lockProduct(ctx, tx, id)
		if err != nil || p.Status == catalog.Archived {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE products SET status = 'ARCHIVED', updated_at = now() WHERE id = $1`, id); err != nil {
			return fmt.Errorf("archive product: %w", err)
		}
		if err := s.appendEvents(ctx, tx, id, actor, catalog.ProductArchived{ProductID: id, StoreID: p.StoreID}); err != nil {
			return err
		}
		after := p
		after.Status = catalog.Archived
		return s.audit(ctx, tx, "product.archive", "Product", id, summarizeProduct(p), summarizeProduct(after))
	})
	if err != nil {
		return catalog.Product{}, err
	}
	return s.product(ctx, id)
}

// lockProduct reads a product FOR UPDATE; NOT_FOUND when missing.
func lockProduct(ctx context.Context, tx pgx.Tx, id string) (catalog.Product, error) {
	p, err := scanProduct(tx.QueryRow(ctx, `SELECT `+productCols+` FROM products p WHERE p.id = $1 FOR UPDATE`, id))
	if pg.IsNoRows(err) {
		return p, errs.Missing("product")
	}
	if err != nil {
		return p, fmt.Errorf("lock product %s: %w", id, err)
	}
	return p, nil
}

// product reads one product after a write.
func (s *Store) product(ctx context.Context, id string) (catalog.Product, error) {
	p, err := scanProduct(s.db.QueryRow(ctx, `SELECT `+productCols+` FROM products p WHERE p.id = $1`, id))
	if err != nil {
		return p, fmt.Errorf("read product %s: %w", id, err)
	}
	return p, nil
}
