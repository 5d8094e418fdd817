package app

import (
	"context"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/returns"
	"github.com/purra/supergraph/subgraphs/orders/internal/store"
)

// Returns (docs/marketplace.md, "Returns"): the shopper asks, the store (or
// an admin with orders:update) approves or rejects and receives; payments
// refunds on receipt and says so with payment.refunded.

var (
	errReturnNotYours = errs.Denied("this return belongs to another store")
	errNotYourOrder   = errs.Denied("only the order's buyer can return its items")
)

// RequestReturn records a shopper's return of delivered lines of their
// order (one fulfilment), REQUESTED, with order.return_changed.
func (a *App) RequestReturn(ctx context.Context, in returns.Request) (*returns.Return, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	in, err = returns.ParseRequest(in)
	if err != nil {
		return nil, err
	}
	o, err := a.store.OrderByID(ctx, in.OrderID)
	if err != nil {
		return nil, err
	}
	if o == nil {
		return nil, store.ErrNotFound
	}
	if o.UserID != who.Subject {
		return nil, errNotYourOrder
	}
	id := uuid.Must(uuid.NewV7()).String()
	return a.store.RequestReturn(ctx, store.ReturnRequest{
		Request: in, DefaultDays: a.cfg.ReturnWindowDays, Now: a.now(), Actor: who.Subject,
		Decide: func(f returns.Facts) (*returns.Return, error) { return returns.New(id, in, f) },
	})
}

// ApproveReturn: REQUESTED → APPROVED, by the return's store (or an admin).
func (a *App) ApproveReturn(ctx context.Context, id string) (*returns.Return, error) {
	return a.returnStep(ctx, id, "return.approve", func(r *returns.Return) error { return r.Approve(a.now()) })
}

// RejectReturn: REQUESTED → REJECTED for reason (3–500 characters).
func (a *App) RejectReturn(ctx context.Context, id, reason string) (*returns.Return, error) {
	why, err := returns.ParseRejection(reason)
	if err != nil {
		return nil, err
	}
	return a.returnStep(ctx, id, "return.reject", func(r *returns.Return) error { return r.Reject(why, a.now()) })
}

// Receipt is whether one received item can be sold again.
type Receipt struct {
	OrderItemID string
	Resaleable  bool
}

// MarkReturnReceived: APPROVED → RECEIVED, naming every item of the return
// once with whether it is resaleable. Payments then refunds it and
// inventory restocks the resaleable units (order.return_changed).
func (a *App) MarkReturnReceived(ctx context.Context, id string, items []Receipt) (*returns.Return, error) {
	resaleable := make(map[string]bool, len(items))
	for _, it := range items {
		if _, dup := resaleable[it.OrderItemID]; dup {
			return nil, &returns.InputError{Field: "items", Message: "name every item of the return exactly once"}
		}
		resaleable[it.OrderItemID] = it.Resaleable
	}
	return a.returnStep(ctx, id, "return.receive", func(r *returns.Return) error { return r.Receive(resaleable, a.now()) })
}

// returnStep applies a store's step to return id for the owner of its
// store or an admin (audited as action).
func (a *App) returnStep(ctx context.Context, id, action string, fn func(*returns.Return) error) (*returns.Return, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	r, err := a.store.ReturnByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, returns.ErrNotFound
	}
	ok, err := a.mayFulfil(ctx, who, r.StoreID)
	if err != nil {
		return nil, err
	}
	if !ok {
		if r.UserID == who.Subject {
			return nil, errs.Denied("only the store or Purra can decide on this return")
		}
		return nil, errReturnNotYours
	}
	return a.store.UpdateReturn(ctx, id, who.Subject, store.AdminAction{Permission: ScopeUpdate, Action: action}, fn)
}


// ReturnPage is one page of a list of returns.
type ReturnPage struct {
	Returns []*returns.Return
	Total   int
	HasMore bool
}

// MyReturns lists the caller's returns, newest first.
func (a *App) MyReturns(ctx context.Context, status returns.Status, first int, after string) (ReturnPage, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return ReturnPage{}, err
	}
	return a.listReturns(ctx, store.ReturnFilter{UserID: who.Subject, Status: status}, first, after)
}

// StoreReturns lists store storeID's returns for its owner or an admin;
// anyone else gets nil (like User.orders for another user).
func (a *App) StoreReturns(ctx context.Context, storeID string, status returns.Status, first int, after string) (*ReturnPage, error) {
	who, ok := auth.From(ctx)
	if !ok {
		return nil, nil
	}
	if mine, err := a.mayFulfil(ctx, who, storeID); err != nil || !mine {
		return nil, err
	}
	p, err := a.listReturns(ctx, store.ReturnFilter{StoreID: storeID, Status: status}, first, after)
	return &p, err
}

func (a *App) listReturns(ctx context.Context, f store.ReturnFilter, first int, after string) (ReturnPage, error) {
	if f.Status != "" && !f.Status.Valid() {
		return ReturnPage{}, &returns.InputError{Field: "status", Message: "unknown status"}
	}
	rs, total, more, err := a.store.ListReturns(ctx, f, first, after)
	return ReturnPage{Returns: rs, Total: total, HasMore: more}, err
}

// ReturnsOfOrders loads Order.returns for orders the caller was already
// allowed to read: the buyer and admins see every return, a store owner
// only their own stores' (the other stores' lines are not theirs to see).
func (a *App) ReturnsOfOrders(ctx context.Context, ids []string) (map[string][]*returns.Return, error) {
	who, ok := auth.From(ctx)
	if !ok {
		return nil, nil
	}
	byOrder, err := a.store.ReturnsByOrderIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, rs := range byOrder {
		kept := rs[:0]
		for _, r := range rs {
			ok := r.UserID == who.Subject
			if !ok {
				if ok, err = a.mayFulfil(ctx, who, r.StoreID); err != nil {
					return nil, err
				}
			}
			if ok {
				kept = append(kept, r)
			}
		}
		byOrder[id] = kept
	}
	return byOrder, nil
}

// ReturnHistory loads the status history of returns already authorised.
func (a *App) ReturnHistory(ctx context.Context, ids []string) (map[string][]returns.Change, error) {
	return a.store.ReturnHistory(ctx, ids)
}

// ReturnRefunded marks the return a processed refund paid REFUNDED (and
// its fulfilment RETURNED once all of it is), in the consumer's
// transaction. A refund of no return, or of a return unknown here, changes
// nothing; a repeat changes nothing either.
func (a *App) ReturnRefunded(ctx context.Context, tx pgx.Tx, p returns.PaymentRefunded) error {
	if p.ReturnID == "" {
		return nil
	}
	_, err := a.store.UpdateReturnTx(ctx, tx, p.ReturnID, "", func(r *returns.Return) error { return r.MarkRefunded(a.now()) })
	if errors.Is(err, returns.ErrNotFound) {
		a.log.WarnContext(ctx, "refund for an unknown return ignored", "return_id", p.ReturnID, "order_id", p.OrderID)
		return nil
	}
	return err
}

// ReturnWindowSettings are the return windows: the default and each
// category's own.
type ReturnWindowSettings struct {
	DefaultDays int
	Categories  []store.ReturnWindow
}

// ReturnWindows lists the return windows, for admins with orders:update.
func (a *App) ReturnWindows(ctx context.Context) (ReturnWindowSettings, error) {
	if err := requireUpdate(ctx); err != nil {
		return ReturnWindowSettings{}, err
	}
	ws, err := a.store.ReturnWindows(ctx)
	return ReturnWindowSettings{DefaultDays: a.cfg.ReturnWindowDays, Categories: ws}, err
}

// SetReturnWindow gives a category its own window (0–365 days), or with
// days nil removes it; admins with orders:update, audited.
func (a *App) SetReturnWindow(ctx context.Context, categoryID string, days *int) (ReturnWindowSettings, error) {
	if err := requireUpdate(ctx); err != nil {
		return ReturnWindowSettings{}, err
	}
	if u, err := uuid.Parse(categoryID); err != nil || u.String() != categoryID {
		return ReturnWindowSettings{}, &returns.InputError{Field: "categoryId", Message: "not a valid category id"}
	}
	if days != nil && (*days < 0 || *days > returns.MaxWindowDays) {
		return ReturnWindowSettings{}, &returns.InputError{Field: "days", Message: "must be 0–365, or null for the default"}
	}
	action := "return_window.set"
	if days == nil {
		action = "return_window.remove"
	}
	if _, err := a.store.SetReturnWindow(ctx, categoryID, days, store.AdminAction{Permission: ScopeUpdate, Action: action}, a.now()); err != nil {
		return ReturnWindowSettings{}, err
	}
	return a.ReturnWindows(ctx)
}

func requireUpdate(ctx context.Context) error {
	who, err := auth.Require(ctx)
	if err != nil {
		return err
	}
	if !who.Has(ScopeUpdate) {
		return errs.Denied("needs the orders:update permission")
	}
	return nil
}
