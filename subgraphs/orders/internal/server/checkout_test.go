package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/servicetest"
)

const checkoutMutation = `mutation($input: CheckoutInput!) { checkout(input: $input) { replayed order {
	id orderNumber status buyer { id } couponCode paymentDueBy placedAt
	subtotal { paise formatted currency } automaticDiscount { paise } couponDiscount { paise } shipping { paise } total { paise }
	gst { cgst { paise } sgst { paise } igst { paise } total { paise } }
	paymentMethod { type upiVpa } shippingAddress { name line1 line2 city state pinCode }
	items { id sku title quantity unitPrice { paise } lineSubtotal { paise } discount { paise } gst { paise } gstRatePercent
	        lineTotal { paise } variant { id } store { id } }
	statusHistory { from to note } } } }`

type money struct {
	Paise     int64  `json:"paise"`
	Formatted string `json:"formatted"`
	Currency  string `json:"currency"`
}

type orderOut struct {
	ID                string `json:"id"`
	OrderNumber       string `json:"orderNumber"`
	Status            string `json:"status"`
	Buyer             struct{ ID string }
	CouponCode        *string `json:"couponCode"`
	PaymentDueBy      *string `json:"paymentDueBy"`
	Subtotal          money   `json:"subtotal"`
	AutomaticDiscount money   `json:"automaticDiscount"`
	CouponDiscount    money   `json:"couponDiscount"`
	Shipping          money   `json:"shipping"`
	Total             money   `json:"total"`
	Gst               struct{ Cgst, Sgst, Igst, Total money }
	PaymentMethod     struct {
		Type   string  `json:"type"`
		UpiVpa *string `json:"upiVpa"`
	} `json:"paymentMethod"`
	ShippingAddress struct {
		Name, Line1, City, State, PinCode string
		Line2                             *string
	} `json:"shippingAddress"`
	Items []struct {
		ID, Sku, Title                                    string
		Quantity                                          int
		UnitPrice, LineSubtotal, Discount, Gst, LineTotal money
		GstRatePercent                                    float64
		Variant, Store                                    struct{ ID string }
	} `json:"items"`
	StatusHistory []struct {
		From *string
		To   string
		Note *string
	} `json:"statusHistory"`
}

type checkoutOut struct {
	Checkout struct {
		Replayed bool     `json:"replayed"`
		Order    orderOut `json:"order"`
	} `json:"checkout"`
}

func checkoutInput(key string, edits ...func(map[string]any)) map[string]any {
	in := map[string]any{"addressId": rahulHome, "idempotencyKey": key, "paymentMethod": map[string]any{"type": "UPI"}}
	for _, e := range edits {
		e(in)
	}
	return map[string]any{"input": in}
}

func withPayment(typ string) func(map[string]any) {
	return func(in map[string]any) { in["paymentMethod"] = map[string]any{"type": typ} }
}

func withCoupon(code string) func(map[string]any) {
	return func(in map[string]any) { in["couponCode"] = code }
}

// checkout places rahul's cart and fails the test on any error.
func (e *env) checkout(key string, edits ...func(map[string]any)) orderOut {
	e.t.Helper()
	var out checkoutOut
	e.mustDo(e.customer(e.rahul), checkoutMutation, checkoutInput(key, edits...), &out)
	return out.Checkout.Order
}

func TestCheckoutPlacesThePendingOrder(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "FLAT500", iphone, 1, earbuds, 2)
	var out checkoutOut
	e.mustDo(e.customer(e.rahul), checkoutMutation, checkoutInput("checkout-happy-1", func(in map[string]any) {
		in["paymentMethod"] = map[string]any{"type": "UPI", "upiVpa": "Rahul@OKHDFCBank"}
	}), &out)
	o := out.Checkout.Order
	if out.Checkout.Replayed || o.Status != "PENDING_PAYMENT" || o.Buyer.ID != e.rahul || o.PaymentDueBy == nil {
		t.Fatalf("order = %+v", out.Checkout)
	}
	if !regexp.MustCompile(`^PUR-20\d\d-\d{6}$`).MatchString(o.OrderNumber) {
		t.Fatalf("order number %q", o.OrderNumber)
	}
	// Snapshots of the quote: iPhone line discounted by the coupon, earbuds from another state (IGST).
	if o.Subtotal.Paise != 7990000+2*129900 || o.CouponDiscount.Paise != 50000 || o.Total.Paise != 7990000+2*129900-50000 ||
		o.Shipping.Paise != 0 || o.Subtotal.Currency != "INR" || o.Subtotal.Formatted != "₹82,498.00" {
		t.Fatalf("totals = %+v", o)
	}
	if *o.CouponCode != "FLAT500" || o.PaymentMethod.Type != "UPI" || *o.PaymentMethod.UpiVpa != "rahul@okhdfcbank" {
		t.Fatalf("coupon/payment = %v %+v", o.CouponCode, o.PaymentMethod)
	}
	if o.ShippingAddress.Name != "Rahul Sharma" || o.ShippingAddress.PinCode != "560025" || o.ShippingAddress.Line2 != nil {
		t.Fatalf("address = %+v", o.ShippingAddress)
	}
	if len(o.Items) != 2 || o.Items[0].Variant.ID != iphone || o.Items[0].Store.ID != techHub || o.Items[0].Sku != "APPLE-IPHONE-15-BLACK-128GB" ||
		o.Items[0].Discount.Paise != 50000 || o.Items[0].LineTotal.Paise != 7940000 || o.Items[0].GstRatePercent != 18 ||
		o.Items[1].Quantity != 2 || o.Items[1].UnitPrice.Paise != 129900 || o.Items[1].Store.ID != audioHub {
		t.Fatalf("items = %+v", o.Items)
	}
	if o.Gst.Cgst.Paise == 0 || o.Gst.Igst.Paise == 0 || o.Gst.Total.Paise != o.Gst.Cgst.Paise+o.Gst.Sgst.Paise+o.Gst.Igst.Paise {
		t.Fatalf("gst = %+v", o.Gst)
	}
	if len(o.StatusHistory) != 1 || o.StatusHistory[0].From != nil || o.StatusHistory[0].To != "PENDING_PAYMENT" {
		t.Fatalf("history = %+v", o.StatusHistory)
	}

	// Stock reserved for this order (TTL 15 min) and the coupon held against its subtotal.
	e.w.set(func(w *world) {
		r := w.reserved[o.ID]
		if r == nil || r.status != "RESERVED" || r.lines[iphone] != 1 || r.lines[earbuds] != 2 || len(w.reserved) != 1 {
			t.Errorf("reservations = %+v", w.reserved)
		}
		if h := w.holds[o.ID]; h == nil || h.code != "FLAT500" || h.subtotal != o.Subtotal.Paise || h.status != "PENDING" {
			t.Errorf("holds = %+v", w.holds)
		}
		if len(w.reqTTLs) != 1 || w.reqTTLs[0] != 900 {
			t.Errorf("ttl = %v", w.reqTTLs)
		}
		if w.noAuth != 0 {
			t.Errorf("%d calls without the shopper's Authorization", w.noAuth)
		}
	})

	// order.placed, exactly as docs/commerce.md, and nothing else.
	placed := e.outbox(o.ID, "order.placed")
	if len(placed) != 1 || placed[0].AggregateID != o.ID || placed[0].Actor != e.rahul {
		t.Fatalf("order.placed = %+v", placed)
	}
	var p struct {
		OrderID, OrderNumber, UserID string
		PaymentMethod                struct{ Type, UpiVpa string }
		TotalPaise                   int64
		CouponCode                   *string
		Items                        []struct {
			VariantID, StoreID, SKU, Title string
			Quantity                       int
			UnitPricePaise, LineTotalPaise int64
		}
		ShippingAddress      map[string]any
		ReservationExpiresAt *string
		CartVersion          *int
	}
	if err := json.Unmarshal(placed[0].Payload, &p); err != nil {
		t.Fatal(err)
	}
	if p.OrderID != o.ID || p.OrderNumber != o.OrderNumber || p.UserID != e.rahul || p.PaymentMethod.Type != "UPI" ||
		p.PaymentMethod.UpiVpa != "rahul@okhdfcbank" || p.TotalPaise != o.Total.Paise || *p.CouponCode != "FLAT500" ||
		len(p.Items) != 2 || p.Items[1].StoreID != audioHub || p.Items[1].UnitPricePaise != 129900 || p.Items[1].LineTotalPaise != 259800 ||
		p.ShippingAddress["pinCode"] != "560025" || p.ShippingAddress["state"] != "KARNATAKA" || p.ReservationExpiresAt == nil ||
		p.CartVersion == nil || *p.CartVersion != 42 { // the version of the cart read (two lines: fillCart's 42)
		t.Fatalf("order.placed payload = %s", placed[0].Payload)
	}
	if n := e.rows(`SELECT count(*) FROM outbox`); n != 1 {
		t.Fatalf("outbox rows = %d", n)
	}
	if n := e.rows(`SELECT count(*) FROM checkout_claims`); n != 0 {
		t.Fatalf("claim left behind: %d", n)
	}

	// What invoices, returns, settlements and partial refunds need is stored per line: the
	// product, its HSN code, its categories nearest first, and the discount split, with the
	// coupon's shares adding up to the order's coupon discount exactly.
	if n := e.rows(`SELECT count(*) FROM order_items WHERE order_id = $1 AND product_id IS NOT NULL AND hsn_code = '8517'
		AND category_ids = ARRAY[$2, $3]::uuid[] AND automatic_discount_paise + coupon_discount_paise = discount_paise`,
		o.ID, fakeCategoryLeaf, fakeCategoryRoot); n != 2 {
		t.Fatalf("%d lines with their product, HSN, categories and discount split", n)
	}
	if n := e.rows(`SELECT sum(coupon_discount_paise)::int FROM order_items WHERE order_id = $1`, o.ID); int64(n) != o.CouponDiscount.Paise {
		t.Fatalf("coupon shares add up to %d, not %d", n, o.CouponDiscount.Paise)
	}
	// One PENDING fulfilment per store, each with its first history entry.
	if n := e.rows(`SELECT count(*) FROM fulfilments f JOIN fulfilment_status_history h ON h.fulfilment_id = f.id
		WHERE f.order_id = $1 AND f.status = 'PENDING' AND h.to_status = 'PENDING' AND h.from_status IS NULL
		AND f.store_id = ANY($2::uuid[])`, o.ID, []string{techHub, audioHub}); n != 2 {
		t.Fatalf("%d pending fulfilments", n)
	}
}

func TestCheckoutCODIsConfirmedAtOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("checkout-cod-1", withPayment("COD"))
	if o.Status != "CONFIRMED" || o.PaymentDueBy != nil || o.Shipping.Paise != 4900 || o.Total.Paise != 19900+4900 {
		t.Fatalf("COD order = %+v", o)
	}
	if len(o.StatusHistory) != 2 || o.StatusHistory[1].To != "CONFIRMED" || *o.StatusHistory[1].From != "PENDING_PAYMENT" {
		t.Fatalf("history = %+v", o.StatusHistory)
	}
	changed, placed := e.outbox(o.ID, "order.status_changed"), e.outbox(o.ID, "order.placed")
	if len(changed) != 1 || len(placed) != 1 {
		t.Fatalf("events = %+v", changed)
	}
	// Its one fulfilment is confirmed with it, and says so.
	fc := e.outbox(o.ID, "order.fulfilment_changed")
	if len(fc) != 1 || e.rows(`SELECT count(*) FROM fulfilments WHERE order_id = $1 AND status = 'CONFIRMED'`, o.ID) != 1 {
		t.Fatalf("fulfilment events = %+v", fc)
	}
	var f struct {
		From, To, StoreID string
		AmountPaise       int64
		Items             []struct{ VariantID, HSNCode string }
	}
	if err := json.Unmarshal(fc[0].Payload, &f); err != nil {
		t.Fatal(err)
	}
	if f.From != "PENDING" || f.To != "CONFIRMED" || f.StoreID != techHub || f.AmountPaise != 19900 || len(f.Items) != 1 ||
		f.Items[0].VariantID != cable || f.Items[0].HSNCode != "8517" {
		t.Fatalf("order.fulfilment_changed payload = %s", fc[0].Payload)
	}
	// The cart's version read at checkout goes back to the cart (fillCart: 41 for one line).
	var pl struct{ CartVersion *int }
	if err := json.Unmarshal(placed[0].Payload, &pl); err != nil || pl.CartVersion == nil || *pl.CartVersion != 41 {
		t.Fatalf("order.placed cartVersion: %s (%v)", placed[0].Payload, err)
	}
	var p struct {
		OrderID, OrderNumber, UserID, From, To, At string
		PaymentMethod                              map[string]any
		CouponCode                                 *string
		StoreIDs                                   []string
		Items                                      []struct {
			VariantID string
			Quantity  int
		}
	}
	if err := json.Unmarshal(changed[0].Payload, &p); err != nil {
		t.Fatal(err)
	}
	if p.OrderID != o.ID || p.OrderNumber != o.OrderNumber || p.UserID != e.rahul || p.From != "PENDING_PAYMENT" || p.To != "CONFIRMED" ||
		p.PaymentMethod["type"] != "COD" || p.CouponCode != nil || len(p.StoreIDs) != 1 || p.StoreIDs[0] != techHub ||
		len(p.Items) != 1 || p.Items[0].VariantID != cable || p.Items[0].Quantity != 1 || p.At == "" {
		t.Fatalf("order.status_changed payload = %s", changed[0].Payload)
	}
}

// The same idempotency key returns the same order and does nothing again.
func TestCheckoutReplaysTheIdempotencyKey(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 3)
	first := e.checkout("replay-key-1")
	var again checkoutOut
	e.mustDo(e.customer(e.rahul), checkoutMutation, checkoutInput("replay-key-1"), &again)
	if !again.Checkout.Replayed || again.Checkout.Order.ID != first.ID || again.Checkout.Order.OrderNumber != first.OrderNumber {
		t.Fatalf("replay = %+v, first %s", again.Checkout, first.ID)
	}
	if e.w.count("reserveStock") != 1 || e.rows(`SELECT count(*) FROM orders`) != 1 || e.rows(`SELECT count(*) FROM outbox`) != 1 {
		t.Fatalf("replay did something: reserve %d", e.w.count("reserveStock"))
	}
	// Keys are per user: Priya's identical key is her own checkout.
	e.fillCart(e.priya, "", cable, 1)
	var hers checkoutOut
	in := checkoutInput("replay-key-1")
	in["input"].(map[string]any)["addressId"] = e.w.addresses[e.priya][0].ID
	e.mustDo(e.customer(e.priya), checkoutMutation, in, &hers)
	if hers.Checkout.Replayed || hers.Checkout.Order.ID == first.ID {
		t.Fatalf("another user's key replayed: %+v", hers.Checkout)
	}
}

// Concurrent identical checkouts all get the one order: one reservation,
// one hold, one order row, one order.placed.
func TestCheckoutConcurrentDuplicatesGetOneOrder(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "WELCOME10", iphone, 1)
	const n = 8
	ids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out checkoutOut
			r := servicetest.Do(t, e.h, e.customer(e.rahul), `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } } }`,
				checkoutInput("same-key-concurrent"), &out)
			if len(r.Errors) > 0 {
				t.Errorf("checkout %d: %+v", i, r.Errors)
			}
			ids[i] = out.Checkout.Order.ID
		}()
	}
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] || id == "" {
			t.Fatalf("different orders: %v", ids)
		}
	}
	if e.rows(`SELECT count(*) FROM orders`) != 1 || len(e.outbox(ids[0], "order.placed")) != 1 {
		t.Fatal("more than one order written")
	}
	e.w.set(func(w *world) {
		if len(w.reserved) != 1 || w.reserved[ids[0]] == nil || len(w.holds) != 1 || w.holds[ids[0]] == nil {
			t.Errorf("reservations %v holds %v", w.reserved, w.holds)
		}
	})
	if e.rows(`SELECT count(*) FROM checkout_claims`) != 0 {
		t.Fatal("claim left behind")
	}
}

// Every client-caused failure is coded, and leaves nothing behind: no
// order rows, no events, no claim, no reservation, no coupon hold.
func TestCheckoutRefusesBadInputWritingNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "COD_MAX_ORDER_PAISE", "5000000", "COD_BLOCKED_PIN_PREFIXES", "19,7911")
	e.w.set(func(w *world) {
		w.addresses[e.rahul] = append(w.addresses[e.rahul], fakeAddress{ID: "01937a00-0000-7000-8000-00000000a0ff", Name: "Srinagar",
			Phone: "+919876543210", Line1: "Lal Chowk", City: "Srinagar", State: "JAMMU_AND_KASHMIR", PinCode: "190001"})
	})
	huge := strings.Repeat("x", 10<<10)
	cases := []struct {
		name                string
		cart                []any
		coupon              string
		input               map[string]any
		code, field, reason string
	}{
		{"key too short", []any{cable, 1}, "", checkoutInput("short"), "BAD_USER_INPUT", "idempotencyKey", ""},
		{"10 KB key", []any{cable, 1}, "", checkoutInput(huge), "BAD_USER_INPUT", "idempotencyKey", ""},
		{"10 KB coupon", []any{cable, 1}, "", checkoutInput("bad-input-0001", withCoupon(huge)), "BAD_USER_INPUT", "couponCode", ""},
		{"10 KB vpa", []any{cable, 1}, "", checkoutInput("bad-input-0002", func(in map[string]any) {
			in["paymentMethod"] = map[string]any{"type": "UPI", "upiVpa": huge}
		}), "BAD_USER_INPUT", "paymentMethod.upiVpa", ""},
		{"address id not an id", []any{cable, 1}, "", checkoutInput("bad-input-0003", func(in map[string]any) { in["addressId"] = huge }), "BAD_USER_INPUT", "addressId", ""},
		{"someone else's address", []any{cable, 1}, "", checkoutInput("bad-input-0004", func(in map[string]any) {
			in["addressId"] = e.w.addresses[e.priya][0].ID
		}), "NOT_FOUND", "addressId", ""},
		{"unknown address", []any{cable, 1}, "", checkoutInput("bad-input-0005", func(in map[string]any) { in["addressId"] = uuid.NewString() }), "NOT_FOUND", "addressId", ""},
		{"empty cart", nil, "", checkoutInput("bad-input-0006"), "BAD_USER_INPUT", "", "EMPTY_CART"},
		{"COD over the limit", []any{iphone, 1}, "", checkoutInput("bad-input-0007", withPayment("COD")), "BAD_USER_INPUT", "paymentMethod", "COD_LIMIT_EXCEEDED"},
		{"COD to a blocked PIN", []any{cable, 1}, "", checkoutInput("bad-input-0008", withPayment("COD"), func(in map[string]any) {
			in["addressId"] = "01937a00-0000-7000-8000-00000000a0ff"
		}), "BAD_USER_INPUT", "paymentMethod", "COD_NOT_AVAILABLE"},
		{"expired coupon given", []any{cable, 1}, "", checkoutInput("bad-input-0009", withCoupon("expired50")), "BAD_USER_INPUT", "couponCode", "EXPIRED"},
		{"unknown coupon in the cart", []any{cable, 1}, "NOSUCHCODE", checkoutInput("bad-input-0010"), "BAD_USER_INPUT", "couponCode", "NOT_FOUND"},
		{"unknown variant in the cart", []any{uuid.NewString(), 1}, "", checkoutInput("bad-input-0011"), "BAD_USER_INPUT", "variantId", ""},
		{"unknown payment type", []any{cable, 1}, "", checkoutInput("bad-input-0012", withPayment("CHEQUE")), "GRAPHQL_VALIDATION_FAILED", "", ""},
	}
	before := e.written()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.fillCart(e.rahul, c.coupon, c.cart...)
			r := e.do(e.customer(e.rahul), checkoutMutation, c.input, nil)
			errCode(t, r, c.code, c.field, c.reason)
		})
	}
	if after := e.written(); after != before {
		t.Fatalf("rows written by refused checkouts: %d → %d", before, after)
	}
	if e.w.activeReservations() != 0 || e.w.pendingHolds() != 0 {
		t.Fatalf("left behind: %d reservations, %d holds", e.w.activeReservations(), e.w.pendingHolds())
	}
	// An empty coupon code checks out without the cart's (expired) coupon.
	e.fillCart(e.rahul, "EXPIRED50", cable, 1)
	if o := e.checkout("bad-input-0013", withCoupon("")); o.CouponCode != nil || o.Status != "PENDING_PAYMENT" {
		t.Fatalf("order = %+v", o)
	}
}

func TestCheckoutNeedsAToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	errCode(t, e.do("", checkoutMutation, checkoutInput("anonymous-1"), nil), "UNAUTHENTICATED")
	errCode(t, e.do("Bearer not.a.token", checkoutMutation, checkoutInput("anonymous-2"), nil), "UNAUTHENTICATED", "", "TOKEN_INVALID")
	if e.w.count("myCart") != 0 || e.written() != 0 {
		t.Fatal("an anonymous checkout reached the cart or wrote something")
	}
}

// Out of stock ends the saga at step 3: no coupon hold, nothing written;
// the same key works once there is stock again.
func TestCheckoutOutOfStock(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "FLAT500", iphone, 1, cable, 101)
	r := e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("out-of-stock-1"), nil)
	errCode(t, r, "CONFLICT", "", "OUT_OF_STOCK")
	if !strings.Contains(r.Errors[0].Message, "USB-C-CABLE-1M") {
		t.Fatalf("message = %q", r.Errors[0].Message)
	}
	if e.w.count("holdCoupon") != 0 || e.written() != 0 || e.w.activeReservations() != 0 {
		t.Fatalf("hold calls %d, written %d", e.w.count("holdCoupon"), e.written())
	}
	e.w.set(func(w *world) { w.stock[cable] = 200 })
	if o := e.checkout("out-of-stock-1"); o.Status != "PENDING_PAYMENT" {
		t.Fatalf("retry = %+v", o)
	}
}

// A coupon used up between quote and hold: the stock reservation is released.
func TestCheckoutCouponHoldConflictReleasesStock(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.w.set(func(w *world) { w.coupons["FLAT500"] = fakeCoupon{flatPaise: 50000, holdFails: "COUPON_LIMIT_REACHED"} })
	e.fillCart(e.rahul, "FLAT500", iphone, 1)
	errCode(t, e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("hold-conflict-1"), nil), "CONFLICT", "", "COUPON_LIMIT_REACHED")
	if e.w.count("releaseStock") != 1 || e.w.activeReservations() != 0 || e.written() != 0 {
		t.Fatalf("release %d, active %d, written %d", e.w.count("releaseStock"), e.w.activeReservations(), e.written())
	}
	e.w.set(func(w *world) {
		if w.stock[iphone] != 100 {
			t.Errorf("stock not back: %d", w.stock[iphone])
		}
	})
}

// When a subgraph does not answer, the outcome is unknown: checkout undoes
// whatever may have been reserved or held, and says SERVICE_UNAVAILABLE.
func TestCheckoutCompensatesUnansweredCalls(t *testing.T) {
	t.Parallel()
	t.Run("inventory", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		e.fillCart(e.rahul, "", cable, 1)
		e.w.set(func(w *world) { w.down["reserveStock"] = true })
		errCode(t, e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("inventory-down-1"), nil), "SERVICE_UNAVAILABLE")
		if e.w.count("reserveStock") != 3 || e.w.count("releaseStock") != 1 || e.written() != 0 {
			t.Fatalf("reserve %d (with retries), release %d, written %d", e.w.count("reserveStock"), e.w.count("releaseStock"), e.written())
		}
	})
	t.Run("promotions", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		e.fillCart(e.rahul, "FLAT500", cable, 1)
		e.w.set(func(w *world) { w.down["holdCoupon"] = true })
		errCode(t, e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("promotions-down-1"), nil), "SERVICE_UNAVAILABLE")
		if e.w.count("releaseCouponHold") != 1 || e.w.count("releaseStock") != 1 || e.w.activeReservations() != 0 || e.written() != 0 {
			t.Fatalf("release hold %d, release stock %d, written %d", e.w.count("releaseCouponHold"), e.w.count("releaseStock"), e.written())
		}
	})
	t.Run("cart", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		e.w.set(func(w *world) { w.down["myCart"] = true })
		errCode(t, e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("cart-down-01"), nil), "SERVICE_UNAVAILABLE")
		if e.w.count("reserveStock") != 0 || e.written() != 0 {
			t.Fatal("went on without the cart")
		}
	})
}

// The order's own transaction failing after stock and coupon were held
// releases both.
func TestCheckoutReleasesEverythingWhenTheOrderCannotBeWritten(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.d.DB.Exec(ctx, `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'disk full'; END $$;
		CREATE TRIGGER refuse_items BEFORE INSERT ON order_items FOR EACH STATEMENT EXECUTE FUNCTION refuse();`); err != nil {
		t.Fatal(err)
	}
	e.fillCart(e.rahul, "FLAT500", iphone, 1)
	r := e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("db-fails-0001"), nil)
	errCode(t, r, "INTERNAL")
	if strings.Contains(r.Errors[0].Message, "disk") {
		t.Fatalf("internal detail leaked: %q", r.Errors[0].Message)
	}
	if e.w.activeReservations() != 0 || e.w.pendingHolds() != 0 || e.written() != 0 {
		t.Fatalf("left behind: %d reservations, %d holds, %d rows", e.w.activeReservations(), e.w.pendingHolds(), e.written())
	}
}

// A claim left by a checkout that died is taken over after it went stale,
// and what that checkout may have held is released first.
func TestCheckoutTakesOverAStaleClaim(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	dead := uuid.NewString()
	e.w.set(func(w *world) {
		w.reserved[dead] = &fakeReservation{lines: map[string]int{cable: 5}, status: "RESERVED"}
		w.stock[cable] -= 5
		w.holds[dead] = &fakeHold{code: "FLAT500", status: "PENDING"}
	})
	if _, err := e.d.DB.Exec(context.Background(), `INSERT INTO checkout_claims (user_id, idempotency_key, order_id, claimed_at)
		VALUES ($1, 'stale-claim-1', $2, now() - interval '10 minutes')`, e.rahul, dead); err != nil {
		t.Fatal(err)
	}
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("stale-claim-1")
	if o.ID == dead || o.Status != "PENDING_PAYMENT" {
		t.Fatalf("order = %+v", o)
	}
	e.w.set(func(w *world) {
		if w.reserved[dead].status != "RELEASED" || w.holds[dead].status != "RELEASED" {
			t.Errorf("dead checkout's holds kept: %+v %+v", w.reserved[dead], w.holds[dead])
		}
	})
	if len(e.outbox(dead, "order.checkout_abandoned")) != 1 {
		t.Fatal("the takeover did not publish order.checkout_abandoned for the dead checkout")
	}
}

// A checkout whose process died leaves its claim: orders' clock declares it
// abandoned once its heartbeat is 2 × the staleness old, and publishes
// order.checkout_abandoned (inventory and promotions release what it held).
// A claim with a recent heartbeat stays.
func TestClockAbandonsDeadCheckouts(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	dead, alive := uuid.NewString(), uuid.NewString()
	if _, err := e.d.DB.Exec(context.Background(), `INSERT INTO checkout_claims (user_id, idempotency_key, order_id, claimed_at)
		VALUES ($1, 'dead-claim-1', $2, now() - interval '21 seconds'), ($1, 'live-claim-1', $3, now() - interval '5 seconds')`,
		e.rahul, dead, alive); err != nil {
		t.Fatal(err)
	}
	n, err := e.parts.App.AbandonDeadCheckouts(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("abandoned %d: %v", n, err)
	}
	evs := e.outbox(dead, "order.checkout_abandoned")
	if len(evs) != 1 || e.rows(`SELECT count(*) FROM checkout_claims WHERE order_id = $1`, alive) != 1 ||
		e.rows(`SELECT count(*) FROM checkout_claims`) != 1 {
		t.Fatalf("abandoned events %d, claims %d", len(evs), e.rows(`SELECT count(*) FROM checkout_claims`))
	}
	if n, _ := e.parts.App.AbandonDeadCheckouts(context.Background()); n != 0 {
		t.Fatal("abandoned twice")
	}
}

// A live checkout keeps its claim fresh: a retry while it runs longer than
// the staleness gets CONFLICT CHECKOUT_IN_PROGRESS within its short wait,
// never a takeover; the first call then places the one order.
func TestCheckoutHeartbeatKeepsASlowCheckoutAlive(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "CHECKOUT_CLAIM_STALE_AFTER", "2s", "CHECKOUT_DUPLICATE_WAIT", "300ms")
	e.fillCart(e.rahul, "", cable, 1)
	// Under the subgraph client's 3 s timeout, over the 2 s staleness.
	e.w.set(func(w *world) { w.delay["quote"] = 2800 * time.Millisecond })
	first := make(chan checkoutOut, 1)
	go func() {
		var out checkoutOut
		if r := e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("slow-checkout-1"), &out); len(r.Errors) > 0 {
			t.Errorf("first checkout: %+v", r.Errors)
		}
		first <- out
	}()
	time.Sleep(2300 * time.Millisecond)
	start := time.Now()
	errCode(t, e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("slow-checkout-1"), nil), "CONFLICT", "", "CHECKOUT_IN_PROGRESS")
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("the retry waited %s", d)
	}
	o := <-first
	if o.Checkout.Order.Status != "PENDING_PAYMENT" || e.rows(`SELECT count(*) FROM orders`) != 1 || e.w.count("reserveStock") != 1 {
		t.Fatalf("first checkout: %+v, %d orders", o, e.rows(`SELECT count(*) FROM orders`))
	}
}

// A checkout that stalled past the staleness (its process paused) and was
// taken over must not place its order when it resumes: it releases what it
// reserved and answers CHECKOUT_IN_PROGRESS.
func TestStalledCheckoutLosesItsClaim(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "CHECKOUT_CLAIM_STALE_AFTER", "2s")
	e.fillCart(e.rahul, "FLAT500", cable, 1)
	e.w.set(func(w *world) { w.delay["holdCoupon"] = time.Second })
	done := make(chan servicetest.Response, 1)
	go func() { done <- e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("stalled-1"), nil) }()
	require.Eventually(t, func() bool { return e.w.count("reserveStock") == 1 }, 5*time.Second, 10*time.Millisecond)
	if _, err := e.d.DB.Exec(context.Background(), `UPDATE checkout_claims SET order_id = $1`, uuid.NewString()); err != nil {
		t.Fatal(err)
	}
	errCode(t, <-done, "CONFLICT", "", "CHECKOUT_IN_PROGRESS")
	if e.rows(`SELECT count(*) FROM orders`) != 0 || e.w.activeReservations() != 0 || e.w.pendingHolds() != 0 {
		t.Fatalf("left behind: %d orders, %d reservations, %d holds", e.rows(`SELECT count(*) FROM orders`),
			e.w.activeReservations(), e.w.pendingHolds())
	}
}

// A checkout still in progress makes a duplicate wait, then give up with CONFLICT.
func TestCheckoutDuplicateGivesUpWhileInProgress(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "CHECKOUT_DUPLICATE_WAIT", "300ms")
	if _, err := e.d.DB.Exec(context.Background(), `INSERT INTO checkout_claims (user_id, idempotency_key, order_id)
		VALUES ($1, 'in-progress-1', $2)`, e.rahul, uuid.NewString()); err != nil {
		t.Fatal(err)
	}
	e.fillCart(e.rahul, "", cable, 1)
	errCode(t, e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("in-progress-1"), nil), "CONFLICT", "", "CHECKOUT_IN_PROGRESS")
	if e.w.count("myCart") != 0 {
		t.Fatal("a duplicate ran the saga")
	}
}

func TestCheckoutIsRateLimited(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "CHECKOUT_RATE_PER_MINUTE", "2")
	e.fillCart(e.rahul, "", cable, 1)
	for i := range 2 {
		e.checkout(fmt.Sprintf("rate-limit-%d", i))
	}
	errCode(t, e.do(e.customer(e.rahul), checkoutMutation, checkoutInput("rate-limit-3"), nil), "RATE_LIMITED")
	// A replay is not a new checkout: it is never limited.
	var again checkoutOut
	e.mustDo(e.customer(e.rahul), checkoutMutation, checkoutInput("rate-limit-0"), &again)
	if !again.Checkout.Replayed {
		t.Fatal("replay not replayed")
	}
}
