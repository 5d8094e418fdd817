package order

import (
	"slices"
	"time"
)

// Events published on orders.events, keyed by order id (docs/commerce.md).

// Placed: an order was placed (payments creates its payment from it).
type Placed struct {
	OrderID              string        `json:"orderId"`
	OrderNumber          string        `json:"orderNumber"`
	UserID               string        `json:"userId"`
	PaymentMethod        PaymentMethod `json:"paymentMethod"`
	TotalPaise           int64         `json:"totalPaise"`
	CouponCode           *string       `json:"couponCode"`
	Items                []PlacedItem  `json:"items"`
	ShippingAddress      Address       `json:"shippingAddress"`
	ReservationExpiresAt *time.Time    `json:"reservationExpiresAt"`
	CartVersion          int           `json:"cartVersion"`
}

// PlacedItem is a line of Placed.
type PlacedItem struct {
	VariantID      string `json:"variantId"`
	StoreID        string `json:"storeId"`
	SKU            string `json:"sku"`
	Title          string `json:"title"`
	Quantity       int    `json:"quantity"`
	UnitPricePaise int64  `json:"unitPricePaise"`
	LineTotalPaise int64  `json:"lineTotalPaise"`
}

func (Placed) EventType() string { return "order.placed" }
func (Placed) EventVersion() int { return 1 }

// StatusChanged: an order moved from one status to another.
type StatusChanged struct {
	OrderID       string        `json:"orderId"`
	OrderNumber   string        `json:"orderNumber"`
	UserID        string        `json:"userId"`
	From          Status        `json:"from"`
	To            Status        `json:"to"`
	PaymentMethod PaymentMethod `json:"paymentMethod"`
	CouponCode    *string       `json:"couponCode"`
	StoreIDs      []string      `json:"storeIds"`
	Items         []ItemQty     `json:"items"`
	At            time.Time     `json:"at"`
}

// ItemQty is a line of StatusChanged.
type ItemQty struct {
	VariantID string `json:"variantId"`
	Quantity  int    `json:"quantity"`
}

func (StatusChanged) EventType() string { return "order.status_changed" }
func (StatusChanged) EventVersion() int { return 1 }

// PlacedEvent describes o as just placed.
func (o *Order) PlacedEvent() Placed {
	items := make([]PlacedItem, len(o.Items))
	for i, it := range o.Items {
		items[i] = PlacedItem{VariantID: it.VariantID, StoreID: it.StoreID, SKU: it.SKU, Title: it.Title,
			Quantity: it.Quantity, UnitPricePaise: it.UnitPrice, LineTotalPaise: it.LineTotal}
	}
	return Placed{
		OrderID: o.ID, OrderNumber: o.Number, UserID: o.UserID, PaymentMethod: o.Payment,
		TotalPaise: o.Totals.Total, CouponCode: o.coupon(), Items: items, ShippingAddress: o.Address,
		ReservationExpiresAt: o.PaymentDueBy, CartVersion: o.CartVersion,
	}
}

// StatusChangedEvents describes every move recorded since o was loaded.
// The VPA stays out: status changes go to many consumers that need only the type.
func (o *Order) StatusChangedEvents() []StatusChanged {
	items := make([]ItemQty, len(o.Items))
	for i, it := range o.Items {
		items[i] = ItemQty{VariantID: it.VariantID, Quantity: it.Quantity}
	}
	out := make([]StatusChanged, 0, len(o.changes))
	for _, c := range o.changes {
		if c.From == "" {
			continue // the placement is order.placed
		}
		out = append(out, StatusChanged{
			OrderID: o.ID, OrderNumber: o.Number, UserID: o.UserID, From: c.From, To: c.To,
			PaymentMethod: PaymentMethod{Type: o.Payment.Type}, CouponCode: o.coupon(),
			StoreIDs: slices.Clone(o.StoreIDs), Items: items, At: c.At,
		})
	}
	return out
}

func (o *Order) coupon() *string {
	if o.CouponCode == "" {
		return nil
	}
	c := o.CouponCode
	return &c
}

// Events consumed from payments.events and inventory.events: only the
// fields orders reads.

// PaymentSucceeded: payments captured the order's payment.
type PaymentSucceeded struct {
	PaymentID   string `json:"paymentId"`
	OrderID     string `json:"orderId"`
	AmountPaise int64  `json:"amountPaise"`
}

// PaymentFailed: the order's payment failed.
type PaymentFailed struct {
	PaymentID string `json:"paymentId"`
	OrderID   string `json:"orderId"`
	Reason    string `json:"reason"`
}

// PaymentRefunded: some or all of the order's payment was refunded.
type PaymentRefunded struct {
	PaymentID          string `json:"paymentId"`
	OrderID            string `json:"orderId"`
	RefundID           string `json:"refundId"`
	AmountPaise        int64  `json:"amountPaise"`
	RefundedTotalPaise int64  `json:"refundedTotalPaise"`
	Full               bool   `json:"full"`
	Reason             string `json:"reason"`
	// The store whose lines were refunded; "" for a refund of the whole order.
	StoreID string `json:"storeId,omitempty"`
	// The lines a return refunded; none for a refund of an amount.
	Items []RefundedItem `json:"items,omitempty"`
}

// RefundedItem is a line of PaymentRefunded: what a return paid back for it.
type RefundedItem struct {
	OrderItemID string `json:"orderItemId"`
	Quantity    int    `json:"quantity"`
	AmountPaise int64  `json:"amountPaise"`
}

// ReservationExpired: inventory released the order's stock after its TTL.
type ReservationExpired struct {
	OrderID string `json:"orderId"`
}

// CheckoutAbandoned: a checkout died (its process crashed or stalled) after
// it may have reserved stock and held a coupon for OrderID, and before it
// placed the order. Inventory releases the reservation and promotions the
// hold, within seconds instead of their TTLs.
type CheckoutAbandoned struct {
	OrderID string    `json:"orderId"`
	UserID  string    `json:"userId"`
	At      time.Time `json:"at"`
}

func (CheckoutAbandoned) EventType() string { return "order.checkout_abandoned" }
func (CheckoutAbandoned) EventVersion() int { return 1 }

// FulfilmentChanged: one store's fulfilment of an order moved from one
// status to another (CONTRACT-marketplace.md; docs/marketplace.md). Inventory
// releases the store's stock on CANCELLED, payments refunds its part,
// notifications tell the buyer it shipped, reviews open on DELIVERED,
// invoices issue on SHIPPED, settlements book DELIVERED ones.
type FulfilmentChanged struct {
	FulfilmentID  string           `json:"fulfilmentId"`
	OrderID       string           `json:"orderId"`
	OrderNumber   string           `json:"orderNumber"`
	UserID        string           `json:"userId"`
	StoreID       string           `json:"storeId"`
	From          FulfilmentStatus `json:"from"`
	To            FulfilmentStatus `json:"to"`
	At            time.Time        `json:"at"`
	PaymentMethod PaymentMethod    `json:"paymentMethod"`
	// OrderStatus is the order's status after the move, and StoreIDs the
	// order's stores (sorted), both additive to the contract: the
	// subscription pushes the status with the fulfilment; notifications
	// announce a shipment per store only for orders of several stores.
	OrderStatus    Status   `json:"orderStatus"`
	StoreIDs       []string `json:"storeIds"`
	TrackingNumber *string  `json:"trackingNumber"`
	Carrier        *string  `json:"carrier"`
	Reason         *string  `json:"reason"`
	// AmountPaise is what the buyer paid for this store's lines (sum of lineTotal).
	AmountPaise        int64            `json:"amountPaise"`
	ReturnWindowEndsAt *time.Time       `json:"returnWindowEndsAt"`
	Items              []FulfilmentLine `json:"items"`
}

// FulfilmentLine is a line of FulfilmentChanged.
type FulfilmentLine struct {
	OrderItemID         string   `json:"orderItemId"`
	VariantID           string   `json:"variantId"`
	ProductID           *string  `json:"productId"`
	Title               string   `json:"title"`
	Quantity            int      `json:"quantity"`
	LineTotalPaise      int64    `json:"lineTotalPaise"`
	GSTPaise            int64    `json:"gstPaise"`
	GSTRatePercent      float64  `json:"gstRatePercent"`
	CouponDiscountPaise int64    `json:"couponDiscountPaise"`
	HSNCode             string   `json:"hsnCode"`
	CategoryIDs         []string `json:"categoryIds"`
}

func (FulfilmentChanged) EventType() string { return "order.fulfilment_changed" }
func (FulfilmentChanged) EventVersion() int { return 1 }

// FulfilmentChangedEvents describes every fulfilment move recorded since o
// was loaded (the creation at placement is order.placed's).
func (o *Order) FulfilmentChangedEvents() []FulfilmentChanged {
	out := make([]FulfilmentChanged, 0, len(o.fchanges))
	for _, c := range o.fchanges {
		f := o.FulfilmentOf(c.StoreID)
		if c.From == "" || f == nil {
			continue
		}
		items := o.ItemsOf(f.StoreID)
		lines := make([]FulfilmentLine, len(items))
		for i, it := range items {
			lines[i] = FulfilmentLine{OrderItemID: it.ID, VariantID: it.VariantID, ProductID: optional(it.ProductID),
				Title: it.Title, Quantity: it.Quantity, LineTotalPaise: it.LineTotal, GSTPaise: it.GST,
				GSTRatePercent: it.GSTRatePercent, CouponDiscountPaise: it.CouponDiscount, HSNCode: it.HSNCode,
				CategoryIDs: nonNil(it.CategoryIDs)}
		}
		e := FulfilmentChanged{
			FulfilmentID: f.ID, OrderID: o.ID, OrderNumber: o.Number, UserID: o.UserID, StoreID: f.StoreID,
			From: c.From, To: c.To, At: c.At, PaymentMethod: PaymentMethod{Type: o.Payment.Type}, OrderStatus: c.OrderStatus,
			StoreIDs:    slices.Clone(o.StoreIDs),
			AmountPaise: o.AmountOf(f.StoreID), Items: lines,
		}
		switch c.To {
		case FulfilmentShipped:
			e.TrackingNumber, e.Carrier = optional(f.TrackingNumber), optional(f.Carrier)
		case FulfilmentCancelled:
			e.Reason = optional(c.Note)
		case FulfilmentDelivered:
			end := ReturnWindowEnd(items, c.At)
			e.ReturnWindowEndsAt = &end
		}
		out = append(out, e)
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
