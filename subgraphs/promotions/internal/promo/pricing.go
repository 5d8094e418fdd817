package promo

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Bounds of a quote.
const (
	MaxLines    = 100
	MaxQuantity = 10_000
	// MaxUnitPricePaise (₹1,000 crore) keeps a whole quote far from int64
	// overflow; catalogue prices are far below it.
	MaxUnitPricePaise = 1_000_000_000_000
	// MaxCouponCodeInput is the longest coupon code a quote accepts as
	// input; longer is BAD_USER_INPUT rather than a NOT_FOUND rejection.
	MaxCouponCodeInput = 64
)

// Variant is what pricing needs to know about a variant (from catalog).
type Variant struct {
	ID               string
	ProductID        string
	SKU              string
	Title            string // the variant's, e.g. "Black, 128 GB"
	ProductTitle     string
	HSNCode          string
	StoreID          string
	OriginState      string // IndianState name of the store's place of supply; "" unknown
	BrandID          string
	CategoryPath     []string // category ids, root first, the product's own last
	Price            int64
	RetailerPrice    *int64
	MinOrderQuantity int // 0 when not visible to the caller
	GSTRatePercent   float64
	Active           bool // the product is ACTIVE
}

// CategoryIDs is the product's category and its ancestors, nearest first
// (the order lines store them so returns and settlements need no catalog call).
func (v Variant) CategoryIDs() []string {
	out := make([]string, len(v.CategoryPath))
	for i, c := range v.CategoryPath {
		out[len(out)-1-i] = c
	}
	return out
}

// DisplayTitle is the line title orders snapshot: product and variant.
func (v Variant) DisplayTitle() string {
	if v.Title == "" {
		return v.ProductTitle
	}
	return v.ProductTitle + " (" + v.Title + ")"
}

// LineInput is one line to price.
type LineInput struct {
	VariantID string
	Quantity  int
}

// ValidateLines checks the lines before anything is fetched and returns them
// with lower-cased variant ids.
func ValidateLines(lines []LineInput) ([]LineInput, error) {
	if len(lines) > MaxLines {
		return nil, errs.BadInput("lines", "must be at most %d", MaxLines)
	}
	out := make([]LineInput, len(lines))
	seen := make(map[string]bool, len(lines))
	for i, l := range lines {
		if !IsUUID(l.VariantID) {
			return nil, errs.BadInput("variantId", "must be a variant id (UUID)")
		}
		id := strings.ToLower(l.VariantID)
		if seen[id] {
			return nil, errs.BadInput("lines", "variant %s appears more than once", id)
		}
		seen[id] = true
		if l.Quantity < 1 || l.Quantity > MaxQuantity {
			return nil, errs.BadInput("quantity", "must be 1–%d", MaxQuantity)
		}
		out[i] = LineInput{VariantID: id, Quantity: l.Quantity}
	}
	return out, nil
}

// CouponCandidate is the coupon a quote was asked to apply, as found.
type CouponCandidate struct {
	Code   string  // normalised
	Coupon *Coupon // nil: no such coupon (or invisible to the buyer)
	Usage  Usage
}

// Shipping is the shipping policy.
type Shipping struct {
	FreeAbovePaise int64 // free when the discounted subtotal reaches it
	FeePaise       int64
}

// PriceRequest is everything a quote depends on.
type PriceRequest struct {
	Buyer         Buyer
	Lines         []LineInput        // validated
	Variants      map[string]Variant // by id; missing: unknown variant
	Rules         []Rule
	Coupon        *CouponCandidate // nil: no coupon asked for
	ShippingState string           // "" unknown: all IGST
	Shipping      Shipping
	Now           time.Time
}

// Tax is GST split by place of supply.
type Tax struct{ CGST, SGST, IGST int64 }

// Total is CGST + SGST + IGST.
func (t Tax) Total() int64 { return t.CGST + t.SGST + t.IGST }

func (t Tax) add(o Tax) Tax { return Tax{t.CGST + o.CGST, t.SGST + o.SGST, t.IGST + o.IGST} }

// QuoteLine is one priced line.
type QuoteLine struct {
	Variant           Variant
	Quantity          int
	UnitPrice         int64
	Subtotal          int64 // UnitPrice × Quantity
	AutomaticDiscount int64
	Rule              string // name of the automatic rule applied, "" none
	CouponDiscount    int64
	Total             int64 // Subtotal − discounts, GST included
	GST               int64
	Tax               Tax
}

// Discount is the line's automatic and coupon discount.
func (l QuoteLine) Discount() int64 { return l.AutomaticDiscount + l.CouponDiscount }

// AppliedCoupon is the coupon a quote applied.
type AppliedCoupon struct {
	CouponID    string
	Code        string
	Description string
	Discount    int64
}

// Quote is the authoritative price of some lines for one buyer.
type Quote struct {
	Lines             []QuoteLine
	Subtotal          int64
	AutomaticDiscount int64
	CouponDiscount    int64
	Coupon            *AppliedCoupon
	Rejection         *Rejection
	Tax               Tax
	Shipping          int64
	Total             int64
}

// Price computes a quote:
//
//  1. unit price = price (RETAILER: the retailer price when set); a
//     RETAILER line below the variant's minimum order quantity is refused;
//  2. per line, the single best live automatic rule (largest discount);
//  3. at most one coupon, on the eligible lines' amounts after step 2,
//     shared among those lines in proportion (largest remainder);
//  4. GST included in each discounted line, CGST+SGST when the store's
//     origin state is the shipping state, else IGST;
//  5. shipping is free from Shipping.FreeAbovePaise of discounted subtotal.
//
// The total discount never exceeds the subtotal: each discount is at most
// what is left of its lines.
func Price(req PriceRequest) (Quote, error) {
	q := Quote{Lines: make([]QuoteLine, len(req.Lines))}
	for i, in := range req.Lines {
		l, err := priceLine(req, in)
		if err != nil {
			return Quote{}, err
		}
		q.Lines[i] = l
		q.Subtotal += l.Subtotal
		q.AutomaticDiscount += l.AutomaticDiscount
	}
	if req.Coupon != nil {
		applyCoupon(&q, req)
	}
	var discounted int64
	for i := range q.Lines {
		l := &q.Lines[i]
		l.Total = l.Subtotal - l.Discount()
		rate, err := rateBP(l.Variant.GSTRatePercent)
		if err != nil {
			return Quote{}, fmt.Errorf("variant %s: %w", l.Variant.ID, err)
		}
		l.GST = GSTIncluded(l.Total, rate)
		if req.ShippingState != "" && l.Variant.OriginState == req.ShippingState {
			l.Tax.CGST, l.Tax.SGST = SplitGST(l.GST)
		} else {
			l.Tax.IGST = l.GST
		}
		q.Tax = q.Tax.add(l.Tax)
		discounted += l.Total
	}
	if len(q.Lines) > 0 && discounted < req.Shipping.FreeAbovePaise {
		q.Shipping = req.Shipping.FeePaise
	}
	q.Total = discounted + q.Shipping
	return q, nil
}

func priceLine(req PriceRequest, in LineInput) (QuoteLine, error) {
	v, ok := req.Variants[in.VariantID]
	if !ok || !v.Active {
		return QuoteLine{}, errs.BadInput("variantId", "variant %s does not exist or is not for sale", in.VariantID)
	}
	unit := v.Price
	if req.Buyer.Role == RoleRetailer {
		if v.RetailerPrice != nil {
			unit = *v.RetailerPrice
		}
		if in.Quantity < v.MinOrderQuantity {
			return QuoteLine{}, errs.BadInput("quantity", "%s: retailers order at least %d units", v.SKU, v.MinOrderQuantity).
				WithReason("BELOW_MOQ")
		}
	}
	if unit <= 0 || unit > MaxUnitPricePaise {
		return QuoteLine{}, fmt.Errorf("variant %s: unit price %d paise out of range", v.ID, unit)
	}
	l := QuoteLine{Variant: v, Quantity: in.Quantity, UnitPrice: unit, Subtotal: unit * int64(in.Quantity)}
	for _, r := range req.Rules {
		d, ok := r.Discount(req.Buyer, in.Quantity, l.Subtotal, v.CategoryPath, req.Now)
		if ok && d > l.AutomaticDiscount {
			l.AutomaticDiscount, l.Rule = min(d, l.Subtotal), r.Name
		}
	}
	return l, nil
}

// applyCoupon applies req.Coupon to q's lines or records why it does not apply.
func applyCoupon(q *Quote, req PriceRequest) {
	cand := req.Coupon
	if cand.Coupon == nil {
		q.Rejection = Rejected(cand.Code, NotFound)
		return
	}
	c := *cand.Coupon
	if r := c.Check(req.Buyer, cand.Usage, q.Subtotal, req.Now); r != nil {
		q.Rejection = r
		return
	}
	var eligible []int
	var weights []int64
	var amount int64
	for i, l := range q.Lines {
		if c.EligibleLine(l.Variant.CategoryPath, l.Variant.BrandID) && l.Subtotal > l.AutomaticDiscount {
			eligible = append(eligible, i)
			weights = append(weights, l.Subtotal-l.AutomaticDiscount)
			amount += l.Subtotal - l.AutomaticDiscount
		}
	}
	if len(eligible) == 0 {
		q.Rejection = Rejected(c.Code, NotEligible)
		return
	}
	d := c.Discount(amount)
	for k, share := range Allocate(d, weights) {
		q.Lines[eligible[k]].CouponDiscount = share
	}
	q.CouponDiscount = d
	q.Coupon = &AppliedCoupon{CouponID: c.ID, Code: c.Code, Description: c.Description, Discount: d}
}

// rateBP converts a GST rate in percent (18, 0.25) to basis points.
func rateBP(percent float64) (int64, error) {
	if math.IsNaN(percent) || percent < 0 || percent > 100 {
		return 0, fmt.Errorf("GST rate %v%% out of range", percent)
	}
	return int64(math.Round(percent * 100)), nil
}

// CouponCode normalises a coupon code given with a quote: "" when none was
// given; a code that cannot exist is kept (it is rejected as NOT_FOUND
// without a lookup, see Plausible), but an oversized one is refused.
func CouponCode(s *string) (string, error) {
	if s == nil {
		return "", nil
	}
	if len(*s) > MaxCouponCodeInput {
		return "", errs.BadInput("couponCode", "must be at most %d characters", MaxCouponCodeInput)
	}
	return strings.ToUpper(strings.TrimSpace(*s)), nil
}

// Plausible reports whether code could name a coupon at all.
func Plausible(code string) bool {
	return len(code) >= MinCodeLen && len(code) <= MaxCodeLen && codePattern.MatchString(code)
}
