// Package stock is the inventory domain: stock levels and their invariants,
// reservations and their life, the events they produce, and input rules. It
// knows nothing of SQL or GraphQL.
package stock

import (
	"fmt"

	"github.com/purra/supergraph/platform/errs"
)

// Limits of quantities and thresholds (GraphQL Int is 32-bit; these keep
// every sum well inside it).
const (
	MaxQuantity  = 1_000_000     // one restock, one reservation line
	MaxThreshold = 1_000_000     // low-stock alert threshold
	MaxOnHand    = 1_000_000_000 // units of one variant in stock

	// DefaultLowThreshold is the alert threshold of a new stock level.
	DefaultLowThreshold = 5
)

// Level is the stock of one variant.
type Level struct {
	VariantID string
	StoreID   string
	SKU       string
	OnHand    int
	Reserved  int
	// LowThreshold: the available count at or below which the level is low; 0 = no alert.
	LowThreshold int
	// LowAlerted: stock.low was published for the current low spell; reset
	// once the level is no longer low, so the next downward crossing alerts again.
	LowAlerted bool
}

// Available is what can still be sold.
func (l Level) Available() int { return l.OnHand - l.Reserved }

// InStock reports whether at least one unit can be sold.
func (l Level) InStock() bool { return l.Available() > 0 }

// Low reports whether the available count is at or below an active threshold.
func (l Level) Low() bool { return l.LowThreshold > 0 && l.Available() <= l.LowThreshold }

// Valid reports whether the level keeps the table's invariants.
func (l Level) Valid() bool {
	return l.OnHand >= 0 && l.Reserved >= 0 && l.Reserved <= l.OnHand && l.OnHand <= MaxOnHand
}

// Name is how messages refer to the variant: its SKU when known.
func (l Level) Name() string {
	if l.SKU != "" {
		return l.SKU
	}
	return "variant " + l.VariantID
}

// Change is a delta applied to a level under its row lock.
type Change struct {
	VariantID string
	OnHand    int // + restock, cancelled-after-commit; − commit
	Reserved  int // + reserve; − commit, release, expiry
}

// Apply returns the level after c and the events the transition causes. It
// fails when the result would break an invariant (the caller checks
// availability first; this is the guard of last resort).
func (l Level) Apply(c Change) (Level, []Event, error) {
	next := l
	next.OnHand += c.OnHand
	next.Reserved += c.Reserved
	if !next.Valid() {
		return l, nil, fmt.Errorf("stock of %s would become on hand %d, reserved %d", l.Name(), next.OnHand, next.Reserved)
	}
	next, evs := next.settle(l.InStock())
	return next, evs, nil
}

// WithThreshold returns the level with a new alert threshold and the alert
// it causes (raising the threshold above the available count is a crossing).
func (l Level) WithThreshold(threshold int) (Level, []Event) {
	next := l
	next.LowThreshold = threshold
	return next.settle(l.InStock())
}

// Created returns a new level with initial units on hand and its first
// events: stock.changed always (catalog learns the variant's availability),
// stock.low if it starts low.
func Created(variantID, storeID, sku string, initial int) (Level, []Event) {
	l := Level{VariantID: variantID, StoreID: storeID, SKU: sku, OnHand: initial, LowThreshold: DefaultLowThreshold}
	// Settling from the opposite flag makes the first stock.changed unconditional.
	return l.settle(!l.InStock())
}

// settle derives the events of reaching l from a level whose in-stock flag
// was wasInStock, and updates the low-alert flag.
func (l Level) settle(wasInStock bool) (Level, []Event) {
	var evs []Event
	if l.InStock() != wasInStock {
		evs = append(evs, l.changed())
	}
	switch {
	case l.Low() && !l.LowAlerted:
		l.LowAlerted = true
		evs = append(evs, Low{VariantID: l.VariantID, OnHand: l.OnHand, Available: l.Available(), Threshold: l.LowThreshold})
	case !l.Low() && l.LowAlerted:
		l.LowAlerted = false
	}
	return l, evs
}

func (l Level) changed() Changed {
	return Changed{VariantID: l.VariantID, Available: l.Available(), InStock: l.InStock()}
}

// Restock returns the change adding q units on hand, refused when the stock
// on hand would pass MaxOnHand.
func (l Level) Restock(q int) (Change, error) {
	if err := Quantity("quantity", q); err != nil {
		return Change{}, err
	}
	if l.OnHand > MaxOnHand-q {
		return Change{}, errs.BadInput("quantity", "%s would have more than %d units on hand", l.Name(), MaxOnHand)
	}
	return Change{VariantID: l.VariantID, OnHand: q}, nil
}
