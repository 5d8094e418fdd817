// Package model holds the GraphQL models. The hand-written ones below leave
// out the edges that field resolvers load through per-request dataloaders
// (Order.items, Order.statusHistory, OrderStatusUpdate.order, User.orders).
package model

import (
	"time"

	"github.com/purra/supergraph/platform/money"
)

// Order is an order row; items and statusHistory are resolved.
type Order struct {
	ID                 string
	OrderNumber        string
	Buyer              *User
	Status             OrderStatus
	ShippingAddress    *OrderAddress
	PaymentMethod      *OrderPaymentMethod
	CouponCode         *string
	Subtotal           money.Money
	AutomaticDiscount  money.Money
	CouponDiscount     money.Money
	Gst                *OrderTax
	Shipping           money.Money
	Total              money.Money
	TrackingNumber     *string
	Carrier            *string
	CancellationReason *string
	PaymentDueBy       *time.Time
	PlacedAt           time.Time
	UpdatedAt          time.Time
}

// User is the orders subgraph's view of a user: its key; orders is resolved.
type User struct {
	ID string
}

// OrderStatusUpdate is one pushed status change; order is read when sent.
type OrderStatusUpdate struct {
	OrderID        string
	OrderNumber    string
	Status         OrderStatus
	PreviousStatus OrderStatus
	At             time.Time
}

// IsEntity marks the federation entities (fedruntime.Entity).
func (Order) IsEntity() {}
func (User) IsEntity()  {}
