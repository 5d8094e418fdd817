package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
	"github.com/purra/supergraph/subgraphs/inventory/internal/store"
)

// ErrInvalidEvent marks an event no retry can apply (a malformed id, a
// negative stock); the consumer logs and skips it.
var ErrInvalidEvent = errors.New("invalid event")

// maxSKU bounds the SKU copied from catalog (catalog allows 64).
const maxSKU = 100

// CreateLevel creates a new variant's stock level in tx with initial units
// on hand. A level that exists already is not touched (false).
func (a *App) CreateLevel(ctx context.Context, tx pgx.Tx, variantID, storeID, sku string, initial int) (bool, error) {
	vid, ok1 := stock.ParseID(variantID)
	sid, ok2 := stock.ParseID(storeID)
	if !ok1 || !ok2 || initial < 0 || initial > stock.MaxOnHand || len(sku) > maxSKU {
		return false, fmt.Errorf("%w: variant %q of store %q with initial stock %d", ErrInvalidEvent, variantID, storeID, initial)
	}
	return a.store.CreateLevel(ctx, tx, vid, sid, sku, initial)
}

// Order statuses inventory reacts to (orders' OrderStatus).
const (
	OrderConfirmed = "CONFIRMED"
	OrderCancelled = "CANCELLED"
)

// OrderStatusChanged applies an order's new status in tx: CONFIRMED commits
// its reservation, CANCELLED releases it (or returns committed units to the
// stock on hand). Other statuses, unknown orders and moves that no longer
// apply (a commit after a release) are no-ops: false.
func (a *App) OrderStatusChanged(ctx context.Context, tx pgx.Tx, orderID, to string) (bool, error) {
	id, ok := stock.ParseID(orderID)
	if !ok {
		return false, fmt.Errorf("%w: order id %q", ErrInvalidEvent, orderID)
	}
	switch to {
	case OrderConfirmed:
		moved, err := a.store.ConfirmOrder(ctx, tx, id)
		if errors.Is(err, store.ErrRetakeShort) {
			// Paid for, but its stock expired and sold meanwhile: nothing to
			// commit. Logged loudly for the store to settle; not retried.
			a.log.ErrorContext(ctx, "confirmed order's stock expired and is no longer available",
				"order_id", id, "err", err)
			return false, nil
		}
		return moved, err
	case OrderCancelled:
		return a.store.CancelOrder(ctx, tx, id)
	}
	return false, nil
}

// PaymentSucceeded pins a paid order's stock in tx as soon as payments
// reports the capture, whatever orders is doing: a reservation captured in
// time is committed before the reaper can hand its units to someone else.
// One that expired is taken again if its units are still there; if not,
// nothing moves here and orders' commitStock refuses (the order is then
// cancelled and refunded). Unknown orders (COD has no capture) are no-ops.
func (a *App) PaymentSucceeded(ctx context.Context, tx pgx.Tx, orderID string) (bool, error) {
	id, ok := stock.ParseID(orderID)
	if !ok {
		return false, fmt.Errorf("%w: order id %q", ErrInvalidEvent, orderID)
	}
	moved, err := a.store.ConfirmOrder(ctx, tx, id)
	if errors.Is(err, store.ErrRetakeShort) {
		a.log.WarnContext(ctx, "paid order's stock expired and was sold; orders will refund it", "order_id", id)
		return false, nil
	}
	return moved, err
}

// CheckoutAbandoned releases in tx the reservation of a checkout that died
// before placing its order (orders' clock found its claim stale).
func (a *App) CheckoutAbandoned(ctx context.Context, tx pgx.Tx, orderID string) (bool, error) {
	id, ok := stock.ParseID(orderID)
	if !ok {
		return false, fmt.Errorf("%w: order id %q", ErrInvalidEvent, orderID)
	}
	return a.store.AbandonOrder(ctx, tx, id)
}

// FulfilmentCancelled gives back in tx exactly the units of one store's
// cancelled fulfilment (its lines' variants), whatever the rest of the
// order does; repeats and unknown orders are no-ops.
func (a *App) FulfilmentCancelled(ctx context.Context, tx pgx.Tx, orderID string, variantIDs []string) (bool, error) {
	id, ok := stock.ParseID(orderID)
	if !ok {
		return false, fmt.Errorf("%w: order id %q", ErrInvalidEvent, orderID)
	}
	ids := make([]string, 0, len(variantIDs))
	for _, v := range variantIDs {
		vid, ok := stock.ParseID(v)
		if !ok {
			return false, fmt.Errorf("%w: variant id %q", ErrInvalidEvent, v)
		}
		ids = append(ids, vid)
	}
	if len(ids) == 0 {
		return false, nil
	}
	return a.store.CancelLines(ctx, tx, id, ids)
}

// ReturnedItem is a line of a received return (orders' order.return_changed).
type ReturnedItem struct {
	VariantID  string
	Quantity   int
	Resaleable bool
}

// ReturnReceived restocks, in tx, the resaleable units of a return orders
// received; the others (damaged, opened) stay out of stock. Once per
// return; a variant without a stock level is logged and skipped.
func (a *App) ReturnReceived(ctx context.Context, tx pgx.Tx, returnID, orderID string, items []ReturnedItem) (bool, error) {
	rid, ok1 := stock.ParseID(returnID)
	oid, ok2 := stock.ParseID(orderID)
	if !ok1 || !ok2 {
		return false, fmt.Errorf("%w: return %q of order %q", ErrInvalidEvent, returnID, orderID)
	}
	units := map[string]int{}
	for _, it := range items {
		vid, ok := stock.ParseID(it.VariantID)
		if !ok || it.Quantity < 1 || it.Quantity > stock.MaxQuantity {
			return false, fmt.Errorf("%w: return %s line %q × %d", ErrInvalidEvent, rid, it.VariantID, it.Quantity)
		}
		if it.Resaleable {
			units[vid] += it.Quantity
		}
	}
	moved, missing, err := a.store.RestockReturn(ctx, tx, rid, oid, units)
	if len(missing) > 0 {
		a.log.WarnContext(ctx, "returned variants without a stock level were not restocked", "return_id", rid,
			"variant_ids", missing)
	}
	return moved, err
}
