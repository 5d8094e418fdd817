package server_test

import (
	"testing"
)

const pricingFields = `lines { variantId quantity unitPrice { paise formatted currency } lineSubtotal { paise } discount { paise } gst { paise } lineTotal { paise } }
	subtotal { paise } automaticDiscount { paise } couponDiscount { paise }
	couponRejection { code reason message }
	gst { cgst { paise } sgst { paise } igst { paise } total { paise } }
	shipping { paise } total { paise formatted } shippingAddressId`

type money struct {
	Paise     int64  `json:"paise"`
	Formatted string `json:"formatted"`
	Currency  string `json:"currency"`
}

type pricingView struct {
	Lines []struct {
		VariantID    string `json:"variantId"`
		Quantity     int    `json:"quantity"`
		UnitPrice    money  `json:"unitPrice"`
		LineSubtotal money  `json:"lineSubtotal"`
		Discount     money  `json:"discount"`
		GST          money  `json:"gst"`
		LineTotal    money  `json:"lineTotal"`
	} `json:"lines"`
	Subtotal          money `json:"subtotal"`
	AutomaticDiscount money `json:"automaticDiscount"`
	CouponDiscount    money `json:"couponDiscount"`
	CouponRejection   *struct {
		Code    string `json:"code"`
		Reason  string `json:"reason"`
		Message string `json:"message"`
	} `json:"couponRejection"`
	GST struct {
		CGST  money `json:"cgst"`
		SGST  money `json:"sgst"`
		IGST  money `json:"igst"`
		Total money `json:"total"`
	} `json:"gst"`
	Shipping          money   `json:"shipping"`
	Total             money   `json:"total"`
	ShippingAddressID *string `json:"shippingAddressId"`
}

func (e *env) pricing(s shopper, addressID any) pricingView {
	e.t.Helper()
	var out struct {
		MyCart struct {
			Pricing pricingView `json:"pricing"`
		}
	}
	e.must(s, `query($a: ID) { myCart { pricing(shippingAddressId: $a) { `+pricingFields+` } } }`, map[string]any{"a": addressID}, &out)
	return out.MyCart.Pricing
}

// quoteInput is what the fake promotions subgraph was last asked to price.
func (e *env) quoteInput() map[string]any {
	e.t.Helper()
	in, _ := e.promotions.last(e.t).Vars["input"].(map[string]any)
	return in
}

const (
	mumbaiHome = "01937a00-0000-7000-8001-000000000001" // Maharashtra, default
	bengaluru  = "01937a00-0000-7000-8001-000000000002" // Karnataka
)

func TestPricingQuotesTheCartForTheShippingState(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.setAddresses(rahul.id, mumbaiHome, "MAHARASHTRA", bengaluru, "KARNATAKA")
	e.add(rahul, phoneID, 1)
	e.add(rahul, cableID, 2)

	// Default address (Maharashtra): the phone ships from Karnataka (IGST),
	// the cables from Maharashtra (CGST + SGST).
	p := e.pricing(rahul, nil)
	in := e.quoteInput()
	if in["shippingState"] != "MAHARASHTRA" || in["couponCode"] != nil {
		t.Fatalf("quote input = %v", in)
	}
	if lines := in["lines"].([]any); len(lines) != 2 || lines[0].(map[string]any)["variantId"] != phoneID || lines[1].(map[string]any)["quantity"] != float64(2) {
		t.Fatalf("quote lines = %v", lines)
	}
	if len(p.Lines) != 2 || p.Lines[0].VariantID != phoneID || p.Lines[0].UnitPrice.Paise != 1_500_000 ||
		p.Lines[0].UnitPrice.Formatted != "₹15,000.00" || p.Lines[0].UnitPrice.Currency != "INR" ||
		p.Lines[1].Quantity != 2 || p.Lines[1].LineSubtotal.Paise != 59_800 {
		t.Fatalf("lines = %+v", p.Lines)
	}
	// GST included: round(1,500,000 × 18/118) = 228,814; round(59,800 × 18/118) = 9,122.
	if p.Subtotal.Paise != 1_559_800 || p.GST.IGST.Paise != 228_814 || p.GST.CGST.Paise != 4_561 || p.GST.SGST.Paise != 4_561 ||
		p.GST.Total.Paise != 237_936 || p.Shipping.Paise != 0 || p.Total.Paise != 1_559_800 || p.Total.Formatted != "₹15,598.00" {
		t.Fatalf("pricing = %+v", p)
	}
	if p.ShippingAddressID == nil || *p.ShippingAddressID != mumbaiHome {
		t.Fatalf("shippingAddressId = %v", p.ShippingAddressID)
	}
	// The shopper's own token went to users and promotions.
	if id := e.users.last(t).Identity; id == nil || id.Subject != rahul.id {
		t.Fatal("users did not get the shopper's token")
	}

	// A given address (Karnataka) turns the phone's GST into CGST + SGST.
	p = e.pricing(rahul, bengaluru)
	if e.quoteInput()["shippingState"] != "KARNATAKA" || p.GST.IGST.Paise != 9_122 || p.GST.CGST.Paise != 114_407 || p.GST.SGST.Paise != 114_407 {
		t.Fatalf("pricing for Karnataka = %+v", p.GST)
	}
}

func TestPricingWithoutAddressIsIGST(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.add(rahul, cableID, 1)
	p := e.pricing(rahul, nil)
	if _, given := e.quoteInput()["shippingState"].(string); given {
		t.Fatalf("shippingState sent without an address: %v", e.quoteInput())
	}
	// ₹299 is below ₹499: shipping ₹49 is added.
	if p.GST.IGST.Paise != 4_561 || p.GST.CGST.Paise != 0 || p.Shipping.Paise != 4_900 || p.Total.Paise != 34_800 || p.ShippingAddressID != nil {
		t.Fatalf("pricing = %+v", p)
	}
}

func TestPricingIsComputedOnlyWhenAsked(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.setAddresses(rahul.id, mumbaiHome, "MAHARASHTRA")
	// An empty cart costs nothing and asks nobody.
	if p := e.pricing(rahul, nil); p.Total.Paise != 0 || len(p.Lines) != 0 || p.Shipping.Paise != 0 {
		t.Fatalf("empty cart pricing = %+v", p)
	}
	e.add(rahul, phoneID, 1)
	e.myCart(rahul)
	if e.promotions.calls.Load() != 0 || e.users.calls.Load() != 0 {
		t.Fatalf("priced without pricing selected: promotions %d, users %d", e.promotions.calls.Load(), e.users.calls.Load())
	}
	// A mutation that selects pricing prices the cart as changed.
	var out struct {
		AddToCart struct {
			Pricing pricingView `json:"pricing"`
		}
	}
	e.must(rahul, `mutation { addToCart(variantId: "`+cableID+`", quantity: 1) { pricing { `+pricingFields+` } } }`, nil, &out)
	if len(out.AddToCart.Pricing.Lines) != 2 || e.promotions.calls.Load() != 1 {
		t.Fatalf("mutation pricing = %+v", out.AddToCart.Pricing)
	}
}

func TestRetailerPricing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	amit := e.retailer()
	e.add(amit, earbudsID, 100)
	p := e.pricing(amit, nil)
	// Retailer price ₹999 × 100, bulk rule 10 %.
	if p.Lines[0].UnitPrice.Paise != 99_900 || p.Subtotal.Paise != 9_990_000 || p.AutomaticDiscount.Paise != 999_000 || p.Total.Paise != 8_991_000 {
		t.Fatalf("retailer pricing = %+v", p)
	}
}

func TestApplyCoupon(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	wantErr(t, e.do(rahul, couponMutation, map[string]any{"c": "WELCOME10"}, nil), "CONFLICT", "", "CART_EMPTY")

	e.add(rahul, cableID, 1) // ₹299: below WELCOME10's minimum
	before := e.snapshot()
	resp := e.do(rahul, couponMutation, map[string]any{"c": "welcome10"}, nil)
	wantErr(t, resp, "BAD_USER_INPUT", "code", "BELOW_MINIMUM")
	if resp.Errors[0].Message != "WELCOME10 needs an order of at least ₹1,000.00" {
		t.Fatalf("message = %q", resp.Errors[0].Message)
	}
	wantErr(t, e.do(rahul, couponMutation, map[string]any{"c": "EXPIRED50"}, nil), "BAD_USER_INPUT", "code", "EXPIRED")
	wantErr(t, e.do(rahul, couponMutation, map[string]any{"c": "SOLDOUT"}, nil), "CONFLICT", "", "LIMIT_REACHED")
	wantErr(t, e.do(rahul, couponMutation, map[string]any{"c": "ONCEONLY"}, nil), "CONFLICT", "", "USER_LIMIT_REACHED")
	if e.snapshot() != before {
		t.Fatal("a refused coupon was stored")
	}

	e.add(rahul, phoneID, 1)
	var out struct{ ApplyCoupon cartView }
	e.must(rahul, couponMutation, map[string]any{"c": " welcome10 "}, &out)
	if out.ApplyCoupon.CouponCode == nil || *out.ApplyCoupon.CouponCode != "WELCOME10" {
		t.Fatalf("couponCode = %v", out.ApplyCoupon.CouponCode)
	}
	if in := e.quoteInput(); in["couponCode"] != "WELCOME10" || len(in["lines"].([]any)) != 2 {
		t.Fatalf("the coupon was checked with %v", in)
	}
	// Pricing applies it: 10 % of ₹15,299, capped at ₹1,000.
	p := e.pricing(rahul, nil)
	if e.quoteInput()["couponCode"] != "WELCOME10" || p.CouponDiscount.Paise != 100_000 || p.Total.Paise != 1_429_900 || p.CouponRejection != nil {
		t.Fatalf("pricing with the coupon = %+v", p)
	}
	var removed struct{ RemoveCoupon cartView }
	e.must(rahul, uncouponMut, nil, &removed)
	if removed.RemoveCoupon.CouponCode != nil {
		t.Fatal("removeCoupon kept the coupon")
	}
	e.must(rahul, uncouponMut, nil, &removed) // nothing to remove: still fine
}

// A coupon that stops applying (the cart shrank below its minimum) stays
// on the cart and is reported by pricing, not silently dropped.
func TestPricingReportsACouponThatNoLongerApplies(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	phone := e.add(rahul, phoneID, 1).Items[0]
	e.add(rahul, cableID, 1)
	e.must(rahul, couponMutation, map[string]any{"c": "FLAT500"}, nil)
	e.must(rahul, removeMutation, map[string]any{"i": phone.ID}, nil)
	p := e.pricing(rahul, nil)
	if p.CouponRejection == nil || p.CouponRejection.Reason != "BELOW_MINIMUM" || p.CouponRejection.Code != "FLAT500" || p.CouponDiscount.Paise != 0 {
		t.Fatalf("pricing = %+v", p)
	}
	if c := e.myCart(rahul); c.CouponCode == nil || *c.CouponCode != "FLAT500" {
		t.Fatalf("coupon dropped: %+v", c)
	}
}

// When promotions is down, pricing fails with SERVICE_UNAVAILABLE and the
// cart itself still reads.
func TestPricingWhenPromotionsIsDown(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "PROMOTIONS_SUBGRAPH_URL", "http://127.0.0.1:1/graphql")
	rahul := e.customer()
	e.add(rahul, cableID, 1)
	resp := e.do(rahul, `query { myCart { pricing { total { paise } } } }`, nil, nil)
	wantErr(t, resp, "SERVICE_UNAVAILABLE", "", "")
	if c := e.myCart(rahul); c.ItemCount != 1 {
		t.Fatalf("cart = %+v", c)
	}
}
