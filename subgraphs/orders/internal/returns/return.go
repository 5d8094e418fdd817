// Package returns is the orders domain of returns (RMA): which delivered
// lines a shopper may send back and for how much, the return's status
// machine and its events (docs/marketplace.md, "Returns"). Plain Go: no
// SQL, no GraphQL, no Kafka.
package returns

import (
	"slices"
	"time"
)

// Status is where a return stands.
type Status string

const (
	Requested Status = "REQUESTED" // asked by the shopper, waiting for the store
	Approved  Status = "APPROVED"  // the store agreed; the parcel is on its way back
	Rejected  Status = "REJECTED"  // the store refused (final)
	Received  Status = "RECEIVED"  // the store has the items; payments refunds them
	Refunded  Status = "REFUNDED"  // payments paid the refund back
	Closed    Status = "CLOSED"    // withdrawn before the store received anything (final)
)

// Statuses lists every status, in lifecycle order.
var Statuses = []Status{Requested, Approved, Rejected, Received, Refunded, Closed}

// transitions is the whole machine: REQUESTED → APPROVED → RECEIVED →
// REFUNDED, REJECTED by the store while REQUESTED, CLOSED (withdrawn) before
// the store received the items. REFUNDED, REJECTED and CLOSED are final.
var transitions = map[Status][]Status{
	Requested: {Approved, Rejected, Closed},
	Approved:  {Received, Closed},
	Received:  {Refunded},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// CanTransition reports whether the machine allows from → to.
func CanTransition(from, to Status) bool { return slices.Contains(transitions[from], to) }

// Counts reports whether a return in s holds its units: they may not be
// returned again. A rejected or withdrawn return gives them back.
func (s Status) Counts() bool { return s != Rejected && s != Closed }

// Reason is why the shopper returns the items.
type Reason string

const (
	Damaged        Reason = "DAMAGED"
	Defective      Reason = "DEFECTIVE"
	WrongItem      Reason = "WRONG_ITEM"
	NotAsDescribed Reason = "NOT_AS_DESCRIBED"
	MissingParts   Reason = "MISSING_PARTS"
	NoLongerNeeded Reason = "NO_LONGER_NEEDED"
	Other          Reason = "OTHER"
)

// Reasons lists every reason a shopper may give.
var Reasons = []Reason{Damaged, Defective, WrongItem, NotAsDescribed, MissingParts, NoLongerNeeded, Other}

// Valid reports whether r is a known reason.
func (r Reason) Valid() bool { return slices.Contains(Reasons, r) }

// Item is one returned line: how many units of which order item, and the
// refund they are worth (paise).
type Item struct {
	OrderItemID string
	VariantID   string
	Title       string
	Quantity    int
	Refund      int64
	// Resaleable is set when the store receives the item (nil before):
	// true puts the units back in stock.
	Resaleable *bool
}

// Return is one return of some lines of one fulfilment. Status changes go
// through its methods, which record them for the store to save and publish.
type Return struct {
	ID           string
	OrderID      string
	StoreID      string
	FulfilmentID string
	UserID       string
	Status       Status
	Reason       Reason
	Comment      string
	// RejectionReason is the store's, when REJECTED.
	RejectionReason string
	// RefundTo is where a cash-on-delivery order's refund is paid; nil for
	// prepaid orders (refunded to the original payment).
	RefundTo *RefundTo
	Items    []Item
	// Refund is the sum of the items' refunds.
	Refund int64
	// StoreAmount is what the buyer paid for the store's lines in the order
	// (the sum of their lineTotals): payments' ceiling for the store's refunds.
	StoreAmount int64
	RequestedAt time.Time
	DecidedAt   *time.Time
	ReceivedAt  *time.Time
	RefundedAt  *time.Time
	UpdatedAt   time.Time

	changes []Change
}

// Change is one recorded status move.
type Change struct {
	From Status // "" for the request itself
	To   Status
	At   time.Time
	Note string
}

// Changes returns the moves made since the return was loaded (or created).
func (r *Return) Changes() []Change { return r.changes }

func (r *Return) advance(to Status, at time.Time, note string) error {
	if !CanTransition(r.Status, to) {
		return &TransitionError{From: r.Status, To: to}
	}
	r.changes = append(r.changes, Change{From: r.Status, To: to, At: at, Note: note})
	r.Status, r.UpdatedAt = to, at
	return nil
}

// Approve accepts the request: the shopper sends the items back.
func (r *Return) Approve(at time.Time) error {
	if err := r.advance(Approved, at, ""); err != nil {
		return err
	}
	r.DecidedAt = &at
	return nil
}

// Reject refuses the request for reason (3–500 characters, see ParseRejection).
func (r *Return) Reject(reason string, at time.Time) error {
	if err := r.advance(Rejected, at, reason); err != nil {
		return err
	}
	r.RejectionReason, r.DecidedAt = reason, &at
	return nil
}

// Receive records that the store has the items, and for each whether it
// can be sold again; every item of the return must be named exactly once.
func (r *Return) Receive(resaleable map[string]bool, at time.Time) error {
	if !CanTransition(r.Status, Received) {
		return &TransitionError{From: r.Status, To: Received}
	}
	if len(resaleable) != len(r.Items) {
		return &InputError{Field: "items", Message: "name every item of the return exactly once"}
	}
	for _, it := range r.Items {
		if _, ok := resaleable[it.OrderItemID]; !ok {
			return &InputError{Field: "items", Message: "name every item of the return exactly once"}
		}
	}
	for i := range r.Items {
		v := resaleable[r.Items[i].OrderItemID]
		r.Items[i].Resaleable = &v
	}
	r.ReceivedAt = &at
	return r.advance(Received, at, "")
}

// MarkRefunded records payments' word that the refund was paid. A repeat
// (or a refund for a return not yet received) changes nothing.
func (r *Return) MarkRefunded(at time.Time) error {
	if r.Status != Received {
		return nil
	}
	r.RefundedAt = &at
	return r.advance(Refunded, at, "")
}
