// Package events registers the payments subgraph's consumers of orders
// events (topic orders.events): order.placed creates the payment,
// order.status_changed cancels, refunds or collects it,
// order.fulfilment_changed → DELIVERED enters the settlement ledger. Each payload struct
// declares only the fields payments reads.
package events

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/settlement"
)

// Event types consumed.
const (
	OrderPlacedType        = "order.placed"
	OrderStatusChangedType = "order.status_changed"
	FulfilmentChangedType  = "order.fulfilment_changed"
	ReturnChangedType      = "order.return_changed"
)

// ReturnChanged is the part of order.return_changed payments reads: a
// return received is refunded (docs/marketplace.md, "Returns").
type ReturnChanged struct {
	ReturnID         string            `json:"returnId"`
	OrderID          string            `json:"orderId"`
	StoreID          string            `json:"storeId"`
	To               string            `json:"to"`
	RefundPaise      int64             `json:"refundPaise"`
	StoreAmountPaise int64             `json:"storeAmountPaise"`
	CodRefundTo      *payment.RefundTo `json:"codRefundTo"`
}

// OrdersTopic is where orders publishes.
var OrdersTopic = kafka.Topic("orders")

// PaymentMethod is order.placed's paymentMethod, {type, upiVpa}. A bare
// string ("UPI") is accepted too, in case a producer sends only the type.
type PaymentMethod struct {
	Type   string `json:"type"`
	UpiVpa string `json:"upiVpa"`
}

// UnmarshalJSON accepts {"type": "UPI", "upiVpa": "…"} or "UPI".
func (m *PaymentMethod) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = PaymentMethod{Type: s}
		return nil
	}
	type plain PaymentMethod
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("paymentMethod: %w", err)
	}
	*m = PaymentMethod(p)
	return nil
}

// OrderPlaced is the part of order.placed payments reads.
type OrderPlaced struct {
	OrderID       string        `json:"orderId"`
	OrderNumber   string        `json:"orderNumber"`
	UserID        string        `json:"userId"`
	PaymentMethod PaymentMethod `json:"paymentMethod"`
	TotalPaise    int64         `json:"totalPaise"`
	Items         []struct {
		StoreID        string `json:"storeId"`
		LineTotalPaise int64  `json:"lineTotalPaise"`
	} `json:"items"`
}

// OrderStatusChanged is the part of order.status_changed payments reads.
type OrderStatusChanged struct {
	OrderID string `json:"orderId"`
	To      string `json:"to"`
}

// FulfilmentChanged is the part of order.fulfilment_changed payments reads:
// a cancelled store's part is refunded (or no longer collected), a
// delivered one enters the store's settlement ledger.
type FulfilmentChanged struct {
	Reason             *string       `json:"reason"`
	FulfilmentID       string        `json:"fulfilmentId"`
	OrderID            string        `json:"orderId"`
	OrderNumber        string        `json:"orderNumber"`
	StoreID            string        `json:"storeId"`
	To                 string        `json:"to"`
	At                 time.Time     `json:"at"`
	PaymentMethod      PaymentMethod `json:"paymentMethod"`
	AmountPaise        int64         `json:"amountPaise"`
	ReturnWindowEndsAt *time.Time    `json:"returnWindowEndsAt"`
	Items              []struct {
		LineTotalPaise int64    `json:"lineTotalPaise"`
		GSTPaise       int64    `json:"gstPaise"`
		CategoryIDs    []string `json:"categoryIds"`
	} `json:"items"`
}

// delivery is the ledger's view of a DELIVERED fulfilment.
func (e FulfilmentChanged) delivery() settlement.Delivery {
	d := settlement.Delivery{FulfilmentID: e.FulfilmentID, OrderID: e.OrderID, StoreID: e.StoreID, OrderNumber: e.OrderNumber,
		Method: e.PaymentMethod.Type, Amount: e.AmountPaise, DeliveredAt: e.At.UTC(), ReturnWindowEndsAt: e.ReturnWindowEndsAt}
	for _, it := range e.Items {
		d.Lines = append(d.Lines, settlement.Line{LineTotal: it.LineTotalPaise, GST: it.GSTPaise, CategoryIDs: it.CategoryIDs})
	}
	return d
}

// Register adds the consumers to c.
func Register(c *kafka.Consumer, a *app.App) {
	kafka.Handle(c, OrdersTopic, OrderPlacedType, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, e OrderPlaced) error {
		in := payment.Placed{
			OrderID: e.OrderID, OrderNumber: e.OrderNumber, UserID: e.UserID, Amount: e.TotalPaise,
			Method: payment.Method(e.PaymentMethod.Type), UpiVpa: e.PaymentMethod.UpiVpa,
		}
		in.StoreAmounts = map[string]int64{}
		for _, it := range e.Items {
			in.StoreIDs = append(in.StoreIDs, it.StoreID)
			in.StoreAmounts[it.StoreID] += it.LineTotalPaise
		}
		return a.OrderPlaced(ctx, tx, in)
	})
	kafka.Handle(c, OrdersTopic, ReturnChangedType, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, e ReturnChanged) error {
		if e.To != "RECEIVED" {
			return nil // only a received return is refunded
		}
		return a.ReturnReceived(ctx, tx, payment.ReturnRefund{ReturnID: e.ReturnID, OrderID: e.OrderID, StoreID: e.StoreID,
			Amount: e.RefundPaise, StoreAmount: e.StoreAmountPaise, RefundTo: e.CodRefundTo})
	})
	kafka.Handle(c, OrdersTopic, OrderStatusChangedType, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, e OrderStatusChanged) error {
		return a.OrderStatusChanged(ctx, tx, e.OrderID, e.To)
	})
	// One handler per event type (the consumer keeps one): cancellations
	// and deliveries share it.
	kafka.Handle(c, OrdersTopic, FulfilmentChangedType, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, e FulfilmentChanged) error {
		switch e.To {
		case app.OrderCancelled:
			reason := ""
			if e.Reason != nil {
				reason = *e.Reason
			}
			return a.FulfilmentCancelled(ctx, tx, e.OrderID, e.StoreID, reason)
		case app.OrderDelivered:
			return a.FulfilmentDelivered(ctx, tx, e.delivery())
		}
		return nil
	})
}
