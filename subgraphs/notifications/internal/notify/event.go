package notify

import "slices"

// Event names what a message is about; each has its templates.
type Event string

const (
	UserRegistered Event = "USER_REGISTERED"
	OrderPlaced    Event = "ORDER_PLACED"
	OrderPaid      Event = "ORDER_PAID"
	OrderShipped   Event = "ORDER_SHIPPED"
	// FulfilmentShipped: one store's part of a multi-store order shipped.
	FulfilmentShipped Event = "FULFILMENT_SHIPPED"
	OrderDelivered    Event = "ORDER_DELIVERED"
	OrderCancelled    Event = "ORDER_CANCELLED"
	PaymentRefunded   Event = "PAYMENT_REFUNDED"
	StockLow          Event = "STOCK_LOW"
	BulkAnnouncement  Event = "BULK_ANNOUNCEMENT"
)

// Events lists every event with templates.
var Events = []Event{UserRegistered, OrderPlaced, OrderPaid, OrderShipped, FulfilmentShipped, OrderDelivered,
	OrderCancelled, PaymentRefunded, StockLow, BulkAnnouncement}

// orderFields are the data of every order message.
var orderFields = map[string]any{"Name": "Rahul Sharma", "OrderNumber": "PUR-2026-000123", "OrderID": "01937a00-0000-7000-8000-000000000c01", "Total": "₹1,29,999.00"}

// samples are representative data for each event: a template must render
// with them before it is saved, and the keys are the fields it may use.
var samples = map[Event]map[string]any{
	UserRegistered: {"Name": "Rahul Sharma", "Email": "rahul@example.in"},
	OrderPlaced:    orderFields,
	OrderPaid:      orderFields,
	OrderShipped:   orderFields,
	FulfilmentShipped: {"Name": "Rahul Sharma", "OrderNumber": "PUR-2026-000123", "OrderID": "01937a00-0000-7000-8000-000000000c01",
		"Total": "₹1,29,999.00", "Title": "Samsung Galaxy Buds2 Pro (Graphite)", "Carrier": "Delhivery", "TrackingNumber": "DEL-42"},
	OrderDelivered:   orderFields,
	OrderCancelled:   orderFields,
	PaymentRefunded:  {"Name": "Rahul Sharma", "OrderNumber": "PUR-2026-000123", "OrderID": "01937a00-0000-7000-8000-000000000c01", "Amount": "₹1,29,999.00", "Full": true},
	StockLow:         {"Name": "Priya Nair", "VariantID": "01937a00-0000-7000-8000-000000000d01", "OnHand": 5, "Available": 3, "Threshold": 5},
	BulkAnnouncement: {"Name": "Rahul Sharma", "Title": "Great Indian Electronics Sale", "Body": "Up to 40% off on mobiles this weekend."},
}

// Valid reports whether e is known.
func (e Event) Valid() bool { _, ok := samples[e]; return ok }

// Sample returns a copy of e's representative data.
func (e Event) Sample() map[string]any {
	out := make(map[string]any, len(samples[e]))
	for k, v := range samples[e] {
		out[k] = v
	}
	return out
}

// Fields lists the data fields e's templates may use, sorted.
func (e Event) Fields() []string {
	out := make([]string, 0, len(samples[e]))
	for k := range samples[e] {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// OrderEvent maps an order status to the event whose message it triggers;
// false for statuses nobody is told about (CONFIRMED, PACKED, …).
func OrderEvent(status string) (Event, bool) {
	switch status {
	case "PAID":
		return OrderPaid, true
	case "SHIPPED":
		return OrderShipped, true
	case "DELIVERED":
		return OrderDelivered, true
	case "CANCELLED":
		return OrderCancelled, true
	}
	return "", false
}
