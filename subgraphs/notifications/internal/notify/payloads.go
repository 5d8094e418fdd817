package notify

import "fmt"

// Inbound event payloads: only the fields notifications reads.

// UserRegisteredEvent is users' user.registered.
type UserRegisteredEvent struct {
	UserID string `json:"userId"`
	Name   string `json:"name"`
	Email  string `json:"email"`
}

// UserUpdatedEvent is users' user.updated: the profile as it now is.
type UserUpdatedEvent struct {
	UserID string `json:"userId"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Phone  string `json:"phone"`
}

// AdminCreatedEvent is admin's admin.created.
type AdminCreatedEvent struct {
	AdminID string `json:"adminId"`
	Name    string `json:"name"`
	Email   string `json:"email"`
}

// OrderPlacedEvent is orders' order.placed.
type OrderPlacedEvent struct {
	OrderID     string `json:"orderId"`
	OrderNumber string `json:"orderNumber"`
	UserID      string `json:"userId"`
	TotalPaise  int64  `json:"totalPaise"`
}

// OrderStatusChangedEvent is orders' order.status_changed.
type OrderStatusChangedEvent struct {
	OrderID     string   `json:"orderId"`
	OrderNumber string   `json:"orderNumber"`
	UserID      string   `json:"userId"`
	From        string   `json:"from"`
	To          string   `json:"to"`
	StoreIDs    []string `json:"storeIds"`
}

// FulfilmentChangedEvent is the part of orders' order.fulfilment_changed
// notifications reads.
type FulfilmentChangedEvent struct {
	OrderID        string   `json:"orderId"`
	OrderNumber    string   `json:"orderNumber"`
	UserID         string   `json:"userId"`
	To             string   `json:"to"`
	StoreIDs       []string `json:"storeIds"` // the order's stores
	TrackingNumber *string  `json:"trackingNumber"`
	Carrier        *string  `json:"carrier"`
	Items          []struct {
		Title string `json:"title"`
	} `json:"items"`
}

// ShipmentTitle names a shipment by its first line ("… and 2 more").
func (e FulfilmentChangedEvent) ShipmentTitle() string {
	switch len(e.Items) {
	case 0:
		return "order " + e.OrderNumber
	case 1:
		return e.Items[0].Title
	}
	return fmt.Sprintf("%s and %d more", e.Items[0].Title, len(e.Items)-1)
}

// PaymentRefundedEvent is payments' payment.refunded (no user id: the order
// projection from order.placed gives it).
type PaymentRefundedEvent struct {
	PaymentID   string `json:"paymentId"`
	OrderID     string `json:"orderId"`
	RefundID    string `json:"refundId"`
	AmountPaise int64  `json:"amountPaise"`
	Full        bool   `json:"full"`
}

// StockLowEvent is inventory's stock.low.
type StockLowEvent struct {
	VariantID string `json:"variantId"`
	OnHand    int    `json:"onHand"`
	Available int    `json:"available"`
	Threshold int    `json:"threshold"`
}

// OrderRef is what notifications remembers of an order (from order.placed)
// to address later messages about it.
type OrderRef struct {
	OrderID     string
	UserID      string
	OrderNumber string
	TotalPaise  int64
}

// SentEvent is published (notifications.events, key = notification id) when a
// notification was delivered to its channel.
type SentEvent struct {
	NotificationID string  `json:"notificationId"`
	UserID         string  `json:"userId"`
	Channel        Channel `json:"channel"`
	Template       Event   `json:"template"`
	EventID        string  `json:"eventId"`
}

func (SentEvent) EventType() string { return "notification.sent" }
func (SentEvent) EventVersion() int { return 1 }
