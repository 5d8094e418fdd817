// Package events registers the payments subgraph's consumers of orders
// events (topic orders.events): order.placed creates the payment,
// order.status_changed cancels, refunds or collects it. Each payload struct
// declares only the fields payments reads.
package events

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// Event types consumed.
const (
	OrderPlacedType        = "order.placed"
	OrderStatusChangedType = "order.status_changed"
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
		StoreID string `json:"storeId"`
	} `json:"items"`
}

// OrderStatusChanged is the part of order.status_changed payments reads.
type OrderStatusChanged struct {
	OrderID string `json:"orderId"`
	To      string `json:"to"`
}

// Register adds the consumers to c.
func Register(c *kafka.Consumer, a *app.App) {
	kafka.Handle(c, OrdersTopic, OrderPlacedType, func(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, e OrderPlaced) error {
		in := payment.Placed{
			OrderID: e.OrderID, OrderNumber: e.OrderNumber, UserID: e.UserID, Amount: e.TotalPaise,
			Method: payment.Method(e.PaymentMethod.Type), UpiVpa: e.PaymentMethod.UpiVpa,
		}
		for _, it := range e.Items {
			in.StoreIDs = append(in.StoreIDs, it.StoreID)
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
}
