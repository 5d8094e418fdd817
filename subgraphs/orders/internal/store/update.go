package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// AdminAction names what a status change is when an admin makes it
// (audit.Entry's Permission and Action).
type AdminAction struct {
	Permission string // e.g. "orders:update"
	Action     string // e.g. "order.pack"
}

// statusSummary is the audit entry's before/after: status and what came
// with it, never the buyer's address or other personal data.
type statusSummary struct {
	Status             order.Status `json:"status"`
	TrackingNumber     string       `json:"trackingNumber,omitempty"`
	Carrier            string       `json:"carrier,omitempty"`
	CancellationReason string       `json:"cancellationReason,omitempty"`
	TotalPaise         int64        `json:"totalPaise"`
}

func summarize(o *order.Order) statusSummary {
	return statusSummary{Status: o.Status, TrackingNumber: o.TrackingNumber, Carrier: o.Carrier,
		CancellationReason: o.CancellationReason, TotalPaise: o.Totals.Total}
}

// Update locks order id, lets change decide what happens to it and saves
// the result with its events, in one transaction (act.Action "" for the
// system's own changes: orders' clock). ErrNotFound when there is
// no such order; change's error aborts without writing anything. When the
// caller is an admin, the change is audited as act in the same transaction.
func (s *Store) Update(ctx context.Context, id, actor string, act AdminAction, change func(*order.Order) error) (*order.Order, error) {
	var o *order.Order
	var before statusSummary
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		o, err = s.UpdateTx(ctx, tx, id, actor, func(o *order.Order) error {
			before = summarize(o)
			return change(o)
		})
		if err != nil || len(o.Changes()) == 0 || act.Action == "" {
			return err // an admin's status change is audited; the system's own are not admin actions
		}
		return audit.Record(ctx, tx, s.topic, s.service, audit.Entry{
			Permission: act.Permission, Action: act.Action, TargetType: "Order", TargetID: o.ID,
			Before: before, After: summarize(o),
		})
	})
	return o, err
}

// UpdateTx is Update inside the caller's transaction (event handlers,
// whose dedupe mark shares it).
func (s *Store) UpdateTx(ctx context.Context, tx pgx.Tx, id, actor string, change func(*order.Order) error) (*order.Order, error) {
	if len(uuids([]string{id})) == 0 {
		return nil, ErrNotFound
	}
	o, err := scanOrder(tx.QueryRow(ctx, `SELECT `+orderCols+` FROM orders o WHERE o.id = $1 FOR UPDATE`, id))
	if pg.IsNoRows(err) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("lock order %s: %w", id, err)
	}
	items, err := itemsOf(ctx, tx, []string{id})
	if err != nil {
		return nil, err
	}
	o.Items = items[id]
	// The fulfilments are locked with their order (every change goes
	// through the order's row lock).
	fs, err := fulfilmentsOf(ctx, tx, []string{id})
	if err != nil {
		return nil, err
	}
	o.Fulfilments = fs[id]
	settleBefore := o.SettleAt
	if err := change(o); err != nil {
		return nil, err
	}
	if len(o.Changes()) == 0 && len(o.FulfilmentChanges()) == 0 && sameTime(settleBefore, o.SettleAt) {
		return o, nil // nothing to do (e.g. a late event for a settled order)
	}
	if _, err := tx.Exec(ctx, `UPDATE orders SET status = $2, tracking_number = nullif($3, ''), carrier = nullif($4, ''),
		cancellation_reason = nullif($5, ''), payment_due_by = $6, settle_at = $7, updated_at = $8 WHERE id = $1`,
		o.ID, o.Status, o.TrackingNumber, o.Carrier, o.CancellationReason, o.PaymentDueBy, o.SettleAt, o.UpdatedAt); err != nil {
		return nil, fmt.Errorf("update order %s: %w", id, err)
	}
	// Fulfilment events first: consumers (payments, inventory) then see a
	// store's cancellation before the order's own CANCELLED.
	if err := s.saveFulfilmentChanges(ctx, tx, o, actor); err != nil {
		return nil, err
	}
	if err := s.saveChanges(ctx, tx, o, actor); err != nil {
		return nil, err
	}
	return o, nil
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
