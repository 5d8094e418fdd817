package app

import (
	"context"
	"errors"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
	"github.com/purra/supergraph/subgraphs/inventory/internal/store"
)

// ReserveInput is checkout's request for stock.
type ReserveInput struct {
	OrderID    string
	Lines      []stock.Line
	TTLSeconds *int
}

// ReserveStock holds every line for the order, or none. The caller is the
// shopper (orders forwards their token); a repeat for the same order by the
// same shopper with the same lines returns the existing reservation.
func (a *App) ReserveStock(ctx context.Context, in ReserveInput) (stock.Reservation, error) {
	caller, err := auth.Require(ctx)
	if err != nil {
		return stock.Reservation{}, err
	}
	req, err := stock.NewReserveRequest(in.OrderID, caller.Subject, in.Lines, in.TTLSeconds, a.cfg.ReservationTTL)
	if err != nil {
		return stock.Reservation{}, err
	}
	r, existed, err := a.store.Reserve(ctx, req)
	if err != nil {
		return stock.Reservation{}, err
	}
	if existed {
		if err := r.Repeat(req); err != nil {
			return stock.Reservation{}, err
		}
	}
	return r, nil
}

// ReleaseStock releases the order's reservation if it still holds stock
// (checkout compensation). Only the shopper who reserved it, or an admin.
func (a *App) ReleaseStock(ctx context.Context, orderID string) (bool, error) {
	caller, err := auth.Require(ctx)
	if err != nil {
		return false, err
	}
	id, ok := stock.ParseID(orderID)
	if !ok {
		return false, errs.BadInput("orderId", "must be a UUID")
	}
	return a.store.Release(ctx, id, caller.Subject, func(r stock.Reservation) error {
		if r.UserID != caller.Subject && !caller.Has(AdminScope) {
			return errs.Denied("the order's stock was reserved by another user")
		}
		return nil
	})
}

// CommitStock commits the order's reservation before orders confirms the
// paid order (docs/commerce.md, "Paid in time"): COMMITTED, or CONFLICT
// STOCK_UNAVAILABLE when it expired and its units were sold meanwhile (the
// order is then cancelled and refunded), CONFLICT RESERVATION_CLOSED when it
// was released, NOT_FOUND when inventory never reserved it. Repeating it is
// harmless. Internal: orders' clock calls it without a shopper.
func (a *App) CommitStock(ctx context.Context, orderID string) (stock.Reservation, error) {
	id, ok := stock.ParseID(orderID)
	if !ok {
		return stock.Reservation{}, errs.BadInput("orderId", "must be a UUID")
	}
	r, err := a.store.Commit(ctx, id)
	switch {
	case errors.Is(err, store.ErrRetakeShort):
		return r, errs.Conflicting("order %s: its reservation expired and the stock was sold meanwhile", id).
			WithReason(stock.ReasonUnavailable)
	case errors.Is(err, store.ErrNoReservation):
		return r, errs.Missing("stock reservation")
	}
	return r, err
}
