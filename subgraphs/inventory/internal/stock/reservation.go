package stock

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Status is where a reservation is in its life.
type Status string

const (
	// Reserved: the units count in Level.Reserved.
	Reserved Status = "RESERVED"
	// Committed: the order was confirmed; the units left OnHand.
	Committed Status = "COMMITTED"
	// Released: the order was cancelled (or checkout compensated).
	Released Status = "RELEASED"
	// Expired: not confirmed in time; the reaper released the units.
	Expired Status = "EXPIRED"
)

// Limits of a reservation request.
const (
	MaxLines = 100
	MaxTTL   = time.Hour
)

// Line is a quantity of one variant.
type Line struct {
	VariantID string
	Quantity  int
}

// Reservation is the stock held for one order.
type Reservation struct {
	OrderID   string
	UserID    string
	Status    Status
	Lines     []Line // by variant id
	ExpiresAt time.Time
	// Cancelled lists the variants whose line was given back with its
	// store's cancelled fulfilment; no later move counts them again.
	Cancelled []string
}

// ReserveRequest is a validated reservation request.
type ReserveRequest struct {
	OrderID string
	UserID  string
	Lines   []Line // by variant id, each variant once
	TTL     time.Duration
}

// NewReserveRequest checks a reservation request from a client. ttlSeconds
// nil means defaultTTL.
func NewReserveRequest(orderID, userID string, lines []Line, ttlSeconds *int, defaultTTL time.Duration) (ReserveRequest, error) {
	req := ReserveRequest{UserID: userID, TTL: defaultTTL}
	var ok bool
	if req.OrderID, ok = ParseID(orderID); !ok {
		return req, errs.BadInput("orderId", "must be a UUID")
	}
	if len(lines) == 0 || len(lines) > MaxLines {
		return req, errs.BadInput("lines", "must have 1 to %d lines", MaxLines)
	}
	seen := make(map[string]bool, len(lines))
	for _, l := range lines {
		id, ok := ParseID(l.VariantID)
		if !ok {
			return req, errs.BadInput("lines.variantId", "must be a UUID")
		}
		if seen[id] {
			return req, errs.BadInput("lines.variantId", "variant %s appears more than once", id)
		}
		seen[id] = true
		if err := Quantity("lines.quantity", l.Quantity); err != nil {
			return req, err
		}
		req.Lines = append(req.Lines, Line{VariantID: id, Quantity: l.Quantity})
	}
	slices.SortFunc(req.Lines, func(a, b Line) int { return strings.Compare(a.VariantID, b.VariantID) })
	if ttlSeconds != nil {
		if *ttlSeconds < 1 || time.Duration(*ttlSeconds)*time.Second > MaxTTL {
			return req, errs.BadInput("ttlSeconds", "must be 1 to %d seconds", int(MaxTTL/time.Second))
		}
		req.TTL = time.Duration(*ttlSeconds) * time.Second
	}
	return req, nil
}

// Quantity checks a number of units (1..MaxQuantity).
func Quantity(field string, q int) error {
	if q < 1 || q > MaxQuantity {
		return errs.BadInput(field, "must be 1 to %d", MaxQuantity)
	}
	return nil
}

// Threshold checks a low-stock threshold (0..MaxThreshold).
func Threshold(field string, t int) error {
	if t < 0 || t > MaxThreshold {
		return errs.BadInput(field, "must be 0 to %d", MaxThreshold)
	}
	return nil
}

// Reasons of CONFLICT errors.
const (
	ReasonOutOfStock = "OUT_OF_STOCK"
	ReasonClosed     = "RESERVATION_CLOSED"
	ReasonMismatch   = "RESERVATION_MISMATCH"
	// ReasonUnavailable: a paid order's reservation expired and its units
	// were sold to someone else meanwhile; the order cannot be fulfilled.
	ReasonUnavailable = "STOCK_UNAVAILABLE"
)

// ErrClosed: commitStock for a reservation that was released (the order or
// its checkout was cancelled): nothing may be committed any more.
var ErrClosed = errs.Conflicting("the order's reservation was released").WithReason(ReasonClosed)

// Shortages lists the lines levels cannot cover (a missing level has
// nothing to sell), or an OUT_OF_STOCK error naming each of them.
func Shortages(levels map[string]Level, lines []Line) error {
	var short []string
	for _, l := range lines {
		lvl, ok := levels[l.VariantID]
		if !ok {
			short = append(short, fmt.Sprintf("variant %s is not stocked (%d requested)", l.VariantID, l.Quantity))
			continue
		}
		if lvl.Available() < l.Quantity {
			short = append(short, fmt.Sprintf("%s has %d left (%d requested)", lvl.Name(), max(lvl.Available(), 0), l.Quantity))
		}
	}
	if len(short) == 0 {
		return nil
	}
	return errs.Conflicting("out of stock: %s", strings.Join(short, "; ")).WithReason(ReasonOutOfStock)
}

// Repeat decides what a second reserveStock for the same order returns: the
// existing reservation when it is the same request and still holds (or
// became an order), an error otherwise.
func (r Reservation) Repeat(req ReserveRequest) error {
	if r.UserID != req.UserID {
		return errs.Denied("the order's stock was reserved by another user")
	}
	if !slices.Equal(r.Lines, req.Lines) {
		return errs.Conflicting("order %s already reserved different lines", r.OrderID).WithReason(ReasonMismatch)
	}
	if r.Status == Released || r.Status == Expired {
		return errs.Conflicting("the reservation of order %s was already %s", r.OrderID, strings.ToLower(string(r.Status))).
			WithReason(ReasonClosed)
	}
	return nil
}

// Changes are the level deltas of moving r's lines by sign×quantity in
// reserved and onHand.
// Lines already given back with a cancelled fulfilment are left out.
func (r Reservation) Changes(onHand, reserved int) []Change {
	out := make([]Change, 0, len(r.Lines))
	for _, l := range r.Lines {
		if slices.Contains(r.Cancelled, l.VariantID) {
			continue
		}
		out = append(out, Change{VariantID: l.VariantID, OnHand: onHand * l.Quantity, Reserved: reserved * l.Quantity})
	}
	return out
}

// CancelLines: one store's fulfilment of the order was cancelled; exactly
// its lines (variantIDs) are given back: reserved units become available,
// units of a committed order return to the stock on hand. The reservation
// keeps its status (the other stores' lines are still the order's). It
// returns the variants newly given back; false when nothing moves (a
// released or expired reservation, a repeat, variants not in the order).
func (r Reservation) CancelLines(variantIDs []string) (Transition, []string, bool) {
	var sign [2]int
	switch r.Status {
	case Reserved:
		sign = [2]int{0, -1}
	case Committed:
		sign = [2]int{+1, 0}
	default:
		return Transition{}, nil, false
	}
	t := Transition{To: r.Status}
	var given []string
	for _, l := range r.Lines {
		if !slices.Contains(variantIDs, l.VariantID) || slices.Contains(r.Cancelled, l.VariantID) {
			continue
		}
		t.Changes = append(t.Changes, Change{VariantID: l.VariantID, OnHand: sign[0] * l.Quantity, Reserved: sign[1] * l.Quantity})
		given = append(given, l.VariantID)
	}
	return t, given, len(given) > 0
}

// Transition is a reservation's move to another status with the stock
// deltas it makes.
type Transition struct {
	To      Status
	Changes []Change
	// Retake: the units were released by expiry and must be available again
	// to be committed (a confirmation that raced the reaper).
	Retake bool
}

// Confirm: the order was confirmed. Reserved units leave the stock on hand.
// A reservation that expired just before is taken again from the available
// stock if it can be; a released or committed one is left alone.
func (r Reservation) Confirm() (Transition, bool) {
	switch r.Status {
	case Reserved:
		return Transition{To: Committed, Changes: r.Changes(-1, -1)}, true
	case Expired:
		return Transition{To: Committed, Changes: r.Changes(-1, 0), Retake: true}, true
	}
	return Transition{}, false
}

// Commit: orders asks, before it confirms a paid order, that the units
// become the order's for good. Unlike Confirm (an event that may arrive
// after anything), it answers: a committed reservation commits again (a
// retry), a released one is ErrClosed; an expired one is taken again from
// the available stock, which the store checks (ReasonUnavailable when short).
func (r Reservation) Commit() (Transition, bool, error) {
	switch r.Status {
	case Committed:
		return Transition{}, false, nil
	case Released:
		return Transition{}, false, ErrClosed
	}
	t, ok := r.Confirm()
	return t, ok, nil
}

// Cancel: the order was cancelled. Reserved units become available again;
// units of a confirmed order return to the stock on hand.
func (r Reservation) Cancel() (Transition, bool) {
	switch r.Status {
	case Reserved:
		return Transition{To: Released, Changes: r.Changes(0, -1)}, true
	case Committed:
		return Transition{To: Released, Changes: r.Changes(+1, 0)}, true
	}
	return Transition{}, false
}

// Release: checkout gave up on the order before placing it.
func (r Reservation) Release() (Transition, bool) {
	if r.Status != Reserved {
		return Transition{}, false
	}
	return Transition{To: Released, Changes: r.Changes(0, -1)}, true
}

// Expire: the reservation outlived its TTL unconfirmed.
func (r Reservation) Expire() (Transition, bool) {
	if r.Status != Reserved {
		return Transition{}, false
	}
	return Transition{To: Expired, Changes: r.Changes(0, -1)}, true
}
