package order

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// CheckoutInput is checkout's input as the client sent it.
type CheckoutInput struct {
	AddressID      string
	CouponCode     *string // nil: the cart's coupon; "": none
	PaymentType    PaymentType
	UPIVPA         *string
	IdempotencyKey string
}

// Checkout is a validated CheckoutInput.
type Checkout struct {
	AddressID string
	// CouponCode is the normalised code the client asked for; UseCartCoupon
	// means it did not say, and the cart's coupon applies.
	CouponCode     string
	UseCartCoupon  bool
	Payment        PaymentMethod
	IdempotencyKey string
}

var (
	idempotencyKeyRe = regexp.MustCompile(`^[A-Za-z0-9._:-]{8,64}$`)
	couponCodeRe     = regexp.MustCompile(`^[A-Z0-9_-]{3,32}$`)
	// A UPI VPA: handle@provider, e.g. rahul.sharma@okhdfcbank.
	upiVPARe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,98}@[a-z][a-z0-9]{1,63}$`)
)

// ParseCheckout validates in before anything is asked of another subgraph.
func ParseCheckout(in CheckoutInput) (Checkout, error) {
	var c Checkout
	if !idempotencyKeyRe.MatchString(in.IdempotencyKey) {
		return c, errs.BadInput("idempotencyKey", "must be 8–64 characters of A–Z, a–z, 0–9, '.', '_', ':' or '-'")
	}
	if _, err := uuid.Parse(in.AddressID); err != nil || len(in.AddressID) != 36 {
		return c, errs.BadInput("addressId", "not an address id")
	}
	switch {
	case in.CouponCode == nil:
		c.UseCartCoupon = true
	case strings.TrimSpace(*in.CouponCode) != "":
		code := strings.ToUpper(strings.TrimSpace(*in.CouponCode))
		if !couponCodeRe.MatchString(code) {
			return c, errs.BadInput("couponCode", "must be 3–32 characters of A–Z, 0–9, '_' or '-'")
		}
		c.CouponCode = code
	}
	switch in.PaymentType {
	case UPI, Card, NetBanking, COD:
	default:
		return c, errs.BadInput("paymentMethod.type", "unknown payment method")
	}
	c.Payment.Type = in.PaymentType
	if in.UPIVPA != nil && *in.UPIVPA != "" {
		if in.PaymentType != UPI {
			return c, errs.BadInput("paymentMethod.upiVpa", "a VPA is only for UPI payments")
		}
		vpa := strings.ToLower(strings.TrimSpace(*in.UPIVPA))
		if len(vpa) > 100 || !upiVPARe.MatchString(vpa) {
			return c, errs.BadInput("paymentMethod.upiVpa", "not a UPI VPA (name@provider)")
		}
		c.Payment.UPIVPA = vpa
	}
	c.AddressID, c.IdempotencyKey = in.AddressID, in.IdempotencyKey
	return c, nil
}

// Line is a cart line: what is being bought.
type Line struct {
	VariantID string
	Quantity  int
}

// CouponRejection is why promotions would not apply a coupon to a quote.
type CouponRejection struct {
	Code    string
	Reason  string
	Message string
}

// Quote is promotions' authoritative price of the lines (amounts in paise).
type Quote struct {
	Lines     []Item // ID unset
	Totals    Totals
	Rejection *CouponRejection
}

// ErrEmptyCart: there is nothing to check out.
var ErrEmptyCart = &errs.Error{Code: errs.BadUserInput, Message: "the cart is empty", Reason: "EMPTY_CART"}

// CouponError turns a quote's coupon rejection into checkout's error:
// CONFLICT for the usage limits (someone else may have used the last one),
// BAD_USER_INPUT on couponCode for everything else, reason = the rejection reason.
func CouponError(r CouponRejection) error {
	msg := r.Message
	if msg == "" {
		msg = fmt.Sprintf("coupon %s cannot be used (%s)", r.Code, r.Reason)
	}
	if r.Reason == "LIMIT_REACHED" || r.Reason == "USER_LIMIT_REACHED" {
		e := errs.Conflicting("%s", msg).WithReason(r.Reason)
		e.Field = "couponCode"
		return e
	}
	return errs.BadInput("couponCode", "%s", msg).WithReason(r.Reason)
}

// CODRules limit cash on delivery.
type CODRules struct {
	MaxTotalPaise      int64
	BlockedPinPrefixes []string
}

// CheckCOD refuses cash on delivery above the limit or to a blocked PIN code.
func (r CODRules) CheckCOD(total int64, pinCode string) error {
	if total > r.MaxTotalPaise {
		return errs.BadInput("paymentMethod", "cash on delivery is available for orders up to ₹%d; pay online instead",
			r.MaxTotalPaise/100).WithReason("COD_LIMIT_EXCEEDED")
	}
	for _, p := range r.BlockedPinPrefixes {
		if p != "" && strings.HasPrefix(pinCode, p) {
			return errs.BadInput("paymentMethod", "cash on delivery is not available for PIN code %s", pinCode).
				WithReason("COD_NOT_AVAILABLE")
		}
	}
	return nil
}

// New builds the order a checkout will place, from the cart's lines, the
// address and the quote, after checking that the quote prices exactly
// those lines and that the payment method is allowed. ID, number and
// payment deadline are set by the caller.
func New(userID string, c Checkout, coupon string, lines []Line, addr Address, q Quote, cod CODRules, now time.Time) (*Order, error) {
	if len(lines) == 0 {
		return nil, ErrEmptyCart
	}
	if err := q.prices(lines); err != nil {
		return nil, err
	}
	if c.Payment.Type == COD {
		if err := cod.CheckCOD(q.Totals.Total, addr.PinCode); err != nil {
			return nil, err
		}
	}
	// Items in cart order, whatever order the quote listed them in.
	pos := make(map[string]int, len(lines))
	for i, l := range lines {
		pos[l.VariantID] = i
	}
	items := slices.Clone(q.Lines)
	slices.SortStableFunc(items, func(a, b Item) int { return pos[a.VariantID] - pos[b.VariantID] })
	var stores []string
	for _, it := range items {
		if !slices.Contains(stores, it.StoreID) {
			stores = append(stores, it.StoreID)
		}
	}
	slices.Sort(stores)
	o := &Order{
		UserID: userID, IdempotencyKey: c.IdempotencyKey, Status: PendingPayment, Payment: c.Payment,
		CouponCode: coupon, Address: addr, Items: items, StoreIDs: stores, Totals: q.Totals,
		PlacedAt: now, UpdatedAt: now,
	}
	o.changes = []Change{{To: PendingPayment, At: now}}
	o.newFulfilments(now)
	if c.Payment.Type == COD {
		// Nothing to wait for: COD is accepted at once (docs/commerce.md).
		if err := o.advance(Confirmed, now, "cash on delivery"); err != nil {
			return nil, err
		}
	}
	return o, nil
}

// prices checks that q is a sane price of exactly lines: an order must
// never be recorded from a quote of something else.
func (q Quote) prices(lines []Line) error {
	if len(q.Lines) != len(lines) {
		return fmt.Errorf("quote has %d lines for %d cart lines", len(q.Lines), len(lines))
	}
	want := make(map[string]int, len(lines))
	for _, l := range lines {
		want[l.VariantID] += l.Quantity
	}
	var coupon int64
	for _, it := range q.Lines {
		if want[it.VariantID] != it.Quantity || it.Quantity <= 0 {
			return fmt.Errorf("quote line %s × %d does not match the cart", it.VariantID, it.Quantity)
		}
		if it.StoreID == "" || it.UnitPrice < 0 || it.LineTotal < 0 || it.Discount < 0 || it.GST < 0 ||
			it.AutomaticDiscount < 0 || it.CouponDiscount < 0 {
			return fmt.Errorf("quote line %s is incomplete or negative", it.VariantID)
		}
		if it.AutomaticDiscount+it.CouponDiscount != it.Discount {
			return fmt.Errorf("quote line %s: discount parts do not add up", it.VariantID)
		}
		coupon += it.CouponDiscount
		delete(want, it.VariantID)
	}
	// The stored apportionment is what partial refunds pay back: its shares
	// must add up to the order's coupon discount to the paisa.
	if coupon != q.Totals.CouponDiscount {
		return fmt.Errorf("quote's coupon shares add up to %d, not %d", coupon, q.Totals.CouponDiscount)
	}
	t := q.Totals
	for _, v := range []int64{t.Subtotal, t.AutomaticDiscount, t.CouponDiscount, t.CGST, t.SGST, t.IGST, t.GST, t.Shipping, t.Total} {
		if v < 0 {
			return fmt.Errorf("quote has a negative amount")
		}
	}
	return nil
}

// Number formats the human order number: PUR-<year>-<6-digit sequence>
// (more digits once the sequence passes 999,999; never truncated).
func Number(year int, seq int64) string { return fmt.Sprintf("PUR-%d-%06d", year, seq) }

// India is where order years are counted: an order placed at 00:30 IST on
// 1 January belongs to the new year.
var India = time.FixedZone("IST", 5*3600+1800)
