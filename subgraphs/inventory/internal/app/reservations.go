package app

import (
	"context"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
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
