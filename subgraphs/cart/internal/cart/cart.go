package cart

import (
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Errors of cart changes.
var (
	ErrItemNotFound = errs.Missing("cart item")
	ErrCartFull     = errs.Conflicting("a cart holds at most 50 different items").WithReason("CART_LINE_LIMIT_REACHED")
	ErrCartEmpty    = errs.Conflicting("the cart is empty").WithReason("CART_EMPTY")
)

// Line is one variant in a cart.
type Line struct {
	ID        string
	VariantID string
	Quantity  int
	// CreatedVersion is the cart's version that the line's creation made:
	// a checkout that read an older version never saw this line.
	CreatedVersion int
	AddedAt        time.Time
	UpdatedAt      time.Time
}

// Cart is a user's cart. Its methods enforce the rules and record what
// changed, which the store saves in one transaction.
type Cart struct {
	ID         string
	UserID     string
	CouponCode string // "" when none
	// Version counts the cart's saved changes: every change that is saved
	// makes it one higher (NextVersion). Orders' checkout reads it with the
	// lines, so the cart can later tell which lines that checkout saw.
	Version   int
	Lines     []Line
	CreatedAt time.Time
	UpdatedAt time.Time

	loadedQty    map[string]int // line id → quantity as loaded
	loadedCoupon string
}

// Load returns a cart as stored; later changes are measured against it.
func Load(id, userID, coupon string, version int, lines []Line, createdAt, updatedAt time.Time) *Cart {
	c := &Cart{ID: id, UserID: userID, CouponCode: coupon, Version: version, Lines: lines, CreatedAt: createdAt, UpdatedAt: updatedAt,
		loadedQty: make(map[string]int, len(lines)), loadedCoupon: coupon}
	for _, l := range lines {
		c.loadedQty[l.ID] = l.Quantity
	}
	return c
}

// ItemCount is the number of units in the cart.
func (c *Cart) ItemCount() int {
	n := 0
	for _, l := range c.Lines {
		n += l.Quantity
	}
	return n
}

func (c *Cart) lineOfVariant(variantID string) int {
	for i, l := range c.Lines {
		if l.VariantID == variantID {
			return i
		}
	}
	return -1
}

func (c *Cart) lineByID(id string) int {
	for i, l := range c.Lines {
		if l.ID == id {
			return i
		}
	}
	return -1
}

// Add puts quantity units of v in the cart for role, adding to v's line if
// there is one (the sum must obey the rules), else as a new line with id.
func (c *Cart) Add(rules Rules, role Role, lineID string, v Variant, quantity int, now time.Time) error {
	if err := rules.CheckRequested(role, quantity); err != nil {
		return err
	}
	if err := v.CheckPurchasable("variantId"); err != nil {
		return err
	}
	if i := c.lineOfVariant(v.ID); i >= 0 {
		total := c.Lines[i].Quantity + quantity
		if err := rules.CheckLine(role, v, total); err != nil {
			return err
		}
		c.Lines[i].Quantity, c.Lines[i].UpdatedAt = total, now
		return nil
	}
	if err := rules.CheckLine(role, v, quantity); err != nil {
		return err
	}
	if len(c.Lines) >= rules.MaxLines {
		return ErrCartFull
	}
	c.Lines = append(c.Lines, Line{ID: lineID, VariantID: v.ID, Quantity: quantity, CreatedVersion: c.NextVersion(),
		AddedAt: now, UpdatedAt: now})
	return nil
}

// NextVersion is the version saving the pending changes gives the cart.
// Version is the loaded one until the store saves them, and one saved
// change is one step whatever it did.
func (c *Cart) NextVersion() int { return c.Version + 1 }

// SetQuantity sets line lineID to quantity; 0 removes it. v is the line's
// variant as the catalogue sees it now: raising the quantity needs it to be
// purchasable, and a retailer's line must stay at or above its MOQ.
func (c *Cart) SetQuantity(rules Rules, role Role, lineID string, v Variant, quantity int, now time.Time) error {
	i := c.lineByID(lineID)
	if i < 0 {
		return ErrItemNotFound
	}
	if quantity == 0 {
		c.Lines = append(c.Lines[:i], c.Lines[i+1:]...)
		return nil
	}
	if quantity > c.Lines[i].Quantity {
		if err := v.CheckPurchasable("itemId"); err != nil {
			return err
		}
	}
	if err := rules.CheckLine(role, v, quantity); err != nil {
		return err
	}
	c.Lines[i].Quantity, c.Lines[i].UpdatedAt = quantity, now
	return nil
}

// Line returns the line with id lineID.
func (c *Cart) Line(lineID string) (Line, bool) {
	if i := c.lineByID(lineID); i >= 0 {
		return c.Lines[i], true
	}
	return Line{}, false
}

// Remove deletes line lineID.
func (c *Cart) Remove(lineID string) error {
	i := c.lineByID(lineID)
	if i < 0 {
		return ErrItemNotFound
	}
	c.Lines = append(c.Lines[:i], c.Lines[i+1:]...)
	return nil
}

// Clear empties the cart and drops its coupon.
func (c *Cart) Clear() {
	c.Lines = nil
	c.CouponCode = ""
}

// SetCoupon records a coupon code (checked by the caller with a quote).
func (c *Cart) SetCoupon(code string) error {
	if len(c.Lines) == 0 {
		return ErrCartEmpty
	}
	c.CouponCode = code
	return nil
}

// RemoveCoupon drops the coupon, if any.
func (c *Cart) RemoveCoupon() { c.CouponCode = "" }

// Ordered is a quantity of a variant (ordered, or to be priced).
type Ordered struct {
	VariantID string
	Quantity  int
}

// Changes lists what changed since Load: lines to insert or update, ids of
// lines to delete, and whether the coupon changed.
func (c *Cart) Changes() (upserts []Line, deleted []string, couponChanged bool) {
	kept := make(map[string]bool, len(c.Lines))
	for _, l := range c.Lines {
		kept[l.ID] = true
		if q, ok := c.loadedQty[l.ID]; !ok || q != l.Quantity {
			upserts = append(upserts, l)
		}
	}
	for id := range c.loadedQty {
		if !kept[id] {
			deleted = append(deleted, id)
		}
	}
	return upserts, deleted, c.CouponCode != c.loadedCoupon
}

// Changed reports whether anything changed since Load.
func (c *Cart) Changed() bool {
	u, d, cc := c.Changes()
	return len(u) > 0 || len(d) > 0 || cc
}
