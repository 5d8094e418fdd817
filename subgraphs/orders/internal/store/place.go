package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// Place writes a new order in one transaction: its number, the order, its
// items, its fulfilments (one per store), its first history entries, order.placed (and order.status_changed
// for an order confirmed at once), and drops the checkout's claim, which
// must still be this checkout's (ErrClaimLost otherwise, nothing written). o.ID
// must be set; o.Number and the item ids are assigned here.
// ErrDuplicateKey when the user already has an order with the key.
func (s *Store) Place(ctx context.Context, o *order.Order, actor string) error {
	addr, err := json.Marshal(o.Address)
	if err != nil {
		return fmt.Errorf("encode address: %w", err)
	}
	for i := range o.Items {
		id, err := uuid.NewV7()
		if err != nil {
			return err
		}
		o.Items[i].ID = id.String()
	}
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var seq int64
		if err := tx.QueryRow(ctx, `SELECT nextval('order_number_seq')`).Scan(&seq); err != nil {
			return fmt.Errorf("order number: %w", err)
		}
		o.Number = order.Number(o.PlacedAt.In(order.India).Year(), seq)
		t := o.Totals
		if _, err := tx.Exec(ctx, `INSERT INTO orders (id, order_number, user_id, idempotency_key, status,
			payment_method, upi_vpa, coupon_code, shipping_address, store_ids, subtotal_paise,
			automatic_discount_paise, coupon_discount_paise, cgst_paise, sgst_paise, igst_paise, gst_paise,
			shipping_paise, total_paise, payment_due_by, settle_at, placed_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, nullif($7, ''), nullif($8, ''), $9, $10::uuid[], $11, $12, $13, $14,
			        $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
			o.ID, o.Number, o.UserID, o.IdempotencyKey, o.Status, o.Payment.Type, o.Payment.UPIVPA, o.CouponCode,
			addr, o.StoreIDs, t.Subtotal, t.AutomaticDiscount, t.CouponDiscount, t.CGST, t.SGST, t.IGST, t.GST,
			t.Shipping, t.Total, o.PaymentDueBy, o.SettleAt, o.PlacedAt, o.UpdatedAt); err != nil {
			return err
		}
		rows := make([][]any, len(o.Items))
		for i, it := range o.Items {
			var product *string
			if it.ProductID != "" {
				product = &it.ProductID
			}
			categories := it.CategoryIDs
			if categories == nil {
				categories = []string{}
			}
			rows[i] = []any{it.ID, o.ID, i, it.VariantID, it.StoreID, it.SKU, it.Title, it.UnitPrice, it.Quantity,
				it.LineSubtotal, it.Discount, it.GSTRatePercent, it.GST, it.LineTotal, product, it.HSNCode, categories,
				it.AutomaticDiscount, it.CouponDiscount}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"order_items"}, []string{"id", "order_id", "position",
			"variant_id", "store_id", "sku", "title", "unit_price_paise", "quantity", "line_subtotal_paise",
			"discount_paise", "gst_rate_percent", "gst_paise", "line_total_paise", "product_id", "hsn_code",
			"category_ids", "automatic_discount_paise", "coupon_discount_paise"}, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("order items: %w", err)
		}
		if err := insertFulfilments(ctx, tx, o, actor); err != nil {
			return err
		}
		if err := s.appendEvents(ctx, tx, o.ID, actor, o.PlacedEvent()); err != nil {
			return err
		}
		if err := s.saveFulfilmentChanges(ctx, tx, o, actor); err != nil {
			return err
		}
		if err := s.saveChanges(ctx, tx, o, actor); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `DELETE FROM checkout_claims WHERE user_id = $1 AND idempotency_key = $2 AND order_id = $3`,
			o.UserID, o.IdempotencyKey, o.ID)
		if err == nil && tag.RowsAffected() != 1 {
			return ErrClaimLost // declared dead meanwhile: its reservation is being released
		}
		return err
	})
	if errors.Is(err, ErrClaimLost) {
		return err
	}
	if pg.IsUniqueViolation(err, "orders_user_idempotency_key") {
		return ErrDuplicateKey
	}
	if err != nil {
		return fmt.Errorf("place order %s: %w", o.ID, err)
	}
	return nil
}
