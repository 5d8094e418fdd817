package app

import (
	"context"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/store"
)

// OrderPage is one page of a list of orders.
type OrderPage struct {
	Orders  []*order.Order
	Total   int
	HasMore bool
}

// MyOrders lists the caller's orders, newest first.
func (a *App) MyOrders(ctx context.Context, p order.Page) (OrderPage, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return OrderPage{}, err
	}
	return a.list(ctx, store.Filter{UserID: id.Subject}, p)
}

// UserOrders lists userID's orders for userID themself; anyone else gets nil.
func (a *App) UserOrders(ctx context.Context, userID string, p order.Page) (*OrderPage, error) {
	id, ok := auth.From(ctx)
	if !ok || id.Subject != userID {
		return nil, nil
	}
	page, err := a.list(ctx, store.Filter{UserID: userID}, p)
	return &page, err
}

// StoreOrders lists the orders with items of the caller's stores.
func (a *App) StoreOrders(ctx context.Context, status order.Status, p order.Page) (OrderPage, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return OrderPage{}, err
	}
	if status != "" && !status.Valid() {
		return OrderPage{}, errs.BadInput("status", "unknown status")
	}
	stores, err := a.ownedStores(ctx, id)
	if err != nil {
		return OrderPage{}, err
	}
	if len(stores) == 0 {
		return OrderPage{}, nil
	}
	// Single-store orders only: a multi-store order would show its other
	// stores' lines (myStoreOrders lists each store's part instead).
	return a.list(ctx, store.Filter{StoreIDs: stores, Status: status, SingleStore: true}, p)
}

func (a *App) list(ctx context.Context, f store.Filter, p order.Page) (OrderPage, error) {
	orders, total, more, err := a.store.List(ctx, f, p)
	return OrderPage{Orders: orders, Total: total, HasMore: more}, err
}

// Order returns order id to whoever may see it; nil when there is no such
// order, FORBIDDEN when it is someone else's.
func (a *App) Order(ctx context.Context, id string) (*order.Order, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	o, err := a.store.OrderByID(ctx, id)
	if err != nil || o == nil {
		return nil, err
	}
	ok, err := a.maySee(ctx, who, o)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errNotYours
	}
	return o, nil
}

// Watch authorises a subscription to order id's status changes.
func (a *App) Watch(ctx context.Context, id string) (*order.Order, error) {
	o, err := a.Order(ctx, id)
	if err == nil && o == nil {
		return nil, errs.Missing("order")
	}
	return o, err
}

// OrdersByIDs returns, in one query, the orders among ids that the caller
// may see (federation entities: others resolve to null, like unknown ids).
func (a *App) OrdersByIDs(ctx context.Context, ids []string) (map[string]*order.Order, error) {
	who, ok := auth.From(ctx)
	if !ok {
		return nil, nil
	}
	found, err := a.store.OrdersByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, o := range found {
		ok, err := a.maySee(ctx, who, o)
		if err != nil {
			return nil, err
		}
		if !ok {
			delete(found, id)
		}
	}
	return found, nil
}

// OrderFresh reads order id without authorisation or caching, for a
// subscriber already authorised when it subscribed.
func (a *App) OrderFresh(ctx context.Context, id string) (*order.Order, error) {
	o, err := a.store.OrderByID(ctx, id)
	if err == nil && o == nil {
		return nil, errs.Missing("order")
	}
	return o, err
}

// ItemsByOrderIDs and HistoryByOrderIDs load order edges for the loaders;
// the orders themselves were authorised when they were read.
func (a *App) ItemsByOrderIDs(ctx context.Context, ids []string) (map[string][]order.Item, error) {
	return a.store.ItemsByOrderIDs(ctx, ids)
}

func (a *App) HistoryByOrderIDs(ctx context.Context, ids []string) (map[string][]order.Change, error) {
	return a.store.HistoryByOrderIDs(ctx, ids)
}
