package order

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// FulfilmentStatus is where one store's part of an order stands.
type FulfilmentStatus string

const (
	FulfilmentPending   FulfilmentStatus = "PENDING"
	FulfilmentConfirmed FulfilmentStatus = "CONFIRMED"
	FulfilmentPacked    FulfilmentStatus = "PACKED"
	FulfilmentShipped   FulfilmentStatus = "SHIPPED"
	FulfilmentDelivered FulfilmentStatus = "DELIVERED"
	FulfilmentCancelled FulfilmentStatus = "CANCELLED"
	FulfilmentReturned  FulfilmentStatus = "RETURNED"
)

// FulfilmentStatuses lists every fulfilment status, in lifecycle order.
var FulfilmentStatuses = []FulfilmentStatus{FulfilmentPending, FulfilmentConfirmed, FulfilmentPacked,
	FulfilmentShipped, FulfilmentDelivered, FulfilmentCancelled, FulfilmentReturned}

// fulfilmentTransitions is the fulfilment's state machine (docs/marketplace.md):
// PENDING until the order is confirmed (or cancelled with it), then the
// store's own path CONFIRMED → PACKED → SHIPPED → DELIVERED, CANCELLED before
// shipping, RETURNED (set by returns) once every line of a delivered
// fulfilment came back.
var fulfilmentTransitions = map[FulfilmentStatus][]FulfilmentStatus{
	FulfilmentPending:   {FulfilmentConfirmed, FulfilmentCancelled},
	FulfilmentConfirmed: {FulfilmentPacked, FulfilmentCancelled},
	FulfilmentPacked:    {FulfilmentShipped, FulfilmentCancelled},
	FulfilmentShipped:   {FulfilmentDelivered},
	FulfilmentDelivered: {FulfilmentReturned},
}

// Valid reports whether s is a known fulfilment status.
func (s FulfilmentStatus) Valid() bool { return slices.Contains(FulfilmentStatuses, s) }

// CanFulfilmentTransition reports whether the fulfilment state machine allows from → to.
func CanFulfilmentTransition(from, to FulfilmentStatus) bool {
	return slices.Contains(fulfilmentTransitions[from], to)
}

// Fulfilment is the part of an order one store packs, ships and is paid
// for: that store's lines. Its status changes go through the order's
// methods, which derive the order's own status from all its fulfilments.
type Fulfilment struct {
	ID                 string
	OrderID            string
	StoreID            string
	Status             FulfilmentStatus
	TrackingNumber     string
	Carrier            string
	CancellationReason string
	ShippedAt          *time.Time
	DeliveredAt        *time.Time
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// Active reports whether the fulfilment still counts towards the order's
// status: everything but CANCELLED.
func (f *Fulfilment) Active() bool { return f.Status != FulfilmentCancelled }

// FulfilmentChange is one recorded fulfilment move.
type FulfilmentChange struct {
	FulfilmentID string
	StoreID      string
	From         FulfilmentStatus // "" for the creation at placement
	To           FulfilmentStatus
	At           time.Time
	Note         string
	OrderStatus  Status // the order's status after the move
}

// FulfilmentChanges returns the fulfilment moves made since the order was loaded.
func (o *Order) FulfilmentChanges() []FulfilmentChange { return o.fchanges }

// ErrNoFulfilment: the order has no fulfilment with that id or store.
var ErrNoFulfilment = errs.Missing("fulfilment")

// ErrMultiStore: an order-level move (markOrder*) asked of an order with
// several stores; each store moves its own fulfilment instead.
var ErrMultiStore = errs.Conflicting("this order has items of several stores: move each store's fulfilment " +
	"(markFulfilmentPacked, markFulfilmentShipped, markFulfilmentDelivered, cancelFulfilment)").WithReason("MULTI_STORE_ORDER")

// ErrIllegalFulfilmentTransition is the CONFLICT every refused fulfilment move matches with errors.Is.
var ErrIllegalFulfilmentTransition = errs.Conflicting("illegal fulfilment status transition").WithReason("ILLEGAL_TRANSITION")

func illegalFulfilment(from, to FulfilmentStatus) error {
	e := *ErrIllegalFulfilmentTransition
	e.Message = fmt.Sprintf("a fulfilment in %s cannot become %s", from, to)
	return &e
}

// Fulfilment returns the order's fulfilment with id, or nil.
func (o *Order) Fulfilment(id string) *Fulfilment {
	for _, f := range o.Fulfilments {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// FulfilmentOf returns the order's fulfilment for storeID, or nil.
func (o *Order) FulfilmentOf(storeID string) *Fulfilment {
	for _, f := range o.Fulfilments {
		if f.StoreID == storeID {
			return f
		}
	}
	return nil
}

// ItemsOf returns the order's lines of storeID, in cart order.
func (o *Order) ItemsOf(storeID string) []Item {
	var out []Item
	for _, it := range o.Items {
		if it.StoreID == storeID {
			out = append(out, it)
		}
	}
	return out
}

// AmountOf is what the buyer paid for storeID's lines (the sum of their
// lineTotals, GST included, shipping excluded).
func (o *Order) AmountOf(storeID string) int64 {
	var sum int64
	for _, it := range o.ItemsOf(storeID) {
		sum += it.LineTotal
	}
	return sum
}

// newFulfilments gives a just-built order one PENDING fulfilment per store
// (ids are set by the store when it writes them).
func (o *Order) newFulfilments(now time.Time) {
	o.Fulfilments = make([]*Fulfilment, len(o.StoreIDs))
	for i, s := range o.StoreIDs {
		o.Fulfilments[i] = &Fulfilment{OrderID: o.ID, StoreID: s, Status: FulfilmentPending, CreatedAt: now, UpdatedAt: now}
	}
}

// moveFulfilment moves f to `to` if its state machine allows it, and
// records the move.
func (o *Order) moveFulfilment(f *Fulfilment, to FulfilmentStatus, at time.Time, note string) error {
	if !CanFulfilmentTransition(f.Status, to) {
		return illegalFulfilment(f.Status, to)
	}
	o.fchanges = append(o.fchanges, FulfilmentChange{FulfilmentID: f.ID, StoreID: f.StoreID, From: f.Status, To: to, At: at,
		Note: note, OrderStatus: o.Status})
	f.Status, f.UpdatedAt = to, at
	switch to {
	case FulfilmentShipped:
		f.ShippedAt = &at
	case FulfilmentDelivered:
		f.DeliveredAt = &at
	}
	return nil
}

// followOrder moves every fulfilment still PENDING along with an order-level
// move: CONFIRMED when the order is confirmed, CANCELLED when the whole
// order is cancelled (fulfilments already past PENDING are cancelled too
// when the order is cancelled before any of them shipped).
func (o *Order) followOrder(to Status, at time.Time, note string) {
	for _, f := range o.Fulfilments {
		switch {
		case to == Confirmed && f.Status == FulfilmentPending:
			_ = o.moveFulfilment(f, FulfilmentConfirmed, at, note)
		case to == Cancelled && CanFulfilmentTransition(f.Status, FulfilmentCancelled):
			_ = o.moveFulfilment(f, FulfilmentCancelled, at, note)
			f.CancellationReason = note
		}
	}
}

// PackFulfilment marks fulfilment id packed.
func (o *Order) PackFulfilment(id string, at time.Time) (*Fulfilment, error) {
	return o.changeFulfilment(id, at, func(f *Fulfilment) error { return o.moveFulfilment(f, FulfilmentPacked, at, "") })
}

// ShipFulfilment marks fulfilment id shipped with its courier's tracking number.
func (o *Order) ShipFulfilment(id, trackingNumber, carrier string, at time.Time) (*Fulfilment, error) {
	return o.changeFulfilment(id, at, func(f *Fulfilment) error {
		if err := o.moveFulfilment(f, FulfilmentShipped, at, carrier+" "+trackingNumber); err != nil {
			return err
		}
		f.TrackingNumber, f.Carrier = trackingNumber, carrier
		return nil
	})
}

// DeliverFulfilment marks fulfilment id delivered.
func (o *Order) DeliverFulfilment(id string, at time.Time) (*Fulfilment, error) {
	return o.changeFulfilment(id, at, func(f *Fulfilment) error { return o.moveFulfilment(f, FulfilmentDelivered, at, "") })
}

// CancelFulfilment cancels fulfilment id (not shipped yet) for reason.
func (o *Order) CancelFulfilment(id, reason string, at time.Time) (*Fulfilment, error) {
	return o.changeFulfilment(id, at, func(f *Fulfilment) error {
		if err := o.moveFulfilment(f, FulfilmentCancelled, at, reason); err != nil {
			return err
		}
		f.CancellationReason = reason
		return nil
	})
}

// ReturnFulfilment marks delivered fulfilment id RETURNED (returns calls
// it once every line of it came back).
func (o *Order) ReturnFulfilment(id string, at time.Time) (*Fulfilment, error) {
	return o.changeFulfilment(id, at, func(f *Fulfilment) error { return o.moveFulfilment(f, FulfilmentReturned, at, "") })
}

// changeFulfilment applies move to fulfilment id of a confirmed order and
// derives the order's status from its fulfilments afterwards.
func (o *Order) changeFulfilment(id string, at time.Time, move func(*Fulfilment) error) (*Fulfilment, error) {
	f := o.Fulfilment(id)
	if f == nil {
		return nil, ErrNoFulfilment
	}
	if !o.Status.Fulfilling() {
		// Before confirmation (or after a full refund) a store has nothing
		// to move: fulfilments follow the order.
		e := *ErrIllegalFulfilmentTransition
		e.Message = fmt.Sprintf("the order is %s: its fulfilments cannot move", o.Status)
		return nil, &e
	}
	if err := move(f); err != nil {
		return nil, err
	}
	o.derive(at, f.CancellationReason)
	o.fchanges[len(o.fchanges)-1].OrderStatus = o.Status
	return f, nil
}

// derive sets the order's status from its fulfilments (DerivedStatus),
// recording the change, when the order is being fulfilled.
func (o *Order) derive(at time.Time, note string) {
	if !o.Status.Fulfilling() {
		return
	}
	to := DerivedStatus(o.fulfilmentStatuses())
	if to == "" || to == o.Status {
		return
	}
	if to != Cancelled {
		note = ""
	}
	o.changes = append(o.changes, Change{From: o.Status, To: to, At: at, Note: note})
	if to == Cancelled {
		o.CancellationReason = note
	}
	o.Status, o.UpdatedAt = to, at
	if to == Shipped || to == PartiallyShipped {
		// The order-level fields keep the last shipment's courier, for old clients.
		for _, f := range o.Fulfilments {
			if f.Status == FulfilmentShipped && f.UpdatedAt.Equal(at) {
				o.TrackingNumber, o.Carrier = f.TrackingNumber, f.Carrier
			}
		}
	}
}

func (o *Order) fulfilmentStatuses() []FulfilmentStatus {
	out := make([]FulfilmentStatus, len(o.Fulfilments))
	for i, f := range o.Fulfilments {
		out[i] = f.Status
	}
	return out
}

// DerivedStatus is the order's status given its fulfilments' once it is
// confirmed (docs/marketplace.md, "The order's status"):
//   - every fulfilment CANCELLED → CANCELLED;
//   - otherwise, over the active (not cancelled) ones:
//     all RETURNED → RETURNED; all DELIVERED or RETURNED → DELIVERED;
//     all SHIPPED, DELIVERED or RETURNED → SHIPPED; some of them shipped
//     (SHIPPED, DELIVERED or RETURNED) → PARTIALLY_SHIPPED; all PACKED →
//     PACKED; else CONFIRMED.
//
// "" when there are no fulfilments or one is still PENDING (the order is
// not confirmed yet: its own status stands).
func DerivedStatus(fs []FulfilmentStatus) Status {
	if len(fs) == 0 || slices.Contains(fs, FulfilmentPending) {
		return ""
	}
	var active, shipped, delivered, returned, packed int
	for _, s := range fs {
		switch s {
		case FulfilmentCancelled:
			continue
		case FulfilmentReturned:
			returned++
			delivered++
			shipped++
		case FulfilmentDelivered:
			delivered++
			shipped++
		case FulfilmentShipped:
			shipped++
		case FulfilmentPacked:
			packed++
		}
		active++
	}
	switch {
	case active == 0:
		return Cancelled
	case returned == active:
		return Returned
	case delivered == active:
		return Delivered
	case shipped == active:
		return Shipped
	case shipped > 0:
		return PartiallyShipped
	case packed == active:
		return Packed
	}
	return Confirmed
}

// singleFulfilment is the one fulfilment of a single-store order, for the
// deprecated order-level mutations; ErrMultiStore otherwise.
func (o *Order) singleFulfilment() (*Fulfilment, error) {
	switch len(o.Fulfilments) {
	case 0:
		return nil, errors.New("order has no fulfilment")
	case 1:
		return o.Fulfilments[0], nil
	}
	return nil, ErrMultiStore
}
