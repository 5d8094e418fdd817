// Package store is the orders subgraph's only SQL: reads for pages, loaders
// and entities, the checkout claims, and transactional writes that append
// their events to the outbox in the same transaction.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// Store reads and writes purra_orders.
type Store struct {
	db      *pgxpool.Pool
	topic   string
	service string // names this subgraph in audit entries
}

// New returns a store whose events go to topic, on behalf of service.
func New(db *pgxpool.Pool, topic, service string) *Store {
	return &Store{db: db, topic: topic, service: service}
}

// ErrNotFound: no such order.
var ErrNotFound = errs.Missing("order")

// ErrDuplicateKey: the user already placed an order with this idempotency key.
var ErrDuplicateKey = errs.Conflicting("idempotency key already used").WithReason("DUPLICATE_IDEMPOTENCY_KEY")

// ErrClaimLost: the checkout's claim was taken over (its heartbeat stopped
// long enough for another call or the clock to declare it dead), so it must
// not place its order; it undoes what it reserved instead.
var ErrClaimLost = errors.New("checkout claim was taken over")

const orderCols = `o.id, o.order_number, o.user_id, o.idempotency_key, o.status, o.payment_method,
	coalesce(o.upi_vpa, ''), coalesce(o.coupon_code, ''), o.shipping_address, o.store_ids::text[],
	o.subtotal_paise, o.automatic_discount_paise, o.coupon_discount_paise, o.cgst_paise, o.sgst_paise,
	o.igst_paise, o.gst_paise, o.shipping_paise, o.total_paise, coalesce(o.tracking_number, ''),
	coalesce(o.carrier, ''), coalesce(o.cancellation_reason, ''), o.payment_due_by, o.settle_at, o.placed_at, o.updated_at`

func scanOrder(row pgx.Row) (*order.Order, error) {
	var o order.Order
	var addr []byte
	t := &o.Totals
	err := row.Scan(&o.ID, &o.Number, &o.UserID, &o.IdempotencyKey, &o.Status, &o.Payment.Type, &o.Payment.UPIVPA,
		&o.CouponCode, &addr, &o.StoreIDs, &t.Subtotal, &t.AutomaticDiscount, &t.CouponDiscount, &t.CGST, &t.SGST,
		&t.IGST, &t.GST, &t.Shipping, &t.Total, &o.TrackingNumber, &o.Carrier, &o.CancellationReason,
		&o.PaymentDueBy, &o.SettleAt, &o.PlacedAt, &o.UpdatedAt)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(addr, &o.Address); err != nil {
		return nil, fmt.Errorf("decode address of order %s: %w", o.ID, err)
	}
	o.PlacedAt, o.UpdatedAt = o.PlacedAt.UTC(), o.UpdatedAt.UTC()
	o.PaymentDueBy, o.SettleAt = utc(o.PaymentDueBy), utc(o.SettleAt)
	return &o, nil
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

const itemCols = `i.id, i.order_id, i.variant_id, i.store_id, i.sku, i.title, i.unit_price_paise, i.quantity,
	i.line_subtotal_paise, i.discount_paise, i.gst_rate_percent::float8, i.gst_paise, i.line_total_paise,
	coalesce(i.product_id::text, ''), i.hsn_code, i.category_ids::text[], i.automatic_discount_paise, i.coupon_discount_paise`

func scanItem(row pgx.Row) (string, order.Item, error) {
	var it order.Item
	var orderID string
	err := row.Scan(&it.ID, &orderID, &it.VariantID, &it.StoreID, &it.SKU, &it.Title, &it.UnitPrice, &it.Quantity,
		&it.LineSubtotal, &it.Discount, &it.GSTRatePercent, &it.GST, &it.LineTotal, &it.ProductID, &it.HSNCode,
		&it.CategoryIDs, &it.AutomaticDiscount, &it.CouponDiscount)
	return orderID, it, err
}

type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// itemsOf reads the items of orders ids, in position order.
func itemsOf(ctx context.Context, q querier, ids []string) (map[string][]order.Item, error) {
	rows, err := q.Query(ctx, `SELECT `+itemCols+` FROM order_items i WHERE i.order_id = ANY($1::uuid[])
		ORDER BY i.order_id, i.position`, ids)
	if err != nil {
		return nil, fmt.Errorf("order items: %w", err)
	}
	defer rows.Close()
	out := make(map[string][]order.Item, len(ids))
	for rows.Next() {
		id, it, err := scanItem(rows)
		if err != nil {
			return nil, fmt.Errorf("scan order item: %w", err)
		}
		out[id] = append(out[id], it)
	}
	return out, rows.Err()
}

// appendEvents records evs about order orderID in tx.
func (s *Store) appendEvents(ctx context.Context, tx pgx.Tx, orderID, actor string, evs ...kafka.Event) error {
	msgs := make([]kafka.Message, 0, len(evs))
	for _, e := range evs {
		m, err := kafka.NewMessage(ctx, s.topic, orderID, actor, e)
		if err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	return outbox.Append(ctx, tx, msgs...)
}

// saveChanges writes o's recorded status changes to its history and
// publishes them, in tx.
func (s *Store) saveChanges(ctx context.Context, tx pgx.Tx, o *order.Order, actor string) error {
	changes := o.Changes()
	if len(changes) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	for _, c := range changes {
		var from *string
		if c.From != "" {
			f := string(c.From)
			from = &f
		}
		batch.Queue(`INSERT INTO order_status_history (order_id, from_status, to_status, note, actor, at)
			VALUES ($1, $2, $3, nullif($4, ''), nullif($5, ''), $6)`, o.ID, from, c.To, c.Note, actor, c.At)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("order %s history: %w", o.ID, err)
	}
	evs := make([]kafka.Event, 0, len(changes))
	for _, e := range o.StatusChangedEvents() {
		evs = append(evs, e)
	}
	return s.appendEvents(ctx, tx, o.ID, actor, evs...)
}
