package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// CreateVariant adds a variant (last in display order) with variant.created.
func (s *Store) CreateVariant(ctx context.Context, in catalog.NewVariant, actor string) (catalog.Variant, error) {
	v := catalog.Variant{
		ID: uuid.Must(uuid.NewV7()).String(), ProductID: in.ProductID, SKU: in.SKU, Title: in.Title,
		MRP: in.MRP, Price: in.Price, RetailerPrice: in.RetailerPrice, MOQ: in.MOQ,
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		p, err := lockProduct(ctx, tx, in.ProductID)
		if err != nil {
			return err
		}
		attrs, err := attributeValues(ctx, tx, in.AttributeValueIDs)
		if err != nil {
			return err
		}
		if err := catalog.CheckAttributes(attrs); err != nil {
			return err
		}
		if v.Title == "" {
			v.Title = catalog.VariantTitle(attrs)
		}
		_, err = tx.Exec(ctx, `INSERT INTO product_variants (id, product_id, sku, title, mrp_paise, price_paise,
				retailer_price_paise, min_order_quantity, position)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
				(SELECT coalesce(max(position) + 1, 0) FROM product_variants WHERE product_id = $2))`,
			v.ID, v.ProductID, v.SKU, v.Title, v.MRP, v.Price, v.RetailerPrice, v.MOQ)
		if pg.IsUniqueViolation(err, "product_variants_sku_key") {
			return ErrSKUTaken
		}
		if err != nil {
			return fmt.Errorf("insert variant: %w", err)
		}
		for _, a := range attrs {
			if _, err := tx.Exec(ctx, `INSERT INTO variant_attribute_values (variant_id, attribute_id, attribute_value_id)
				VALUES ($1, $2, $3)`, v.ID, a.AttributeID, a.ValueID); err != nil {
				return fmt.Errorf("insert variant attribute: %w", err)
			}
		}
		if err := refresh(ctx, tx, v.ProductID); err != nil {
			return err
		}
		if err := s.appendEvents(ctx, tx, v.ProductID, actor, variantCreated(v, p.StoreID, in.InitialStock)); err != nil {
			return err
		}
		return s.audit(ctx, tx, "variant.create", "ProductVariant", v.ID, nil, summarizeVariant(v))
	})
	if err != nil {
		return catalog.Variant{}, err
	}
	return s.variant(ctx, v.ID)
}

// variantCreated is the event announcing v, sold by storeID, with its initial stock.
func variantCreated(v catalog.Variant, storeID string, initialStock int) catalog.VariantCreated {
	return catalog.VariantCreated{
		VariantID: v.ID, ProductID: v.ProductID, StoreID: storeID, SKU: v.SKU, Title: v.Title, MRPPaise: v.MRP,
		PricePaise: v.Price, RetailerPricePaise: v.RetailerPrice, MinOrderQuantity: v.MOQ, InitialStock: initialStock,
	}
}

// attributeValues resolves value ids with their attributes; an unknown id
// is BAD_USER_INPUT on attributeValueIds.
func attributeValues(ctx context.Context, tx pgx.Tx, ids []string) ([]catalog.VariantAttribute, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	attrs, err := collect(ctx, tx, `SELECT '', a.id, a.name, a.slug, av.id, av.value
		FROM attribute_values av JOIN attributes a ON a.id = av.attribute_id
		WHERE av.id = ANY($1::uuid[]) ORDER BY a.position, a.name`, scanVariantAttribute, ids)
	if err != nil {
		return nil, fmt.Errorf("attribute values: %w", err)
	}
	if len(attrs) != len(ids) {
		return nil, errs.BadInput("attributeValueIds", "unknown attribute value")
	}
	return attrs, nil
}

// UpdateVariant locks the variant's product and the variant, lets fn change
// the variant, saves it, and records what fn returns: variant.price_changed
// and/or variant.updated.
func (s *Store) UpdateVariant(ctx context.Context, id, actor string,
	fn func(v *catalog.Variant) (*catalog.VariantPriceChanged, []string, error)) (catalog.Variant, error) {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		v, err := lockVariant(ctx, tx, id)
		if err != nil {
			return err
		}
		before := v
		priceEv, changed, err := fn(&v)
		if err != nil {
			return err
		}
		if priceEv == nil && len(changed) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE product_variants SET title = $2, mrp_paise = $3, price_paise = $4,
				retailer_price_paise = $5, min_order_quantity = $6, updated_at = now() WHERE id = $1`,
			id, v.Title, v.MRP, v.Price, v.RetailerPrice, v.MOQ); err != nil {
			return fmt.Errorf("update variant: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE products SET updated_at = now() WHERE id = $1`, v.ProductID); err != nil {
			return fmt.Errorf("touch product: %w", err)
		}
		if err := refresh(ctx, tx, v.ProductID); err != nil {
			return err
		}
		var evs []kafka.Event
		if priceEv != nil {
			evs = append(evs, *priceEv)
		}
		if len(changed) > 0 {
			evs = append(evs, catalog.VariantUpdated{VariantID: v.ID, ProductID: v.ProductID, SKU: v.SKU,
				Title: v.Title, MinOrderQuantity: v.MOQ, Changed: changed})
		}
		if err := s.appendEvents(ctx, tx, v.ProductID, actor, evs...); err != nil {
			return err
		}
		return s.audit(ctx, tx, "variant.update", "ProductVariant", v.ID, summarizeVariant(before), summarizeVariant(v))
	})
	if err != nil {
		return catalog.Variant{}, err
	}
	return s.variant(ctx, id)
}

// lockVariant locks the variant's product, then the variant (always in that
// order, as every product write does), NOT_FOUND when missing.
func lockVariant(ctx context.Context, tx pgx.Tx, id string) (catalog.Variant, error) {
	if _, err := tx.Exec(ctx, `SELECT 1 FROM products WHERE id = (SELECT product_id FROM product_variants WHERE id = $1) FOR UPDATE`, id); err != nil {
		return catalog.Variant{}, fmt.Errorf("lock variant's product: %w", err)
	}
	v, err := scanVariant(tx.QueryRow(ctx, `SELECT `+variantCols+` FROM product_variants v WHERE v.id = $1 FOR UPDATE`, id))
	if pg.IsNoRows(err) {
		return v, errs.Missing("variant")
	}
	if err != nil {
		return v, fmt.Errorf("lock variant %s: %w", id, err)
	}
	return v, nil
}

func (s *Store) variant(ctx context.Context, id string) (catalog.Variant, error) {
	v, err := scanVariant(s.db.QueryRow(ctx, `SELECT `+variantCols+` FROM product_variants v WHERE v.id = $1`, id))
	if err != nil {
		return v, fmt.Errorf("read variant %s: %w", id, err)
	}
	return v, nil
}
