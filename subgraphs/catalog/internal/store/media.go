package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// AddProductMedia appends an image to a product, with product.updated.
func (s *Store) AddProductMedia(ctx context.Context, m catalog.NewMedia, actor string) (catalog.Media, error) {
	var out catalog.Media
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		p, err := lockProduct(ctx, tx, m.OwnerID)
		if err != nil {
			return err
		}
		if out, err = insertMedia(ctx, tx, "product_media", "product_media_urls", "product_id", m); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE products SET updated_at = now() WHERE id = $1`, p.ID); err != nil {
			return fmt.Errorf("touch product: %w", err)
		}
		if err := s.appendEvents(ctx, tx, p.ID, actor, catalog.ProductUpdated{
			ProductID: p.ID, StoreID: p.StoreID, Slug: p.Slug, Title: p.Title, Status: p.Status, Changed: []string{"media"},
		}); err != nil {
			return err
		}
		return s.audit(ctx, tx, "product.add_media", "Product", p.ID, nil, map[string]any{"mediaId": out.ID, "alt": out.Alt})
	})
	return out, err
}

// AddVariantMedia appends an image to a variant, with variant.updated.
func (s *Store) AddVariantMedia(ctx context.Context, m catalog.NewMedia, actor string) (catalog.Media, error) {
	var out catalog.Media
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		v, err := lockVariant(ctx, tx, m.OwnerID)
		if err != nil {
			return err
		}
		if out, err = insertMedia(ctx, tx, "variant_media", "variant_media_urls", "variant_id", m); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE products SET updated_at = now() WHERE id = $1`, v.ProductID); err != nil {
			return fmt.Errorf("touch product: %w", err)
		}
		if err := s.appendEvents(ctx, tx, v.ProductID, actor, catalog.VariantUpdated{
			VariantID: v.ID, ProductID: v.ProductID, SKU: v.SKU, Title: v.Title, MinOrderQuantity: v.MOQ, Changed: []string{"media"},
		}); err != nil {
			return err
		}
		return s.audit(ctx, tx, "variant.add_media", "ProductVariant", v.ID, nil, map[string]any{"mediaId": out.ID, "alt": out.Alt})
	})
	return out, err
}

// insertMedia writes an image last in its owner's display order. The table
// names are constants of this package, never input.
func insertMedia(ctx context.Context, tx pgx.Tx, table, urlTable, ownerCol string, m catalog.NewMedia) (catalog.Media, error) {
	out := catalog.Media{ID: uuid.Must(uuid.NewV7()).String(), OwnerID: m.OwnerID, Alt: m.Alt, URLs: m.URLs}
	err := tx.QueryRow(ctx, fmt.Sprintf(`INSERT INTO %[1]s (id, %[2]s, alt, position)
		VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM %[1]s WHERE %[2]s = $2)) RETURNING position`,
		table, ownerCol), out.ID, m.OwnerID, m.Alt).Scan(&out.Position)
	if err != nil {
		return out, fmt.Errorf("insert %s: %w", table, err)
	}
	b := &pgx.Batch{}
	for _, u := range m.URLs {
		b.Queue(fmt.Sprintf(`INSERT INTO %s (media_id, url, width, format) VALUES ($1, $2, $3, $4)`, urlTable),
			out.ID, u.URL, u.Width, u.Format)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return out, fmt.Errorf("insert %s: %w", urlTable, err)
	}
	return out, nil
}
