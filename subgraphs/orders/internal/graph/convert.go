package graph

import (
	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

func toOrder(o *order.Order) *model.Order {
	if o == nil {
		return nil
	}
	t := o.Totals
	a := o.Address
	m := &model.Order{
		ID:          o.ID,
		OrderNumber: o.Number,
		Buyer:       &model.User{ID: o.UserID},
		Status:      model.OrderStatus(o.Status),
		ShippingAddress: &model.OrderAddress{Name: a.Name, Phone: a.Phone, Line1: a.Line1, Line2: opt(a.Line2),
			Landmark: opt(a.Landmark), City: a.City, State: a.State, PinCode: a.PinCode},
		PaymentMethod:      &model.OrderPaymentMethod{Type: model.PaymentMethodType(o.Payment.Type), UpiVpa: opt(o.Payment.UPIVPA)},
		CouponCode:         opt(o.CouponCode),
		Subtotal:           money.Money{Paise: t.Subtotal},
		AutomaticDiscount:  money.Money{Paise: t.AutomaticDiscount},
		CouponDiscount:     money.Money{Paise: t.CouponDiscount},
		Gst:                &model.OrderTax{Cgst: money.Of(t.CGST), Sgst: money.Of(t.SGST), Igst: money.Of(t.IGST), Total: money.Of(t.GST)},
		Shipping:           money.Money{Paise: t.Shipping},
		Total:              money.Money{Paise: t.Total},
		TrackingNumber:     opt(o.TrackingNumber),
		Carrier:            opt(o.Carrier),
		CancellationReason: opt(o.CancellationReason),
		PaymentDueBy:       o.PaymentDueBy,
		PlacedAt:           o.PlacedAt,
		UpdatedAt:          o.UpdatedAt,
	}
	return m
}

func toItems(items []order.Item) []*model.OrderItem {
	out := make([]*model.OrderItem, len(items))
	for i, it := range items {
		out[i] = &model.OrderItem{
			ID: it.ID, Variant: &model.ProductVariant{ID: it.VariantID}, Store: &model.Store{ID: it.StoreID},
			Sku: it.SKU, Title: it.Title, UnitPrice: money.Of(it.UnitPrice), Quantity: it.Quantity,
			LineSubtotal: money.Of(it.LineSubtotal), Discount: money.Of(it.Discount), GstRatePercent: it.GSTRatePercent,
			Gst: money.Of(it.GST), LineTotal: money.Of(it.LineTotal),
		}
	}
	return out
}

func toHistory(changes []order.Change) []*model.OrderStatusChange {
	out := make([]*model.OrderStatusChange, len(changes))
	for i, c := range changes {
		var from *model.OrderStatus
		if c.From != "" {
			f := model.OrderStatus(c.From)
			from = &f
		}
		out[i] = &model.OrderStatusChange{From: from, To: model.OrderStatus(c.To), At: c.At, Note: opt(c.Note)}
	}
	return out
}

func toConnection(p app.OrderPage) *model.OrderConnection {
	c := &model.OrderConnection{Edges: make([]*model.OrderEdge, len(p.Orders)), PageInfo: &model.PageInfo{HasNextPage: p.HasMore},
		TotalCount: p.Total}
	for i, o := range p.Orders {
		c.Edges[i] = &model.OrderEdge{Cursor: order.Cursor(o.ID), Node: toOrder(o)}
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	return c
}

func toUpdate(e order.StatusChanged) *model.OrderStatusUpdate {
	// For a fulfilment change the subscription adds the fulfilment, read fresh.
	return &model.OrderStatusUpdate{OrderID: e.OrderID, OrderNumber: e.OrderNumber, Status: model.OrderStatus(e.To),
		PreviousStatus: model.OrderStatus(e.From), At: e.At}
}

func toCheckoutInput(in model.CheckoutInput) order.CheckoutInput {
	out := order.CheckoutInput{AddressID: in.AddressID, CouponCode: in.CouponCode, IdempotencyKey: in.IdempotencyKey}
	if in.PaymentMethod != nil {
		out.PaymentType = order.PaymentType(in.PaymentMethod.Type)
		out.UPIVPA = in.PaymentMethod.UpiVpa
	}
	return out
}

// opt is nil for "" (an absent optional value).
func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
