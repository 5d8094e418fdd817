// Package model holds the GraphQL models. The hand-written ones below leave
// out the edges that field resolvers load through per-request dataloaders
// (Order.items, Order.statusHistory, Order.fulfilments, Order.invoices, OrderStatusUpdate.order,
// User.orders, Fulfilment.items, Fulfilment.statusHistory, Store.fulfilments, Store.invoices,
// Invoice.order/store/pdfUrl).
package model

import (
	"time"

	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/orders/internal/invoice"
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
	// Fresh: read for a pushed update; its edges that change (fulfilments)
	// are read again, not from the connection's loaders.
	Fresh bool
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
	// Fulfilment is the store's fulfilment that moved; nil for an order-level change.
	Fulfilment *Fulfilment
}

// Fulfilment is one store's part of an order; items and statusHistory are resolved.
type Fulfilment struct {
	ID                 string
	OrderID            string
	OrderNumber        string
	Store              *Store
	Status             FulfilmentStatus
	ShippingAddress    *OrderAddress
	PaymentMethodType  PaymentMethodType
	TrackingNumber     *string
	Carrier            *string
	CancellationReason *string
	ShippedAt          *time.Time
	DeliveredAt        *time.Time
	PlacedAt           time.Time
	UpdatedAt          time.Time
	// Fresh: read just now (a mutation's result, a pushed update); its
	// history is read again, not from the connection's loaders.
	Fresh bool
}

// Store is the orders subgraph's view of a store: its key; fulfilments and invoices are resolved.
type Store struct {
	ID string
}

// IsEntity marks the federation entities (fedruntime.Entity).
func (Order) IsEntity() {}
func (User) IsEntity()  {}
func (Store) IsEntity() {}

// Invoice is an issued tax document; order, store and pdfUrl are resolved
// (the PDF link is signed on request), from Source.
type Invoice struct {
	ID                    string
	Kind                  InvoiceKind
	Number                string
	FinancialYear         string
	Seller                *InvoiceParty
	Buyer                 *InvoiceParty
	PlaceOfSupply         string
	Interstate            bool
	Lines                 []*InvoiceLine
	TaxableValue          money.Money
	Cgst                  money.Money
	Sgst                  money.Money
	Igst                  money.Money
	Total                 money.Money
	TotalInWords          string
	CreditedInvoiceNumber *string
	IssuedAt              time.Time
	Source                invoice.Invoice
}
