package order_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

const addrID = "01937a00-0000-7000-8000-0000000000a1"

func ptr[T any](v T) *T { return &v }

func validInput() order.CheckoutInput {
	return order.CheckoutInput{AddressID: addrID, PaymentType: order.UPI, IdempotencyKey: "checkout-0001"}
}

// field returns the BAD_USER_INPUT field of err, or fails.
func field(t *testing.T, err error) string {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.BadUserInput {
		t.Fatalf("want BAD_USER_INPUT, got %v", err)
	}
	return e.Field
}

func TestParseCheckoutRefusesBadInput(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		edit  func(*order.CheckoutInput)
		field string
	}{
		{"short key", func(in *order.CheckoutInput) { in.IdempotencyKey = "short" }, "idempotencyKey"},
		{"long key", func(in *order.CheckoutInput) { in.IdempotencyKey = strings.Repeat("k", 65) }, "idempotencyKey"},
		{"key with spaces", func(in *order.CheckoutInput) { in.IdempotencyKey = "not a key!" }, "idempotencyKey"},
		{"10 KB key", func(in *order.CheckoutInput) { in.IdempotencyKey = strings.Repeat("k", 10<<10) }, "idempotencyKey"},
		{"address not a uuid", func(in *order.CheckoutInput) { in.AddressID = "home" }, "addressId"},
		{"10 KB address id", func(in *order.CheckoutInput) { in.AddressID = strings.Repeat("a", 10<<10) }, "addressId"},
		{"bad coupon", func(in *order.CheckoutInput) { in.CouponCode = ptr("no spaces allowed") }, "couponCode"},
		{"long coupon", func(in *order.CheckoutInput) { in.CouponCode = ptr(strings.Repeat("A", 33)) }, "couponCode"},
		{"unknown method", func(in *order.CheckoutInput) { in.PaymentType = "CHEQUE" }, "paymentMethod.type"},
		{"vpa for a card", func(in *order.CheckoutInput) { in.PaymentType = order.Card; in.UPIVPA = ptr("a@okbank") }, "paymentMethod.upiVpa"},
		{"bad vpa", func(in *order.CheckoutInput) { in.UPIVPA = ptr("no-at-sign") }, "paymentMethod.upiVpa"},
		{"long vpa", func(in *order.CheckoutInput) { in.UPIVPA = ptr(strings.Repeat("a", 120) + "@okbank") }, "paymentMethod.upiVpa"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := validInput()
			c.edit(&in)
			_, err := order.ParseCheckout(in)
			if got := field(t, err); got != c.field {
				t.Fatalf("field = %q, want %q", got, c.field)
			}
		})
	}
}

func TestParseCheckoutNormalises(t *testing.T) {
	t.Parallel()
	in := validInput()
	c, err := order.ParseCheckout(in)
	if err != nil || !c.UseCartCoupon || c.CouponCode != "" || c.AddressID != addrID || c.IdempotencyKey != "checkout-0001" ||
		c.Payment.Type != order.UPI {
		t.Fatalf("omitted coupon: %+v %v", c, err)
	}
	in.CouponCode = ptr("")
	if c, err = order.ParseCheckout(in); err != nil || c.UseCartCoupon || c.CouponCode != "" {
		t.Fatalf("empty coupon = none: %+v %v", c, err)
	}
	in.CouponCode, in.UPIVPA = ptr(" welcome10 "), ptr("Failure@Sandbox")
	if c, err = order.ParseCheckout(in); err != nil || c.CouponCode != "WELCOME10" || c.Payment.UPIVPA != "failure@sandbox" {
		t.Fatalf("normalised: %+v %v", c, err)
	}
}

func TestCODRules(t *testing.T) {
	t.Parallel()
	r := order.CODRules{MaxTotalPaise: 5_000_000, BlockedPinPrefixes: []string{"19", "7911"}}
	for _, c := range []struct {
		total  int64
		pin    string
		reason string
	}{
		{5_000_000, "560001", ""},
		{5_000_001, "560001", "COD_LIMIT_EXCEEDED"},
		{1000, "190001", "COD_NOT_AVAILABLE"},
		{1000, "791100", "COD_NOT_AVAILABLE"},
		{1000, "791200", ""},
	} {
		err := r.CheckCOD(c.total, c.pin)
		if c.reason == "" {
			if err != nil {
				t.Errorf("%d to %s: %v", c.total, c.pin, err)
			}
			continue
		}
		var e *errs.Error
		if !errors.As(err, &e) || e.Field != "paymentMethod" || e.Reason != c.reason {
			t.Errorf("%d to %s: %v, want %s", c.total, c.pin, err, c.reason)
		}
	}
}

const (
	v1, v2 = "01937a00-0000-7000-8000-0000000000b1", "01937a00-0000-7000-8000-0000000000b2"
	s1, s2 = "01937a00-0000-7000-8000-0000000000c1", "01937a00-0000-7000-8000-0000000000c2"
)

func quoteOf(lines ...order.Item) order.Quote {
	q := order.Quote{Lines: lines}
	for _, l := range lines {
		q.Totals.Subtotal += l.LineSubtotal
		q.Totals.Total += l.LineTotal
	}
	return q
}

func TestNewBuildsTheOrderFromTheQuote(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 12, 31, 19, 0, 0, 0, time.UTC)
	lines := []order.Line{{VariantID: v1, Quantity: 2}, {VariantID: v2, Quantity: 1}}
	// The quote lists the lines in another order than the cart.
	q := quoteOf(
		order.Item{VariantID: v2, StoreID: s2, SKU: "B", Quantity: 1, UnitPrice: 500, LineSubtotal: 500, LineTotal: 500},
		order.Item{VariantID: v1, StoreID: s1, SKU: "A", Quantity: 2, UnitPrice: 100, LineSubtotal: 200, LineTotal: 200},
	)
	c, _ := order.ParseCheckout(validInput())
	o, err := order.New("u1", c, "", lines, order.Address{PinCode: "560001"}, q, order.CODRules{}, now)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != order.PendingPayment || o.Items[0].VariantID != v1 || o.Items[1].VariantID != v2 {
		t.Fatalf("order %+v", o)
	}
	if len(o.StoreIDs) != 2 || o.StoreIDs[0] != s1 || o.Totals.Total != 700 {
		t.Fatalf("stores %v total %d", o.StoreIDs, o.Totals.Total)
	}
	if len(o.StatusChangedEvents()) != 0 {
		t.Fatal("a prepaid order publishes no status change at checkout")
	}

	// COD is confirmed at once, with its status change.
	in := validInput()
	in.PaymentType = order.COD
	c, _ = order.ParseCheckout(in)
	o, err = order.New("u1", c, "", lines, order.Address{PinCode: "560001"}, q, order.CODRules{MaxTotalPaise: 700}, now)
	if err != nil || o.Status != order.Confirmed {
		t.Fatalf("COD: %v %+v", err, o)
	}
	if evs := o.StatusChangedEvents(); len(evs) != 1 || evs[0].From != order.PendingPayment || evs[0].To != order.Confirmed {
		t.Fatalf("COD events %+v", evs)
	}
	// … but not above the limit.
	if _, err := order.New("u1", c, "", lines, order.Address{PinCode: "560001"}, q, order.CODRules{MaxTotalPaise: 699}, now); field(t, err) != "paymentMethod" {
		t.Fatal("COD over the limit accepted")
	}
}

func TestNewRefusesAQuoteOfSomethingElse(t *testing.T) {
	t.Parallel()
	c, _ := order.ParseCheckout(validInput())
	lines := []order.Line{{VariantID: v1, Quantity: 2}}
	good := order.Item{VariantID: v1, StoreID: s1, Quantity: 2, LineSubtotal: 200, LineTotal: 200}
	for name, q := range map[string]order.Quote{
		"other quantity": quoteOf(order.Item{VariantID: v1, StoreID: s1, Quantity: 3}),
		"other variant":  quoteOf(order.Item{VariantID: v2, StoreID: s1, Quantity: 2}),
		"extra line":     quoteOf(good, order.Item{VariantID: v2, StoreID: s1, Quantity: 1}),
		"no store":       quoteOf(order.Item{VariantID: v1, Quantity: 2}),
		"negative total": {Lines: []order.Item{good}, Totals: order.Totals{Total: -1}},
	} {
		if _, err := order.New("u1", c, "", lines, order.Address{}, q, order.CODRules{}, time.Now()); err == nil || errs.CodeOf(err) != errs.Internal {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := order.New("u1", c, "", nil, order.Address{}, order.Quote{}, order.CODRules{}, time.Now()); !errors.Is(err, order.ErrEmptyCart) {
		t.Errorf("empty cart: %v", err)
	}
}

func TestCouponError(t *testing.T) {
	t.Parallel()
	var e *errs.Error
	if err := order.CouponError(order.CouponRejection{Code: "EXPIRED50", Reason: "EXPIRED", Message: "expired"}); !errors.As(err, &e) ||
		e.Code != errs.BadUserInput || e.Field != "couponCode" || e.Reason != "EXPIRED" {
		t.Fatalf("expired: %v", err)
	}
	if err := order.CouponError(order.CouponRejection{Code: "WELCOME10", Reason: "USER_LIMIT_REACHED"}); !errors.As(err, &e) ||
		e.Code != errs.Conflict || e.Reason != "USER_LIMIT_REACHED" || e.Message == "" {
		t.Fatalf("limit: %v", err)
	}
}

func TestNumber(t *testing.T) {
	t.Parallel()
	if n := order.Number(2025, 42); n != "PUR-2025-000042" {
		t.Fatal(n)
	}
	if n := order.Number(2026, 1234567); n != "PUR-2026-1234567" { // never truncated
		t.Fatal(n)
	}
	// 23:00 UTC on 31 December is already the new year in India.
	if y := time.Date(2025, 12, 31, 23, 0, 0, 0, time.UTC).In(order.India).Year(); y != 2026 {
		t.Fatal(y)
	}
}

func TestParsePage(t *testing.T) {
	t.Parallel()
	id := "01937a00-0000-7000-8000-0000000000d1"
	p, err := order.ParsePage(ptr(5), ptr(order.Cursor(id)))
	if err != nil || p.First != 5 || p.After != id {
		t.Fatalf("%+v %v", p, err)
	}
	if p, err := order.ParsePage(nil, nil); err != nil || p.First != 20 {
		t.Fatalf("%+v %v", p, err)
	}
	for _, f := range []int{0, -1, 101} {
		if _, err := order.ParsePage(ptr(f), nil); field(t, err) != "first" {
			t.Fatal(f)
		}
	}
	for _, c := range []string{"garbage", order.Cursor("not-a-uuid"), strings.Repeat("x", 10<<10)} {
		if _, err := order.ParsePage(nil, ptr(c)); field(t, err) != "after" {
			t.Fatal(c)
		}
	}
}

func TestParseShipmentAndReason(t *testing.T) {
	t.Parallel()
	tn, carrier, err := order.ParseShipment(" awb-123/45 ", " Blue Dart ")
	if err != nil || tn != "AWB-123/45" || carrier != "Blue Dart" {
		t.Fatalf("%q %q %v", tn, carrier, err)
	}
	for _, c := range [][2]string{{"", "X"}, {"has space", "X"}, {strings.Repeat("A", 65), "X"}, {"A1", ""}, {"A1", strings.Repeat("c", 65)}, {"A1", "bad\x00"}} {
		if _, _, err := order.ParseShipment(c[0], c[1]); err == nil {
			t.Errorf("accepted %q %q", c[0], c[1])
		}
	}
	if r, err := order.ParseReason("  found it cheaper  "); err != nil || r != "found it cheaper" {
		t.Fatalf("%q %v", r, err)
	}
	for _, r := range []string{"no", strings.Repeat("r", 501), strings.Repeat("r", 10<<10), "line\x07bell"} {
		if _, err := order.ParseReason(r); field(t, err) != "reason" {
			t.Errorf("accepted %q", r)
		}
	}
}
