package promo

import (
	"errors"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

var now = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

const (
	audio    = "00000000-0000-4000-8000-0000000000a0"
	earbuds  = "00000000-0000-4000-8000-0000000000a1"
	mobiles  = "00000000-0000-4000-8000-0000000000b0"
	boat     = "00000000-0000-4000-8000-0000000000c1"
	apple    = "00000000-0000-4000-8000-0000000000c2"
	varEar   = "00000000-0000-4000-8000-000000000001"
	varPhone = "00000000-0000-4000-8000-000000000002"
	varCable = "00000000-0000-4000-8000-000000000003"
)

func ptr[T any](v T) *T { return &v }

// variants: earbuds ₹1,299 (18 %, Karnataka, retailer ₹999, MOQ 50), a
// phone ₹79,900 (18 %, Karnataka) and a cable ₹199.99 (5 %, Maharashtra).
func variants() map[string]Variant {
	return map[string]Variant{
		varEar: {ID: varEar, SKU: "BOAT-EAR", Title: "Bold Black", ProductTitle: "boAt Airdopes 141", StoreID: "s1",
			OriginState: "KARNATAKA", BrandID: boat, CategoryPath: []string{audio, earbuds}, Price: 129900,
			RetailerPrice: ptr[int64](99900), MinOrderQuantity: 50, GSTRatePercent: 18, Active: true},
		varPhone: {ID: varPhone, SKU: "IPHONE", Title: "Black, 128 GB", ProductTitle: "Apple iPhone 15", StoreID: "s1",
			OriginState: "KARNATAKA", BrandID: apple, CategoryPath: []string{mobiles}, Price: 7990000, MinOrderQuantity: 1,
			GSTRatePercent: 18, Active: true},
		varCable: {ID: varCable, SKU: "CABLE", ProductTitle: "USB-C cable", StoreID: "s2", OriginState: "MAHARASHTRA",
			BrandID: boat, CategoryPath: []string{mobiles}, Price: 19999, MinOrderQuantity: 1, GSTRatePercent: 5, Active: true},
	}
}

var (
	customer = Buyer{UserID: "u1", Role: RoleCustomer}
	retailer = Buyer{UserID: "u2", Role: RoleRetailer}
	shipping = Shipping{FreeAbovePaise: 49900, FeePaise: 4900}
	bulk10   = Rule{ID: "r1", Name: "RETAILER_BULK_10", Type: RetailerBulk, Percent: 10, MinQuantity: 50, Active: true}
)

func coupon(mut func(c *Coupon)) *Coupon {
	c := Coupon{ID: "c1", Code: "TEST", Description: "test", Type: Percent, PercentOff: 10, StartsAt: now.Add(-time.Hour), Active: true}
	if mut != nil {
		mut(&c)
	}
	return &c
}

func price(t *testing.T, b Buyer, lines []LineInput, rules []Rule, c *CouponCandidate, state string) Quote {
	t.Helper()
	q, err := Price(PriceRequest{Buyer: b, Lines: lines, Variants: variants(), Rules: rules, Coupon: c,
		ShippingState: state, Shipping: shipping, Now: now})
	if err != nil {
		t.Fatalf("price: %v", err)
	}
	checkInvariants(t, q)
	return q
}

// checkInvariants holds for every quote: lines add up, discounts never
// exceed what they discount, GST splits add up.
func checkInvariants(t *testing.T, q Quote) {
	t.Helper()
	var sub, auto, cpn, total int64
	var tax Tax
	for _, l := range q.Lines {
		if l.Subtotal != l.UnitPrice*int64(l.Quantity) || l.Total != l.Subtotal-l.Discount() || l.Total < 0 {
			t.Fatalf("line does not add up: %+v", l)
		}
		if l.Tax.Total() != l.GST {
			t.Fatalf("line tax split %+v != gst %d", l.Tax, l.GST)
		}
		sub, auto, cpn, total = sub+l.Subtotal, auto+l.AutomaticDiscount, cpn+l.CouponDiscount, total+l.Total
		tax = tax.add(l.Tax)
	}
	if sub != q.Subtotal || auto != q.AutomaticDiscount || cpn != q.CouponDiscount || tax != q.Tax {
		t.Fatalf("quote totals do not add up: %+v", q)
	}
	if q.AutomaticDiscount+q.CouponDiscount > q.Subtotal || q.Total != total+q.Shipping {
		t.Fatalf("quote total wrong: %+v", q)
	}
	if q.Coupon != nil && q.Coupon.Discount != q.CouponDiscount {
		t.Fatalf("applied coupon %+v != couponDiscount %d", q.Coupon, q.CouponDiscount)
	}
}

func TestRounding(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		got, want int64
	}{
		{"10% of 1,299 paise rounds 129.9 up", PercentOf(1299, 10), 130},
		{"10% of 1,294 paise rounds 129.4 down", PercentOf(1294, 10), 129},
		{"15% of 10 paise: 1.5 rounds half up", PercentOf(10, 15), 2},
		{"GST 18% in ₹1,299: 19,815.25 → 19,815", GSTIncluded(129900, 1800), 19815},
		{"GST 18% in 59 paise: exactly 9", GSTIncluded(59, 1800), 9},
		{"GST 5% in 21 paise: exactly 1", GSTIncluded(21, 500), 1},
		{"GST 28% in 64 paise: exactly 14", GSTIncluded(64, 2800), 14},
		{"GST 0.25% in ₹1,00,250: exactly ₹250", GSTIncluded(10025000, 25), 25000},
		{"GST 12% in 7 paise: 0.75 → 1", GSTIncluded(7, 1200), 1},
		{"GST 0% is nothing", GSTIncluded(99999, 0), 0},
		{"huge line: no overflow", GSTIncluded(10_000*MaxUnitPricePaise, 2800), 2_187_500_000_000_000},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, tc.got, tc.want)
		}
	}
}

func TestSplitGST(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ gst, cgst, sgst int64 }{{19815, 9907, 9908}, {100, 50, 50}, {1, 0, 1}, {0, 0, 0}} {
		if c, s := SplitGST(tc.gst); c != tc.cgst || s != tc.sgst {
			t.Errorf("SplitGST(%d) = %d + %d, want %d + %d", tc.gst, c, s, tc.cgst, tc.sgst)
		}
	}
}

func TestAllocate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		total   int64
		weights []int64
		want    []int64
	}{
		{100, []int64{100, 100, 100}, []int64{34, 33, 33}},
		{100, []int64{1, 1, 1}, []int64{1, 1, 1}}, // never more than the weights
		{10, []int64{30, 10}, []int64{8, 2}},      // 7.5 + 2.5: tie goes to the first
		{1, []int64{5, 5}, []int64{1, 0}},
		{10, []int64{10}, []int64{10}},
		{50, []int64{20, 30}, []int64{20, 30}}, // all of it
		{0, []int64{20, 30}, []int64{0, 0}},
		{999, []int64{3, 997}, []int64{3, 996}},
	} {
		got := Allocate(tc.total, tc.weights)
		var sum, weight int64
		for _, w := range tc.weights {
			weight += w
		}
		for i := range got {
			sum += got[i]
			if got[i] != tc.want[i] || got[i] > tc.weights[i] {
				t.Errorf("Allocate(%d, %v) = %v, want %v", tc.total, tc.weights, got, tc.want)
				break
			}
		}
		if sum != min(tc.total, weight) {
			t.Errorf("Allocate(%d, %v) sums to %d", tc.total, tc.weights, sum)
		}
	}
}

func TestPriceGSTSplit(t *testing.T) {
	t.Parallel()
	lines := []LineInput{{varEar, 1}, {varCable, 3}}
	for _, tc := range []struct {
		name, state string
		want        Tax
	}{
		// earbuds: 129900 → gst 19815 (Karnataka store); cable: 59997 at 5 % → 2857 (Maharashtra store)
		{"shipping to Karnataka: earbuds intra-state (odd paisa to SGST), cable inter-state", "KARNATAKA", Tax{CGST: 9907, SGST: 9908, IGST: 2857}},
		{"shipping to Maharashtra: the reverse", "MAHARASHTRA", Tax{CGST: 1428, SGST: 1429, IGST: 19815}},
		{"unknown state: all IGST", "", Tax{IGST: 19815 + 2857}},
		{"another state: all IGST", "GUJARAT", Tax{IGST: 19815 + 2857}},
	} {
		q := price(t, customer, lines, nil, nil, tc.state)
		if q.Tax != tc.want {
			t.Errorf("%s: tax %+v, want %+v", tc.name, q.Tax, tc.want)
		}
	}
}

func TestPriceLinesAndShipping(t *testing.T) {
	t.Parallel()
	q := price(t, customer, []LineInput{{varEar, 2}}, nil, nil, "")
	l := q.Lines[0]
	if l.UnitPrice != 129900 || l.Subtotal != 259800 || l.Total != 259800 || q.Shipping != 0 || q.Total != 259800 {
		t.Fatalf("two earbuds: %+v / %+v", l, q)
	}
	if l.Variant.DisplayTitle() != "boAt Airdopes 141 (Bold Black)" {
		t.Fatalf("title %q", l.Variant.DisplayTitle())
	}
	for _, tc := range []struct {
		qty  int
		ship int64
	}{{2, 4900}, {3, 0}} { // 2 cables = 39998 < 49900 pays shipping; 3 = 59997 ships free
		q := price(t, customer, []LineInput{{varCable, tc.qty}}, nil, nil, "")
		if q.Shipping != tc.ship || q.Total != q.Subtotal+tc.ship {
			t.Errorf("%d cables: shipping %d total %d", tc.qty, q.Shipping, q.Total)
		}
	}
	if q := price(t, customer, nil, nil, nil, ""); q.Total != 0 || q.Shipping != 0 {
		t.Fatalf("empty quote costs %+v", q)
	}
	// The threshold is on the discounted subtotal: a coupon can bring it below.
	q = price(t, customer, []LineInput{{varCable, 3}}, nil,
		&CouponCandidate{Code: "TEST", Coupon: coupon(func(c *Coupon) { c.PercentOff = 20 })}, "")
	if q.CouponDiscount != 11999 || q.Shipping != 4900 || q.Total != 59997-11999+4900 {
		t.Fatalf("3 cables with 20%%: %+v", q)
	}
}

func TestPriceRetailer(t *testing.T) {
	t.Parallel()
	// Retailer price, bulk rule at ≥ 50 units.
	q := price(t, retailer, []LineInput{{varEar, 100}}, []Rule{bulk10}, nil, "KARNATAKA")
	l := q.Lines[0]
	if l.UnitPrice != 99900 || l.Subtotal != 9990000 || l.AutomaticDiscount != 999000 || l.Rule != "RETAILER_BULK_10" {
		t.Fatalf("retailer line %+v", l)
	}
	if l.Total != 8991000 || l.GST != GSTIncluded(8991000, 1800) || q.Total != 8991000 {
		t.Fatalf("retailer totals %+v", q)
	}
	// Customers pay the price and get no bulk discount, whatever the quantity.
	q = price(t, customer, []LineInput{{varEar, 100}}, []Rule{bulk10}, nil, "")
	if q.Lines[0].UnitPrice != 129900 || q.AutomaticDiscount != 0 {
		t.Fatalf("customer bulk line %+v", q.Lines[0])
	}
	// Below the minimum order quantity.
	_, err := Price(PriceRequest{Buyer: retailer, Lines: []LineInput{{varEar, 49}}, Variants: variants(), Shipping: shipping, Now: now})
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.BadUserInput || e.Field != "quantity" || e.Reason != "BELOW_MOQ" {
		t.Fatalf("below MOQ: %v", err)
	}
}

func TestAutomaticRulesBestSingle(t *testing.T) {
	t.Parallel()
	sale := Rule{ID: "r2", Name: "AUDIO_SALE", Type: CategorySale, Percent: 15, CategoryID: audio, Active: true}
	small := Rule{ID: "r3", Name: "EARBUDS_5", Type: CategorySale, Percent: 5, CategoryID: earbuds, Active: true}
	over := sale
	over.Name, over.EndsAt = "OVER", ptr(now.Add(-time.Minute))
	later := sale
	later.Name, later.Percent, later.StartsAt = "LATER", 50, ptr(now.Add(time.Minute))
	off := sale
	off.Name, off.Percent, off.Active = "OFF", 60, false

	// The retailer line qualifies for 10 % bulk, 15 % audio sale (a parent
	// category) and 5 % earbuds: the best single one applies, not the sum.
	q := price(t, retailer, []LineInput{{varEar, 100}}, []Rule{bulk10, sale, small, over, later, off}, nil, "")
	if l := q.Lines[0]; l.Rule != "AUDIO_SALE" || l.AutomaticDiscount != PercentOf(9990000, 15) {
		t.Fatalf("best rule: %+v", l)
	}
	// The phone is in no sale category.
	q = price(t, customer, []LineInput{{varPhone, 1}, {varEar, 1}}, []Rule{sale}, nil, "")
	if q.Lines[0].AutomaticDiscount != 0 || q.Lines[1].AutomaticDiscount != 19485 {
		t.Fatalf("category sale lines: %+v", q.Lines)
	}
}

func TestCoupons(t *testing.T) {
	t.Parallel()
	cand := func(mut func(c *Coupon)) *CouponCandidate {
		return &CouponCandidate{Code: "TEST", Coupon: coupon(mut)}
	}
	phone := []LineInput{{varPhone, 1}}              // 7990000
	mixed := []LineInput{{varPhone, 1}, {varEar, 1}} // 7990000 + 129900
	for _, tc := range []struct {
		name   string
		buyer  Buyer
		lines  []LineInput
		rules  []Rule
		cand   *CouponCandidate
		reason RejectionReason
		disc   int64
	}{
		{"10% of the phone", customer, phone, nil, cand(nil), "", 799000},
		{"PERCENT capped by maxDiscount", customer, phone, nil, cand(func(c *Coupon) { c.MaxDiscount = ptr[int64](100000) }), "", 100000},
		{"FLAT", customer, phone, nil, cand(func(c *Coupon) { c.Type, c.PercentOff, c.AmountOff = Flat, 0, 50000 }), "", 50000},
		{"FLAT larger than the eligible amount is capped at it", customer, []LineInput{{varCable, 1}}, nil,
			cand(func(c *Coupon) { c.Type, c.PercentOff, c.AmountOff = Flat, 0, 50000 }), "", 19999},
		{"minimum order value met exactly", customer, phone, nil, cand(func(c *Coupon) { c.MinOrder = 7990000 }), "", 799000},
		{"below the minimum order value", customer, phone, nil, cand(func(c *Coupon) { c.MinOrder = 7990001 }), BelowMinimum, 0},
		{"unknown code", customer, phone, nil, &CouponCandidate{Code: "NOPE"}, NotFound, 0},
		{"switched off", customer, phone, nil, cand(func(c *Coupon) { c.Active = false }), Inactive, 0},
		{"expired", customer, phone, nil, cand(func(c *Coupon) { c.EndsAt = ptr(now) }), Expired, 0},
		{"not started", customer, phone, nil, cand(func(c *Coupon) { c.StartsAt = now.Add(time.Second) }), NotStarted, 0},
		{"wrong role", customer, phone, nil, cand(func(c *Coupon) { c.BuyerRoles = []string{RoleRetailer} }), NotEligible, 0},
		{"personal coupon of someone else looks unknown", customer, phone, nil, cand(func(c *Coupon) { c.AssignedOnly = true }), NotFound, 0},
		{"total limit reached", customer, phone, nil, &CouponCandidate{Code: "TEST", Usage: Usage{Total: 5},
			Coupon: coupon(func(c *Coupon) { c.UsageLimit = ptr(5) })}, LimitReached, 0},
		{"per-user limit reached", customer, phone, nil, &CouponCandidate{Code: "TEST", Usage: Usage{Total: 1, ByBuyer: 1},
			Coupon: coupon(func(c *Coupon) { c.PerUserLimit = ptr(1); c.UsageLimit = ptr(5) })}, UserLimitReached, 0},
		{"no eligible line (category)", customer, phone, nil, cand(func(c *Coupon) { c.CategoryIDs = []string{audio} }), NotEligible, 0},
		{"only the audio line is discounted (parent category)", customer, mixed, nil,
			cand(func(c *Coupon) { c.CategoryIDs = []string{audio}; c.PercentOff = 15 }), "", 19485},
		{"brand restriction", customer, mixed, nil, cand(func(c *Coupon) { c.BrandIDs = []string{apple} }), "", 799000},
		{"coupon on the amount left after the automatic rule", retailer, []LineInput{{varEar, 100}}, []Rule{bulk10},
			cand(func(c *Coupon) { c.PercentOff = 10 }), "", 899100},
		{"90% coupon after 10% rule stays below the subtotal", retailer, []LineInput{{varEar, 100}}, []Rule{bulk10},
			cand(func(c *Coupon) { c.PercentOff = 90 }), "", 8091900},
	} {
		q := price(t, tc.buyer, tc.lines, tc.rules, tc.cand, "")
		switch {
		case tc.reason != "":
			if q.Rejection == nil || q.Rejection.Reason != tc.reason || q.Coupon != nil || q.CouponDiscount != 0 {
				t.Errorf("%s: rejection %+v coupon %+v, want %s", tc.name, q.Rejection, q.Coupon, tc.reason)
			}
		case q.Rejection != nil || q.CouponDiscount != tc.disc:
			t.Errorf("%s: discount %d rejection %+v, want %d", tc.name, q.CouponDiscount, q.Rejection, tc.disc)
		}
	}
}

// A coupon is shared among eligible lines in proportion, so each line's GST
// is computed on what the buyer really pays for it.
func TestCouponSharedAmongLines(t *testing.T) {
	t.Parallel()
	q := price(t, customer, []LineInput{{varEar, 1}, {varCable, 1}},
		nil, &CouponCandidate{Code: "TEST", Coupon: coupon(func(c *Coupon) { c.Type, c.PercentOff, c.AmountOff = Flat, 0, 1000 })}, "")
	// 1000 paise over 129900 : 19999 → 866.6 : 133.4 → 867 + 133
	if q.Lines[0].CouponDiscount != 867 || q.Lines[1].CouponDiscount != 133 {
		t.Fatalf("shares %d + %d", q.Lines[0].CouponDiscount, q.Lines[1].CouponDiscount)
	}
	if q.Lines[0].GST != GSTIncluded(129900-867, 1800) || q.Lines[1].GST != GSTIncluded(19999-133, 500) {
		t.Fatalf("GST on discounted lines: %+v", q.Lines)
	}
}

func TestPriceRefusesBadLines(t *testing.T) {
	t.Parallel()
	vs := variants()
	inactive := vs[varPhone]
	inactive.Active = false
	vs[varPhone] = inactive
	for _, tc := range []struct {
		name  string
		lines []LineInput
		field string
	}{
		{"unknown variant", []LineInput{{"00000000-0000-4000-8000-00000000dead", 1}}, "variantId"},
		{"inactive product", []LineInput{{varPhone, 1}}, "variantId"},
	} {
		_, err := Price(PriceRequest{Buyer: customer, Lines: tc.lines, Variants: vs, Shipping: shipping, Now: now})
		if !errors.Is(err, errs.BadInput(tc.field, "")) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	for _, tc := range []struct {
		name  string
		lines []LineInput
		field string
	}{
		{"zero quantity", []LineInput{{varEar, 0}}, "quantity"},
		{"negative quantity", []LineInput{{varEar, -1}}, "quantity"},
		{"too many units", []LineInput{{varEar, MaxQuantity + 1}}, "quantity"},
		{"not a UUID", []LineInput{{"abc", 1}}, "variantId"},
		{"twice the same variant", []LineInput{{varEar, 1}, {varEar, 2}}, "lines"},
		{"too many lines", make([]LineInput, MaxLines+1), "lines"},
	} {
		if _, err := ValidateLines(tc.lines); !errors.Is(err, errs.BadInput(tc.field, "")) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	got, err := ValidateLines([]LineInput{{"00000000-0000-4000-8000-0000000000AB", MaxQuantity}})
	if err != nil || got[0].VariantID != "00000000-0000-4000-8000-0000000000ab" {
		t.Fatalf("valid line: %v %v", got, err)
	}
}
