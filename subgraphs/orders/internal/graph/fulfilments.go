package graph

import (
	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// toFulfilment is f of order o (nil when either is).
func toFulfilment(o *order.Order, f *order.Fulfilment, fresh bool) *model.Fulfilment {
	if o == nil || f == nil {
		return nil
	}
	m := toFulfilmentOf(toOrder(o), f)
	m.Fresh = fresh
	return m
}

// toFulfilmentOf is f of the already converted order mo. The amount comes
// from the order's stored lines: resolved from the items when not loaded.
func toFulfilmentOf(mo *model.Order, f *order.Fulfilment) *model.Fulfilment {
	return &model.Fulfilment{
		ID: f.ID, OrderID: f.OrderID, OrderNumber: mo.OrderNumber, Store: &model.Store{ID: f.StoreID},
		Status: model.FulfilmentStatus(f.Status), ShippingAddress: mo.ShippingAddress,
		PaymentMethodType: mo.PaymentMethod.Type, TrackingNumber: opt(f.TrackingNumber), Carrier: opt(f.Carrier),
		CancellationReason: opt(f.CancellationReason), ShippedAt: f.ShippedAt, DeliveredAt: f.DeliveredAt,
		PlacedAt: mo.PlacedAt, UpdatedAt: f.UpdatedAt, Fresh: mo.Fresh,
	}
}

func freshOrder(m *model.Order) *model.Order {
	if m != nil {
		m.Fresh = true
	}
	return m
}

func itemsOfStore(items []order.Item, storeID string) []order.Item {
	var out []order.Item
	for _, it := range items {
		if it.StoreID == storeID {
			out = append(out, it)
		}
	}
	return out
}

func toFulfilmentHistory(changes []order.FulfilmentChange) []*model.FulfilmentStatusChange {
	out := make([]*model.FulfilmentStatusChange, len(changes))
	for i, c := range changes {
		var from *model.FulfilmentStatus
		if c.From != "" {
			f := model.FulfilmentStatus(c.From)
			from = &f
		}
		out[i] = &model.FulfilmentStatusChange{From: from, To: model.FulfilmentStatus(c.To), At: c.At, Note: opt(c.Note)}
	}
	return out
}

func fulfilmentStatus(s *model.FulfilmentStatus) order.FulfilmentStatus {
	if s == nil {
		return ""
	}
	return order.FulfilmentStatus(*s)
}

func toFulfilmentConnection(p app.FulfilmentPage) *model.FulfilmentConnection {
	c := &model.FulfilmentConnection{Edges: make([]*model.FulfilmentEdge, 0, len(p.Fulfilments)),
		PageInfo: &model.PageInfo{HasNextPage: p.HasMore}, TotalCount: p.Total}
	for _, f := range p.Fulfilments {
		o := p.Orders[f.OrderID]
		if o == nil {
			continue // cannot happen: a fulfilment's order is deleted with it
		}
		c.Edges = append(c.Edges, &model.FulfilmentEdge{Cursor: order.Cursor(f.ID), Node: toFulfilment(o, f, false)})
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	return c
}

// amountOf is what the buyer paid for storeID's lines.
func amountOf(items []order.Item, storeID string) *money.Money {
	var sum int64
	for _, it := range itemsOfStore(items, storeID) {
		sum += it.LineTotal
	}
	return money.Of(sum)
}
