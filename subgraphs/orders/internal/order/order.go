// Package order is the orders domain: the order and its lines, the status
// state machine, checkout's pure rules (input, COD, quote consistency) and
// the events. Plain Go: no SQL, no GraphQL, no Kafka.
package order

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// PaymentType is how the buyer pays.
type PaymentType string

const (
	UPI        PaymentType = "UPI"
	Card       PaymentType = "CARD"
	NetBanking PaymentType = "NETBANKING"
	COD        PaymentType = "COD"
)

// PaymentMethod is the method chosen at checkout.
type PaymentMethod struct {
	Type   PaymentType `json:"type"`
	UPIVPA string      `json:"upiVpa,omitempty"`
}

// Address is the delivery address snapshot taken at checkout.
type Address struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name"`
	Phone    string `json:"phone"`
	Line1    string `json:"line1"`
	Line2    string `json:"line2,omitempty"`
	Landmark string `json:"landmark,omitempty"`
	City     string `json:"city"`
	State    string `json:"state"`
	PinCode  string `json:"pinCode"`
	// The buyer's GSTIN at checkout (RETAILER buyers), for a B2B tax invoice.
	BuyerGSTIN string `json:"buyerGstin,omitempty"`
}

// Item is one line, frozen at checkout (amounts in paise).
type Item struct {
	ID             string
	VariantID      string
	StoreID        string
	SKU            string
	Title          string
	UnitPrice      int64
	Quantity       int
	LineSubtotal   int64
	Discount       int64
	GSTRatePercent float64
	GST            int64
	LineTotal      int64

	// What invoices, returns, settlements and partial refunds need long
	// after checkout (orders migration 004).
	ProductID   string
	HSNCode     string
	CategoryIDs []string // the product's category and its ancestors, nearest first
	// Discount split: AutomaticDiscount + CouponDiscount = Discount. The
	// coupon's share is promotions' pro-rata apportionment, stored so that
	// refunds of some lines add up to the order exactly.
	AutomaticDiscount int64
	CouponDiscount    int64
}

// Totals are the order's amounts in paise, as quoted by promotions.
type Totals struct {
	Subtotal          int64
	AutomaticDiscount int64
	CouponDiscount    int64
	CGST              int64
	SGST              int64
	IGST              int64
	GST               int64
	Shipping          int64
	Total             int64
}

// Order is a placed order. Status changes go through its methods, which
// record them for the store to save and publish.
type Order struct {
	ID             string
	Number         string
	UserID         string
	IdempotencyKey string
	Status         Status
	Payment        PaymentMethod
	CouponCode     string
	Address        Address
	Items          []Item
	StoreIDs       []string
	Totals         Totals
	// Fulfilments: one per store, in StoreIDs order (fulfilment.go).
	Fulfilments []*Fulfilment

	TrackingNumber     string
	Carrier            string
	CancellationReason string
	// PaymentDueBy is when the stock reservation expires; cleared once the
	// order leaves PENDING_PAYMENT.
	PaymentDueBy *time.Time
	// SettleAt is when orders' own clock next settles the order (see
	// settle.go); nil once nothing is left to settle.
	SettleAt  *time.Time
	PlacedAt  time.Time
	UpdatedAt time.Time
	// CartVersion is the version of the buyer's cart that checkout read
	// (cart's myCart): order.placed carries it so that the cart removes only
	// what this checkout saw. Known only while placing; not stored.
	CartVersion int

	changes  []Change
	fchanges []FulfilmentChange
}

// Change is one recorded status move.
type Change struct {
	From Status // "" for the placement itself
	To   Status
	At   time.Time
	Note string
}

// Changes returns the moves made since the order was loaded.
func (o *Order) Changes() []Change { return o.changes }

// HasStore reports whether the order has items of any of storeIDs.
func (o *Order) HasStore(storeIDs []string) bool {
	for _, s := range storeIDs {
		if slices.Contains(o.StoreIDs, s) {
			return true
		}
	}
	return false
}

// advance moves the order to `to` if the state machine allows it.
func (o *Order) advance(to Status, at time.Time, note string) error {
	if !CanTransition(o.Status, to) {
		return illegal(o.Status, to)
	}
	if o.Status == PendingPayment && to == Confirmed && o.Payment.Type != COD {
		return illegal(o.Status, to) // prepaid orders are confirmed by their payment
	}
	o.changes = append(o.changes, Change{From: o.Status, To: to, At: at, Note: note})
	if o.Status == PendingPayment {
		o.PaymentDueBy = nil
	}
	o.SettleAt = nil
	if to == Paid {
		o.SettleAt = &at // the clock commits its stock next
	}
	o.Status = to
	o.UpdatedAt = at
	o.followOrder(to, at, note)
	return nil
}

// The order-level moves of a single-store order (the deprecated markOrder*
// mutations) move its one fulfilment; the order's status follows from it.
// A multi-store order refuses them with ErrMultiStore.

// Pack marks the order's fulfilment packed.
func (o *Order) Pack(at time.Time) error {
	return o.onSingle(Packed, func(f *Fulfilment) error { _, err := o.PackFulfilment(f.ID, at); return err })
}

// Ship marks the order's fulfilment shipped with its courier's tracking number.
func (o *Order) Ship(trackingNumber, carrier string, at time.Time) error {
	return o.onSingle(Shipped, func(f *Fulfilment) error {
		_, err := o.ShipFulfilment(f.ID, trackingNumber, carrier, at)
		return err
	})
}

// Deliver marks the order's fulfilment delivered.
func (o *Order) Deliver(at time.Time) error {
	return o.onSingle(Delivered, func(f *Fulfilment) error { _, err := o.DeliverFulfilment(f.ID, at); return err })
}

// onSingle runs move on the order's one fulfilment. The order-level table
// still decides first, so an illegal order move is the same CONFLICT as
// before fulfilments existed.
func (o *Order) onSingle(to Status, move func(*Fulfilment) error) error {
	if !CanTransition(o.Status, to) {
		return illegal(o.Status, to)
	}
	f, err := o.singleFulfilment()
	if err != nil {
		return err
	}
	if err := move(f); err != nil {
		var ce *errs.Error
		if errors.As(err, &ce) && ce.Reason == "ILLEGAL_TRANSITION" {
			return illegal(o.Status, to)
		}
		return err
	}
	return nil
}

// Cancel cancels the order for reason.
func (o *Order) Cancel(reason string, at time.Time) error {
	if err := o.advance(Cancelled, at, reason); err != nil {
		return err
	}
	o.CancellationReason = reason
	return nil
}

// Refund marks the order refunded in full.
func (o *Order) Refund(reason string, at time.Time) error { return o.advance(Refunded, at, reason) }

// What inbound events do to an order. Each is order-tolerant: an event
// that no longer applies (the order moved on, or it is a repeat) changes
// nothing rather than failing, so redelivery and reordering are harmless.

// ErrAmountMismatch: a captured amount differs from the order's total.
var ErrAmountMismatch = errors.New("captured amount differs from the order total")

// PaymentSucceeded records that the order's payment was captured: a
// pending order becomes PAID, whenever the money came (in time or not);
// orders' clock then asks inventory to commit the stock before CONFIRMED
// (settle.go). A capture for an order cancelled meanwhile changes nothing:
// payments sees the cancellation and refunds it.
func (o *Order) PaymentSucceeded(amountPaise int64, at time.Time) error {
	if o.Status != PendingPayment {
		return nil
	}
	if amountPaise != o.Totals.Total {
		return fmt.Errorf("order %s: %w (captured %d, total %d)", o.ID, ErrAmountMismatch, amountPaise, o.Totals.Total)
	}
	return o.advance(Paid, at, "")
}

// PaymentFailed cancels a pending order whose payment failed.
func (o *Order) PaymentFailed(reason string, at time.Time) error {
	if o.Status != PendingPayment {
		return nil
	}
	return o.Cancel(clip("payment failed: "+reason, 500), at)
}

// PaymentRefunded marks a paid order REFUNDED once everything was refunded;
// a partial refund, or a refund of a cancelled order, changes nothing.
func (o *Order) PaymentRefunded(full bool, reason string, at time.Time) error {
	if !full || !CanTransition(o.Status, Refunded) {
		return nil
	}
	return o.Refund(clip(reason, 500), at)
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
