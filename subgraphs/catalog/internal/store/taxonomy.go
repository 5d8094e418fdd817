package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Admin edits of categories and brands. Product pages embed both (brand,
// breadcrumbs) and the search document holds brand names and category paths,
// so a change that shows refreshes the search columns of the products
// concerned in the same transaction and returns their page keys.

// treeLock serialises writes to the category tree, so two concurrent moves
// cannot build a cycle that neither saw.
const treeLock = `SELECT pg_advisory_xact_lock(7421005, 0)`

// CreateCategory inserts a category (last among its siblings when c.Position is nil).
func (s *Store) CreateCategory(ctx context.Context, c catalog.NewCategory) (catalog.Category, error) {
	id := uuid.Must(uuid.NewV7()).String()
	var out catalog.Category
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, treeLock); err != nil {
			return fmt.Errorf("lock category tree: %w", err)
		}
		var parent *string
		if c.ParentID != "" {
			if err := categoryExists(ctx, tx, c.ParentID); err != nil {
				return err
			}
			parent = &c.ParentID
		}
		var err error
		out, err = scanCategory(tx.QueryRow(ctx, `INSERT INTO categories AS c (id, parent_id, name, slug, position)
			VALUES ($1, $2, $3, $4, coalesce($5, (SELECT coalesce(max(position) + 1, 0) FROM categories
				WHERE parent_id IS NOT DISTINCT FROM $2::uuid)))
			RETURNING `+categoryCols, id, parent, c.Name, c.Slug, c.Position))
		if pg.IsUniqueViolation(err, "categories_slug_key") {
			return catalog.ErrCategorySlugTaken
		}
		if err != nil {
			return fmt.Errorf("insert category: %w", err)
		}
		return s.audit(ctx, tx, "category.create", "Category", id, nil, out)
	})
	return out, err
}

// UpdateCategory changes a category. Moving it under itself or one of its
// descendants is catalog.ErrCategoryCycle. It returns the pages of the
// products in its subtree when the change shows on them.
func (s *Store) UpdateCategory(ctx context.Context, id string, c catalog.CategoryChanges) (catalog.Category, []ProductKey, error) {
	var out catalog.Category
	var pages []ProductKey
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, treeLock); err != nil {
			return fmt.Errorf("lock category tree: %w", err)
		}
		before, err := scanCategory(tx.QueryRow(ctx, `SELECT `+categoryCols+` FROM categories c WHERE c.id = $1 FOR UPDATE`, id))
		if pg.IsNoRows(err) {
			return errs.Missing("category")
		}
		if err != nil {
			return fmt.Errorf("lock category: %w", err)
		}
		out = before
		changed, shown := c.Apply(&out)
		if !changed {
			return nil
		}
		if out.ParentID != before.ParentID && out.ParentID != "" {
			if err := checkNoCycle(ctx, tx, id, out.ParentID); err != nil {
				return err
			}
		}
		var parent *string
		if out.ParentID != "" {
			parent = &out.ParentID
		}
		_, err = tx.Exec(ctx, `UPDATE categories SET name = $2, slug = $3, parent_id = $4, position = $5, updated_at = now()
			WHERE id = $1`, id, out.Name, out.Slug, parent, out.Position)
		if pg.IsUniqueViolation(err, "categories_slug_key") {
			return catalog.ErrCategorySlugTaken
		}
		if err != nil {
			return fmt.Errorf("update category: %w", err)
		}
		if shown {
			if pages, err = refreshProductsWhere(ctx, tx, `p.category_id IN (WITH RECURSIVE sub AS (
				SELECT id, 0 AS depth FROM categories WHERE id = $1
				UNION ALL SELECT k.id, sub.depth + 1 FROM categories k JOIN sub ON k.parent_id = sub.id WHERE sub.depth < 10
			) SELECT id FROM sub)`, id); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, "category.update", "Category", id, before, out)
	})
	return out, pages, err
}

func categoryExists(ctx context.Context, tx pgx.Tx, id string) error {
	var one int
	err := tx.QueryRow(ctx, `SELECT 1 FROM categories WHERE id = $1`, id).Scan(&one)
	if pg.IsNoRows(err) {
		return catalog.ErrUnknownParent
	}
	if err != nil {
		return fmt.Errorf("parent category: %w", err)
	}
	return nil
}

// checkNoCycle refuses parent when it is id or below id: walking up from
// parent must not meet id.
func checkNoCycle(ctx context.Context, tx pgx.Tx, id, parent string) error {
	if err := categoryExists(ctx, tx, parent); err != nil {
		return err
	}
	var cycle bool
	err := tx.QueryRow(ctx, `WITH RECURSIVE up AS (
			SELECT id, parent_id, 0 AS depth FROM categories WHERE id = $2
			UNION ALL SELECT k.id, k.parent_id, up.depth + 1 FROM categories k JOIN up ON k.id = up.parent_id WHERE up.depth < 100
		) SELECT EXISTS (SELECT 1 FROM up WHERE id = $1)`, id, parent).Scan(&cycle)
	if err != nil {
		return fmt.Errorf("category ancestry: %w", err)
	}
	if cycle {
		return catalog.ErrCategoryCycle
	}
	return nil
}

// CreateBrand inserts a brand.
func (s *Store) CreateBrand(ctx context.Context, b catalog.NewBrand) (catalog.Brand, error) {
	id := uuid.Must(uuid.NewV7()).String()
	var out catalog.Brand
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		out, err = scanBrand(tx.QueryRow(ctx, `INSERT INTO brands (id, name, slug, logo_url) VALUES ($1, $2, $3, nullif($4, ''))
			RETURNING `+brandCols, id, b.Name, b.Slug, b.LogoURL))
		if pg.IsUniqueViolation(err, "brands_slug_key") {
			return catalog.ErrBrandSlugTaken
		}
		if err != nil {
			return fmt.Errorf("insert brand: %w", err)
		}
		return s.audit(ctx, tx, "brand.create", "Brand", id, nil, out)
	})
	return out, err
}

// UpdateBrand changes a brand and returns the pages of its products (they
// show the brand); a rename also refreshes their search columns.
func (s *Store) UpdateBrand(ctx context.Context, id string, c catalog.BrandChanges) (catalog.Brand, []ProductKey, error) {
	var out catalog.Brand
	var pages []ProductKey
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		before, err := scanBrand(tx.QueryRow(ctx, `SELECT `+brandCols+` FROM brands WHERE id = $1 FOR UPDATE`, id))
		if pg.IsNoRows(err) {
			return errs.Missing("brand")
		}
		if err != nil {
			return fmt.Errorf("lock brand: %w", err)
		}
		out = before
		if !c.Apply(&out) {
			return nil
		}
		_, err = tx.Exec(ctx, `UPDATE brands SET name = $2, slug = $3, logo_url = nullif($4, ''), updated_at = now() WHERE id = $1`,
			id, out.Name, out.Slug, out.LogoURL)
		if pg.IsUniqueViolation(err, "brands_slug_key") {
			return catalog.ErrBrandSlugTaken
		}
		if err != nil {
			return fmt.Errorf("update brand: %w", err)
		}
		if out.Name != before.Name {
			pages, err = refreshProductsWhere(ctx, tx, `p.brand_id = $1`, id)
		} else {
			pages, err = productKeysWhere(ctx, tx, `p.brand_id = $1`, id)
		}
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "brand.update", "Brand", id, before, out)
	})
	return out, pages, err
}

// productKeysWhere returns the page keys of the products matching cond
// (a fixed SQL fragment over products p with parameter $1).
func productKeysWhere(ctx context.Context, tx pgx.Tx, cond string, arg any) ([]ProductKey, error) {
	keys, err := collect(ctx, tx, `SELECT p.id::text, p.slug FROM products p WHERE `+cond, func(r pgx.Row) (ProductKey, error) {
		var k ProductKey
		return k, r.Scan(&k.ID, &k.Slug)
	}, arg)
	if err != nil {
		return nil, fmt.Errorf("products to refresh: %w", err)
	}
	return keys, nil
}

// refreshProductsWhere recomputes the search columns of the products
// matching cond and returns their page keys.
func refreshProductsWhere(ctx context.Context, tx pgx.Tx, cond string, arg any) ([]ProductKey, error) {
	keys, err := productKeysWhere(ctx, tx, cond, arg)
	if err != nil || len(keys) == 0 {
		return keys, err
	}
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	return keys, refresh(ctx, tx, ids...)
}
