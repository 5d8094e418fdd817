package cart

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

// Checkout is what one order took from its buyer's cart, as order.placed
// tells it: the cart's version that orders' checkout read (myCart) and the
// quantities checked out. The cart keeps it until the order is confirmed
// (then exactly these quantities leave the cart, once) or cancelled (then
// the cart is left alone).
type Checkout struct {
	OrderID string
	UserID  string
	// CartVersion is the version the checkout read: lines created by a
	// later change (CreatedVersion > CartVersion) were not in the order.
	CartVersion int
	CouponCode  string // "" when the order used none
	Items       []Ordered
	State       CheckoutState
}

// CheckoutState is where a recorded checkout stands.
type CheckoutState string

// A checkout is OPEN from order.placed until its order is CONFIRMED
// (APPLIED: its quantities left the cart) or CANCELLED; both are final.
const (
	CheckoutOpen      CheckoutState = "OPEN"
	CheckoutApplied   CheckoutState = "APPLIED"
	CheckoutCancelled CheckoutState = "CANCELLED"
)

// SawEveryLine is the CartVersion of a checkout whose version is unknown
// (an order placed before carts had versions, whose order.placed did not
// carry one): every line of the cart then counts as checked out.
const SawEveryLine = math.MaxInt

// ErrBadCheckout: order.placed describes no checkout the cart can keep.
var ErrBadCheckout = errors.New("bad checkout")

// NewCheckout is the record of order.placed for orderID. version is nil
// when the event carries none (SawEveryLine). Quantities of one variant
// are added up: the cart has one line per variant.
func NewCheckout(orderID, userID string, version *int, coupon string, items []Ordered) (Checkout, error) {
	co := Checkout{OrderID: orderID, UserID: userID, CartVersion: SawEveryLine, CouponCode: coupon, State: CheckoutOpen}
	if version != nil {
		if *version < 0 {
			return Checkout{}, fmt.Errorf("%w: cart version %d", ErrBadCheckout, *version)
		}
		co.CartVersion = *version
	}
	at := map[string]int{}
	for _, it := range items {
		if it.Quantity <= 0 || it.VariantID == "" {
			return Checkout{}, fmt.Errorf("%w: line %q × %d", ErrBadCheckout, it.VariantID, it.Quantity)
		}
		if i, ok := at[it.VariantID]; ok {
			co.Items[i].Quantity += it.Quantity
			continue
		}
		at[it.VariantID] = len(co.Items)
		co.Items = append(co.Items, it)
	}
	return co, nil
}

// Confirm records that the order was confirmed and reports whether its
// quantities must leave the cart now: only the first time, and never after
// a cancellation, so a redelivered or repeated confirmation is a no-op.
func (co *Checkout) Confirm() bool {
	if co.State != CheckoutOpen {
		return false
	}
	co.State = CheckoutApplied
	return true
}

// Cancel records that the order was cancelled: the cart keeps everything.
// A checkout already applied stays applied (the cart cannot un-remove).
func (co *Checkout) Cancel() {
	if co.State == CheckoutOpen {
		co.State = CheckoutCancelled
	}
}

// RemoveCheckedOut takes co's quantities out of the cart once its order is
// confirmed. A line created after the checkout read the cart (re-added, or
// added again after being removed) stays whole; a line the checkout saw
// loses the ordered quantity, so units added to it since stay, and it
// disappears when nothing is left. The coupon goes only if it is the one the
// order used (a coupon applied afterwards is the shopper's next intent).
func (c *Cart) RemoveCheckedOut(co Checkout, now time.Time) {
	for _, it := range co.Items {
		i := c.lineOfVariant(it.VariantID)
		if i < 0 || it.Quantity <= 0 || c.Lines[i].CreatedVersion > co.CartVersion {
			continue
		}
		if c.Lines[i].Quantity <= it.Quantity {
			c.Lines = append(c.Lines[:i], c.Lines[i+1:]...)
			continue
		}
		c.Lines[i].Quantity -= it.Quantity
		c.Lines[i].UpdatedAt = now
	}
	if c.CouponCode != "" && strings.EqualFold(c.CouponCode, co.CouponCode) {
		c.CouponCode = ""
	}
}
