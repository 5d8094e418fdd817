package stock

// Event is a fact inventory publishes on inventory.events (kafka.Event plus
// the aggregate id that keys the message).
type Event interface {
	EventType() string
	EventVersion() int
	// AggregateID keys the message: one variant's (or order's) events stay in order.
	AggregateID() string
}

// Changed: a variant went in or out of stock, or got its first stock level.
// Consumer: catalog (the inStock search filter).
type Changed struct {
	VariantID string `json:"variantId"`
	Available int    `json:"available"`
	InStock   bool   `json:"inStock"`
}

func (Changed) EventType() string     { return "stock.changed" }
func (Changed) EventVersion() int     { return 1 }
func (e Changed) AggregateID() string { return e.VariantID }

// Low: the available count fell to the alert threshold or below (once per
// downward crossing). Consumer, later: notifications (admins).
type Low struct {
	VariantID string `json:"variantId"`
	OnHand    int    `json:"onHand"`
	Available int    `json:"available"`
	Threshold int    `json:"threshold"`
}

func (Low) EventType() string     { return "stock.low" }
func (Low) EventVersion() int     { return 1 }
func (e Low) AggregateID() string { return e.VariantID }

// ReservationExpired: an order's reservation was not confirmed in time and
// its stock is available again. Consumer: orders (PENDING_PAYMENT → CANCELLED).
type ReservationExpired struct {
	OrderID string `json:"orderId"`
}

func (ReservationExpired) EventType() string     { return "stock.reservation_expired" }
func (ReservationExpired) EventVersion() int     { return 1 }
func (e ReservationExpired) AggregateID() string { return e.OrderID }
