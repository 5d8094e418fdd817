package app

import (
	"context"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/store"
)

// Per-store fulfilment (docs/marketplace.md): only the owner of a
// fulfilment's store, or an admin with orders:update, moves it. The buyer
// and the other stores' owners get FORBIDDEN, whatever the fulfilment's
// state, and nothing is written.

// MarkFulfilmentPacked moves fulfilment id from CONFIRMED to PACKED.
func (a *App) MarkFulfilmentPacked(ctx context.Context, id string) (*order.Order, *order.Fulfilment, error) {
	return a.changeFulfilment(ctx, id, "fulfilment.pack", func(o *order.Order) (*order.Fulfilment, error) {
		return o.PackFulfilment(id, a.now())
	})
}

// MarkFulfilmentShipped moves fulfilment id from PACKED to SHIPPED with its tracking number.
func (a *App) MarkFulfilmentShipped(ctx context.Context, id, trackingNumber, carrier string) (*order.Order, *order.Fulfilment, error) {
	tn, c, err := order.ParseShipment(trackingNumber, carrier)
	if err != nil {
		return nil, nil, err
	}
	return a.changeFulfilment(ctx, id, "fulfilment.ship", func(o *order.Order) (*order.Fulfilment, error) {
		return o.ShipFulfilment(id, tn, c, a.now())
	})
}

// MarkFulfilmentDelivered moves fulfilment id from SHIPPED to DELIVERED.
func (a *App) MarkFulfilmentDelivered(ctx context.Context, id string) (*order.Order, *order.Fulfilment, error) {
	return a.changeFulfilment(ctx, id, "fulfilment.deliver", func(o *order.Order) (*order.Fulfilment, error) {
		return o.DeliverFulfilment(id, a.now())
	})
}

// CancelFulfilment cancels fulfilment id before it ships.
func (a *App) CancelFulfilment(ctx context.Context, id, reason string) (*order.Order, *order.Fulfilment, error) {
	r, err := order.ParseReason(reason)
	if err != nil {
		return nil, nil, err
	}
	return a.changeFulfilment(ctx, id, "fulfilment.cancel", func(o *order.Order) (*order.Fulfilment, error) {
		return o.CancelFulfilment(id, r, a.now())
	})
}

func (a *App) changeFulfilment(ctx context.Context, id, action string, move func(*order.Order) (*order.Fulfilment, error)) (*order.Order, *order.Fulfilment, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return nil, nil, err
	}
	f, err := a.store.FulfilmentByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if f == nil {
		return nil, nil, order.ErrNoFulfilment
	}
	ok, err := a.mayFulfil(ctx, who, f.StoreID)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, errNotYourFulfilment
	}
	var moved *order.Fulfilment
	o, err := a.store.Update(ctx, f.OrderID, who.Subject, store.AdminAction{Permission: ScopeUpdate, Action: action},
		func(o *order.Order) error {
			var err error
			moved, err = move(o)
			return err
		})
	if err != nil {
		return nil, nil, err
	}
	return o, moved, nil
}

// mayFulfil reports whether the caller may act for storeID (its
// fulfilments, returns and invoices): an admin with orders:update, or the
// store's owner.
func (a *App) mayFulfil(ctx context.Context, who auth.Identity, storeID string) (bool, error) {
	if who.Has(ScopeUpdate) {
		return true, nil
	}
	stores, err := a.ownedStores(ctx, who)
	if err != nil {
		return false, err
	}
	for _, s := range stores {
		if s == storeID {
			return true, nil
		}
	}
	return false, nil
}

var errNotYourFulfilment = errs.Denied("only the owner of this fulfilment's store (or Purra) can see or change it")

// FulfilmentPage is one page of a store's fulfilments, with their orders
// (for the order number, address snapshot and payment method).
type FulfilmentPage struct {
	Fulfilments []*order.Fulfilment
	Orders      map[string]*order.Order
	Total       int
	HasMore     bool
}

// MyStoreOrders lists the fulfilments of the caller's stores, newest first.
func (a *App) MyStoreOrders(ctx context.Context, status order.FulfilmentStatus, p order.Page) (FulfilmentPage, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return FulfilmentPage{}, err
	}
	if status != "" && !status.Valid() {
		return FulfilmentPage{}, errs.BadInput("status", "unknown status")
	}
	stores, err := a.ownedStores(ctx, who)
	if err != nil || len(stores) == 0 {
		return FulfilmentPage{}, err
	}
	return a.fulfilments(ctx, store.FulfilmentFilter{StoreIDs: stores, Status: status}, p)
}

// StoreFulfilments lists storeID's fulfilments for its owner or an admin;
// anyone else gets nil.
func (a *App) StoreFulfilments(ctx context.Context, storeID string, status order.FulfilmentStatus, p order.Page) (*FulfilmentPage, error) {
	who, ok := auth.From(ctx)
	if !ok {
		return nil, nil
	}
	if status != "" && !status.Valid() {
		return nil, errs.BadInput("status", "unknown status")
	}
	if ok, err := a.mayFulfil(ctx, who, storeID); err != nil || !ok {
		return nil, err
	}
	page, err := a.fulfilments(ctx, store.FulfilmentFilter{StoreIDs: []string{storeID}, Status: status}, p)
	return &page, err
}

func (a *App) fulfilments(ctx context.Context, f store.FulfilmentFilter, p order.Page) (FulfilmentPage, error) {
	fs, total, more, err := a.store.ListFulfilments(ctx, f, p)
	if err != nil {
		return FulfilmentPage{}, err
	}
	ids := make([]string, len(fs))
	for i, fl := range fs {
		ids[i] = fl.OrderID
	}
	orders, err := a.store.OrdersByIDs(ctx, ids)
	return FulfilmentPage{Fulfilments: fs, Orders: orders, Total: total, HasMore: more}, err
}

// FulfilmentsByOrderIDs and FulfilmentHistory load fulfilment edges for the
// loaders; the orders were authorised when they were read.
func (a *App) FulfilmentsByOrderIDs(ctx context.Context, ids []string) (map[string][]*order.Fulfilment, error) {
	return a.store.FulfilmentsByOrderIDs(ctx, ids)
}

func (a *App) FulfilmentHistory(ctx context.Context, ids []string) (map[string][]order.FulfilmentChange, error) {
	return a.store.FulfilmentHistory(ctx, ids)
}

// FulfilmentFresh reads fulfilment id and its order without authorisation
// or caching, for a subscriber already authorised when it subscribed.
func (a *App) FulfilmentFresh(ctx context.Context, id string) (*order.Order, *order.Fulfilment, error) {
	f, err := a.store.FulfilmentByID(ctx, id)
	if err != nil || f == nil {
		return nil, nil, err
	}
	o, err := a.store.OrderByID(ctx, f.OrderID)
	return o, f, err
}
