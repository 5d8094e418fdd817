// Package model holds the GraphQL models. The hand-written ones below leave
// out the edges that field resolvers load through per-request dataloaders
// (Order.items, Order.statusHistory, Order.invoices, OrderStatusUpdate.order,
// User.orders, Store.invoices, Invoice.order/store/pdfUrl).
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
func (Store) IsEntity() {}

// Store is the orders subgraph's view of a store: its key; invoices is resolved.
type Store struct {
	ID string
}

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
