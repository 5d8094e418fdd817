package server_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
)

const quoteQuery = `query($input: QuoteInput!) { quote(input: $input) {
  lines { variantId productId sku title storeId hsnCode categoryIds quantity unitPrice { paise } lineSubtotal { paise }
          automaticDiscount { paise } automaticRule couponDiscount { paise } discount { paise } gstRatePercent
          gst { paise } tax { cgst { paise } sgst { paise } igst { paise } total { paise } } lineTotal { paise } }
  subtotal { paise } automaticDiscount { paise } couponDiscount { paise }
  coupon { code description discount { paise } }
  couponRejection { code reason message }
  gst { cgst { paise } sgst { paise } igst { paise } total { paise } }
  shipping { paise } total { paise formatted currency } } }`

type amount struct {
	Paise     int64  `json:"paise"`
	Formatted string `json:"formatted"`
	Currency  string `json:"currency"`
}

type tax struct{ Cgst, Sgst, Igst, Total amount }

type quoteLine struct {
	VariantID, ProductID, SKU, Title, StoreID, HsnCode string
	CategoryIds                                        []string
	Quantity                                           int
	UnitPrice, LineSubtotal, AutomaticDiscount         amount
	AutomaticRule                                      *string
	CouponDiscount, Discount, Gst, LineTotal           amount
	GstRatePercent                                     float64
	Tax                                                tax
}

type quote struct {
	Lines                                       []quoteLine
	Subtotal, AutomaticDiscount, CouponDiscount amount
	Coupon                                      *struct {
		Code, Description string
		Discount          amount
	}
	CouponRejection *struct{ Code, Reason, Message string }
	Gst             tax
	Shipping, Total amount
}

func line(variantID string, qty int) map[string]any {
	return map[string]any{"variantId": variantID, "quantity": qty}
}

// mustQuote prices lines for c; extra holds couponCode / shippingState.
func (e *env) mustQuote(c caller, lines []map[string]any, extra map[string]any) quote {
	e.t.Helper()
	in := map[string]any{"lines": lines}
	maps.Copy(in, extra)
	var out struct{ Quote quote }
	e.must(c, quoteQuery, map[string]any{"input": in}, &out)
	return out.Quote
}

// coded is an error's code, field and reason.
type coded struct{ code, field, reason string }

func codedOf(t testing.TB, resp servicetest.Response) coded {
	t.Helper()
	if len(resp.Errors) == 0 {
		t.Fatalf("no error: %s", resp.Data)
	}
	ext := resp.Errors[0].Extensions
	c := coded{code: resp.Code()}
	c.field, _ = ext["field"].(string)
	c.reason, _ = ext["reason"].(string)
	return c
}

// A customer's quote: catalog asked once with the customer's own token,
// prices, GST split by the stores' states, shipping, formatted money.
func TestQuoteCustomer(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	q := e.mustQuote(rahul, []map[string]any{line(earbudsID, 1), line(cableID, 1)}, map[string]any{"shippingState": "KARNATAKA"})
	if n := e.catalog.calls.Load(); n != 1 {
		t.Fatalf("catalog called %d times, want 1", n)
	}
	if authz, reps := e.catalog.lastCall(); authz != rahul.auth || reps != 2 {
		t.Fatalf("catalog call: authorization forwarded %v, %d representations", authz == rahul.auth, reps)
	}
	ear, cable := q.Lines[0], q.Lines[1]
	if ear.VariantID != earbudsID || ear.SKU != "BOAT-AIRDOPES-141-TRUE-WIRELESS-BOLD-BLACK" || ear.Title != "boAt Airdopes 141 (Bold Black)" ||
		ear.StoreID != storeKA || ear.HsnCode != "8518" || ear.UnitPrice.Paise != 129900 || ear.GstRatePercent != 18 {
		t.Fatalf("earbuds line %+v", ear)
	}
	// Nearest first: the earbuds' own category, then Audio (orders stores it for returns and settlements).
	if !slices.Equal(ear.CategoryIds, []string{earbudsCt, seed.AudioCategoryID}) || !slices.Equal(cable.CategoryIds, []string{mobilesCt}) {
		t.Fatalf("categoryIds: earbuds %v, cable %v", ear.CategoryIds, cable.CategoryIds)
	}
	// ₹1,299 incl. 18 %: 19,815.25 → 198.15; Karnataka → Karnataka: CGST 99.07 + SGST 99.08.
	if ear.Gst.Paise != 19815 || ear.Tax.Cgst.Paise != 9907 || ear.Tax.Sgst.Paise != 9908 || ear.Tax.Igst.Paise != 0 {
		t.Fatalf("earbuds GST %+v", ear.Tax)
	}
	// The cable ships from Maharashtra: IGST.
	if cable.Gst.Paise != 3051 || cable.Tax.Igst.Paise != 3051 || cable.Tax.Cgst.Paise != 0 {
		t.Fatalf("cable GST %+v", cable.Tax)
	}
	if q.Subtotal.Paise != 149899 || q.Shipping.Paise != 0 || q.Total.Paise != 149899 || q.Total.Formatted != "₹1,498.99" ||
		q.Total.Currency != "INR" || q.Gst.Total.Paise != 19815+3051 || q.Gst.Cgst.Paise != 9907 || q.Gst.Igst.Paise != 3051 {
		t.Fatalf("quote totals %+v", q)
	}
	if q.Coupon != nil || q.CouponRejection != nil || q.AutomaticDiscount.Paise != 0 {
		t.Fatalf("no coupon, no rule: %+v", q)
	}

	// Without a shipping state, everything is IGST; below ₹499, shipping is ₹49.
	q = e.mustQuote(rahul, []map[string]any{line(cableID, 2)}, nil)
	if q.Gst.Igst.Paise != q.Gst.Total.Paise || q.Gst.Cgst.Paise != 0 || q.Shipping.Paise != 4900 || q.Total.Paise != 39998+4900 {
		t.Fatalf("cables %+v", q)
	}
	// An empty cart costs nothing and does not call catalog.
	before := e.catalog.calls.Load()
	if q := e.mustQuote(rahul, []map[string]any{}, nil); q.Total.Paise != 0 || q.Shipping.Paise != 0 || len(q.Lines) != 0 {
		t.Fatalf("empty quote %+v", q)
	}
	if e.catalog.calls.Load() != before {
		t.Fatal("an empty quote called catalog")
	}
}

// Amit, a retailer, orders 100 earbuds (MOQ 50): retailer price and the
// seeded RETAILER_BULK_10; below the MOQ the quote is refused.
func TestQuoteRetailer(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	amit := e.retailer()
	q := e.mustQuote(amit, []map[string]any{line(earbudsID, 100)}, map[string]any{"shippingState": "GUJARAT"})
	l := q.Lines[0]
	if l.UnitPrice.Paise != 99900 || l.LineSubtotal.Paise != 9990000 || l.AutomaticDiscount.Paise != 999000 ||
		l.AutomaticRule == nil || *l.AutomaticRule != "RETAILER_BULK_10" || l.LineTotal.Paise != 8991000 {
		t.Fatalf("bulk line %+v", l)
	}
	if q.AutomaticDiscount.Paise != 999000 || q.Total.Paise != 8991000 || q.Gst.Igst.Paise != promo.GSTIncluded(8991000, 1800) {
		t.Fatalf("bulk quote %+v", q)
	}
	wantErr(t, e.do(amit, quoteQuery, map[string]any{"input": map[string]any{"lines": []map[string]any{line(earbudsID, 49)}}}, nil),
		"BAD_USER_INPUT", "quantity", "BELOW_MOQ")

	// A customer buying 100 pays the price and gets no bulk discount.
	q = e.mustQuote(e.customer(), []map[string]any{line(earbudsID, 100)}, nil)
	if q.Lines[0].UnitPrice.Paise != 129900 || q.AutomaticDiscount.Paise != 0 {
		t.Fatalf("customer bulk %+v", q.Lines[0])
	}
}

func TestQuoteCoupons(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	phone := []map[string]any{line(phoneID, 1)}
	// WELCOME10: 10 % of ₹79,900 is ₹7,990, capped at ₹1,000.
	q := e.mustQuote(rahul, phone, map[string]any{"couponCode": " welcome10 "})
	if q.Coupon == nil || q.Coupon.Code != "WELCOME10" || q.CouponDiscount.Paise != 100000 || q.Total.Paise != 7890000 ||
		q.Lines[0].CouponDiscount.Paise != 100000 || q.Lines[0].Gst.Paise != promo.GSTIncluded(7890000, 1800) {
		t.Fatalf("WELCOME10 %+v", q)
	}
	// AUDIO15 applies to the earbuds only (Earbuds is below Audio).
	q = e.mustQuote(rahul, []map[string]any{line(phoneID, 1), line(earbudsID, 1)}, map[string]any{"couponCode": "AUDIO15"})
	if q.CouponDiscount.Paise != 19485 || q.Lines[0].CouponDiscount.Paise != 0 || q.Lines[1].CouponDiscount.Paise != 19485 {
		t.Fatalf("AUDIO15 %+v", q)
	}
	for _, tc := range []struct {
		code   string
		lines  []map[string]any
		reason string
	}{
		{"EXPIRED50", phone, "EXPIRED"},
		{"NOSUCHCODE", phone, "NOT_FOUND"},
		{"not a code!", phone, "NOT_FOUND"},
		{"FLAT500", []map[string]any{line(earbudsID, 1)}, "BELOW_MINIMUM"},
		{"AUDIO15", phone, "NOT_ELIGIBLE"},
	} {
		q := e.mustQuote(rahul, tc.lines, map[string]any{"couponCode": tc.code})
		if q.CouponRejection == nil || q.CouponRejection.Reason != tc.reason || q.Coupon != nil || q.CouponDiscount.Paise != 0 ||
			q.CouponRejection.Message == "" {
			t.Errorf("%s: %+v", tc.code, q.CouponRejection)
		}
		if q.Total.Paise != q.Subtotal.Paise+q.Shipping.Paise {
			t.Errorf("%s: the rest is still priced: %+v", tc.code, q)
		}
	}
	if q := e.mustQuote(rahul, phone, map[string]any{"couponCode": "  "}); q.CouponRejection != nil || q.Coupon != nil {
		t.Fatalf("a blank code is no coupon: %+v", q)
	}
	// A token whose subject is no user (an admin's) is priced as its role,
	// without per-user usage.
	admin := caller{auth: e.iss.Token(t, "admin-1", "ADMIN", "promotions:write")}
	if q := e.mustQuote(admin, phone, map[string]any{"couponCode": "WELCOME10"}); q.CouponDiscount.Paise != 100000 {
		t.Fatalf("admin quote %+v", q)
	}
}

// Every failure a caller can cause is a coded error; catalog is not asked
// for input refused up front.
func TestQuoteBadInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	q := func(c caller, in map[string]any) coded {
		return codedOf(t, e.do(c, quoteQuery, map[string]any{"input": in}, nil))
	}
	lines := func(ls ...map[string]any) map[string]any { return map[string]any{"lines": ls} }
	many := make([]map[string]any, promo.MaxLines+1)
	for i := range many {
		many[i] = line(earbudsID, 1)
	}
	upFront := []struct {
		name  string
		in    map[string]any
		field string
	}{
		{"quantity 0", lines(line(earbudsID, 0)), "quantity"},
		{"negative quantity", lines(line(earbudsID, -5)), "quantity"},
		{"10,001 units", lines(line(earbudsID, 10_001)), "quantity"},
		{"variant id not a UUID", lines(line("earbuds", 1)), "variantId"},
		{"the same variant twice", lines(line(earbudsID, 1), line(earbudsID, 2)), "lines"},
		{"101 lines", map[string]any{"lines": many}, "lines"},
		{"unknown state", map[string]any{"lines": []map[string]any{line(earbudsID, 1)}, "shippingState": "BANGALORE"}, "shippingState"},
		{"10 KB coupon code", map[string]any{"lines": []map[string]any{line(earbudsID, 1)}, "couponCode": strings.Repeat("A", 10_000)}, "couponCode"},
	}
	for _, tc := range upFront {
		before := e.catalog.calls.Load()
		if got := q(rahul, tc.in); got.code != "BAD_USER_INPUT" || got.field != tc.field {
			t.Errorf("%s: %+v", tc.name, got)
		}
		if e.catalog.calls.Load() != before {
			t.Errorf("%s: catalog was called", tc.name)
		}
	}
	for _, tc := range []struct {
		name string
		id   string
	}{{"unknown variant", unknownID}, {"product not ACTIVE", draftID}} {
		if got := q(rahul, lines(line(tc.id, 1))); got.code != "BAD_USER_INPUT" || got.field != "variantId" {
			t.Errorf("%s: %+v", tc.name, got)
		}
	}
	if got := q(anonymous, lines(line(earbudsID, 1))); got.code != "UNAUTHENTICATED" {
		t.Errorf("anonymous: %+v", got)
	}
	if got := q(caller{auth: "Bearer forged"}, lines(line(earbudsID, 1))); got.code != "UNAUTHENTICATED" || got.reason != "TOKEN_INVALID" {
		t.Errorf("bad token: %+v", got)
	}
	// Catalog down: SERVICE_UNAVAILABLE, not INTERNAL.
	e.catalog.down.Store(true)
	if got := q(rahul, lines(line(earbudsID, 1))); got.code != "SERVICE_UNAVAILABLE" {
		t.Errorf("catalog down: %+v", got)
	}
}

// Unknown codes spend a per-caller budget: codes cannot be guessed in bulk,
// while known codes never spend it.
func TestUnknownCodesAreRateLimited(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "COUPON_MISSES_PER_MINUTE", "3")
	rahul := e.customer()
	in := func(code string) map[string]any {
		return map[string]any{"input": map[string]any{"lines": []map[string]any{line(phoneID, 1)}, "couponCode": code}}
	}
	for range 5 {
		ok(t, e.do(rahul, quoteQuery, in("WELCOME10"), nil))
	}
	for i := range 3 {
		ok(t, e.do(rahul, quoteQuery, in("GUESS"+strings.Repeat("X", i)), nil))
	}
	wantErr(t, e.do(rahul, quoteQuery, in("GUESS4"), nil), "RATE_LIMITED", "", "")
	// coupon(code) shares the budget; another caller has their own.
	wantErr(t, e.do(rahul, `query { coupon(code: "GUESS5") { id } }`, nil, nil), "RATE_LIMITED", "", "")
	ok(t, e.do(e.customer(), quoteQuery, in("GUESS"), nil))
	// Anonymous callers are budgeted per client address.
	for i := range 3 {
		ok(t, e.gql(nil, "", `query($c: String!) { coupon(code: $c) { id } }`, map[string]any{"c": "NOPE" + strings.Repeat("X", i)}, nil,
			"X-Forwarded-For", "203.0.113.7"))
	}
	wantErr(t, e.gql(nil, "", `query { coupon(code: "NOPE9") { id } }`, nil, nil, "X-Forwarded-For", "203.0.113.7"), "RATE_LIMITED", "", "")
	ok(t, e.gql(nil, "", `query { coupon(code: "NOPE9") { id } }`, nil, nil, "X-Forwarded-For", "203.0.113.8"))
}
