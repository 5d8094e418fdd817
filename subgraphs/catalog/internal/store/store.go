// Package store is the catalogue's only SQL: reads for pages, listings and
// loaders, and transactional writes that append their events to the outbox
// in the same transaction.
package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Store reads and writes purra_catalog.
type Store struct {
	db    *pgxpool.Pool
	topic string
}

// New returns a store whose events go to topic.
func New(db *pgxpool.Pool, topic string) *Store { return &Store{db: db, topic: topic} }

// productCols selects a catalog.Product from products p (see scanProduct).
// The GST rate is that of the longest gst_rates prefix of the HSN code.
const productCols = `p.id, p.store_id, p.brand_id, p.category_id, p.title, p.slug, p.description, p.hsn_code,
	coalesce((SELECT g.rate_percent FROM gst_rates g WHERE p.hsn_code LIKE g.hsn_code || '%'
	          ORDER BY length(g.hsn_code) DESC LIMIT 1), 0)::float8,
	p.status, coalesce(p.created_by::text, ''), p.created_at, p.updated_at, p.min_price_paise, p.max_price_paise`

func scanProduct(row pgx.Row) (catalog.Product, error) {
	var p catalog.Product
	err := row.Scan(&p.ID, &p.StoreID, &p.BrandID, &p.CategoryID, &p.Title, &p.Slug, &p.Description, &p.HSNCode,
		&p.GSTRate, &p.Status, &p.CreatedBy, &p.CreatedAt, &p.UpdatedAt, &p.MinPrice, &p.MaxPrice)
	return p, err
}

const variantCols = `v.id, v.product_id, v.sku, v.title, v.mrp_paise, v.price_paise, v.retailer_price_paise,
	v.min_order_quantity, v.position`

func scanVariant(row pgx.Row) (catalog.Variant, error) {
	var v catalog.Variant
	err := row.Scan(&v.ID, &v.ProductID, &v.SKU, &v.Title, &v.MRP, &v.Price, &v.RetailerPrice, &v.MOQ, &v.Position)
	return v, err
}

// appendEvents records evs in tx under message key key: the product id for
// product and variant events, the HSN code for GST rate events.
func (s *Store) appendEvents(ctx context.Context, tx pgx.Tx, key, actor string, evs ...kafka.Event) error {
	msgs := make([]kafka.Message, 0, len(evs))
	for _, e := range evs {
		m, err := kafka.NewMessage(ctx, s.topic, key, actor, e)
		if err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	return outbox.Append(ctx, tx, msgs...)
}

// refresh recomputes the denormalised price range and search document.
func refresh(ctx context.Context, tx pgx.Tx, productIDs ...string) error {
	if _, err := tx.Exec(ctx, `SELECT refresh_products($1::uuid[])`, productIDs); err != nil {
		return fmt.Errorf("refresh products: %w", err)
	}
	return nil
}

// collect runs a query and scans every row with scan.
func collect[T any](ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, sql string, scan func(pgx.Row) (T, error), args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (T, error) { return scan(r) })
}

// Service is the catalogue's name in audit entries.
const Service = "catalog"

// PermissionCatalogWrite is the admin permission every audited catalogue write needs.
const PermissionCatalogWrite = "catalog:write"

// audit records the calling admin's action in tx (platform/audit records
// nothing for shoppers and owners, so every write calls it).
func (s *Store) audit(ctx context.Context, tx pgx.Tx, action, targetType, targetID string, before, after any) error {
	return audit.Record(ctx, tx, s.topic, Service, audit.Entry{
		Permission: PermissionCatalogWrite, Action: action, TargetType: targetType, TargetID: targetID,
		Before: before, After: after,
	})
}

// productSummary is a product as audit entries show it.
type productSummary struct {
	Title      string         `json:"title"`
	Slug       string         `json:"slug"`
	Status     catalog.Status `json:"status"`
	StoreID    string         `json:"storeId"`
	BrandID    string         `json:"brandId"`
	CategoryID string         `json:"categoryId"`
	HSNCode    string         `json:"hsnCode"`
}

func summarizeProduct(p catalog.Product) productSummary {
	return productSummary{Title: p.Title, Slug: p.Slug, Status: p.Status, StoreID: p.StoreID, BrandID: p.BrandID,
		CategoryID: p.CategoryID, HSNCode: p.HSNCode}
}

// variantSummary is a variant as audit entries show it.
type variantSummary struct {
	SKU           string `json:"sku"`
	Title         string `json:"title"`
	MRP           int64  `json:"mrpPaise"`
	Price         int64  `json:"pricePaise"`
	RetailerPrice *int64 `json:"retailerPricePaise,omitempty"`
	MOQ           int    `json:"minOrderQuantity"`
}

func summarizeVariant(v catalog.Variant) variantSummary {
	return variantSummary{SKU: v.SKU, Title: v.Title, MRP: v.MRP, Price: v.Price, RetailerPrice: v.RetailerPrice, MOQ: v.MOQ}
}
