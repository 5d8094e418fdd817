package cart

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// wantErr fails unless err is an *errs.Error with code, field and reason
// ("" for code means no error expected).
func wantErr(t *testing.T, err error, code errs.Code, field, reason string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		return
	}
	var e *errs.Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v, want %s", err, code)
	}
	if e.Code != code || e.Field != field || e.Reason != reason {
		t.Fatalf("error = %+v, want code %s field %q reason %q", e, code, field, reason)
	}
}

func moq(n int) *int { return &n }

func active(id string, minOrder *int) Variant {
	return Variant{ID: id, Found: true, SKU: "SKU-" + id, ProductStatus: "ACTIVE", MinOrderQuantity: minOrder}
}

func TestCheckLine(t *testing.T) {
	t.Parallel()
	rules := DefaultRules()
	three := rules
	three.MaxShopperLine = 3
	cases := []struct {
		name     string
		rules    Rules
		role     Role
		moq      *int
		quantity int
		reason   string // "" means allowed
	}{
		{"customer one", rules, RoleCustomer, nil, 1, ""},
		{"customer at the limit", rules, RoleCustomer, nil, 10, ""},
		{"customer above the limit", rules, RoleCustomer, nil, 11, ReasonAboveLimit},
		{"customer zero", rules, RoleCustomer, nil, 0, ReasonNotPositive},
		{"customer negative", rules, RoleCustomer, nil, -5, ReasonNotPositive},
		{"customer huge", rules, RoleCustomer, nil, 1 << 31, ReasonAboveLimit},
		{"customer ignores a MOQ", rules, RoleCustomer, moq(50), 1, ""},
		{"owner shops like a customer", rules, RoleOwner, moq(50), 11, ReasonAboveLimit},
		{"configured shopper limit", three, RoleCustomer, nil, 4, ReasonAboveLimit},
		{"retailer below MOQ", rules, RoleRetailer, moq(50), 49, ReasonBelowMOQ},
		{"retailer at MOQ", rules, RoleRetailer, moq(50), 50, ""},
		{"retailer bulk", rules, RoleRetailer, moq(50), 100, ""},
		{"retailer at the limit", rules, RoleRetailer, moq(50), 10_000, ""},
		{"retailer above the limit", rules, RoleRetailer, moq(50), 10_001, ReasonAboveLimit},
		{"retailer without a MOQ buys one", rules, RoleRetailer, nil, 1, ""},
		{"retailer zero", rules, RoleRetailer, moq(5), 0, ReasonNotPositive},
		{"retailer MOQ not capped by the shopper limit", three, RoleRetailer, moq(20), 20, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			err := c.rules.CheckLine(c.role, active("v1", c.moq), c.quantity)
			if c.reason == "" {
				wantErr(t, err, "", "", "")
				return
			}
			wantErr(t, err, errs.BadUserInput, "quantity", c.reason)
		})
	}
}

func TestVariantPurchasable(t *testing.T) {
	t.Parallel()
	wantErr(t, Variant{ID: "v"}.CheckPurchasable("variantId"), errs.BadUserInput, "variantId", ReasonUnavailable)
	for _, status := range []string{"DRAFT", "ARCHIVED", ""} {
		v := Variant{ID: "v", Found: true, ProductStatus: status}
		wantErr(t, v.CheckPurchasable("variantId"), errs.BadUserInput, "variantId", ReasonUnavailable)
	}
	wantErr(t, active("v", nil).CheckPurchasable("variantId"), "", "", "")
}

var now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func TestAddMergesIntoTheVariantsLine(t *testing.T) {
	t.Parallel()
	c := Load("c", "u", "", 0, nil, now, now)
	rules := DefaultRules()
	wantErr(t, c.Add(rules, RoleCustomer, "l1", active("v1", nil), 4, now), "", "", "")
	wantErr(t, c.Add(rules, RoleCustomer, "l2", active("v1", nil), 6, now), "", "", "")
	if len(c.Lines) != 1 || c.Lines[0].ID != "l1" || c.Lines[0].Quantity != 10 {
		t.Fatalf("lines = %+v, want one line l1 of 10", c.Lines)
	}
	// 10 + 1 is above the limit: refused, and the line is unchanged.
	wantErr(t, c.Add(rules, RoleCustomer, "l3", active("v1", nil), 1, now), errs.BadUserInput, "quantity", ReasonAboveLimit)
	if c.Lines[0].Quantity != 10 || c.ItemCount() != 10 {
		t.Fatalf("line after a refused add = %+v", c.Lines)
	}
}

func TestAddRefusals(t *testing.T) {
	t.Parallel()
	rules := DefaultRules()
	c := Load("c", "u", "", 0, nil, now, now)
	wantErr(t, c.Add(rules, RoleCustomer, "l", Variant{ID: "gone"}, 1, now), errs.BadUserInput, "variantId", ReasonUnavailable)
	wantErr(t, c.Add(rules, RoleCustomer, "l", Variant{ID: "d", Found: true, ProductStatus: "DRAFT"}, 1, now), errs.BadUserInput, "variantId", ReasonUnavailable)
	wantErr(t, c.Add(rules, RoleRetailer, "l", active("bulk", moq(50)), 10, now), errs.BadUserInput, "quantity", ReasonBelowMOQ)
	wantErr(t, c.Add(rules, RoleCustomer, "l", active("v", nil), 0, now), errs.BadUserInput, "quantity", ReasonNotPositive)
	if len(c.Lines) != 0 {
		t.Fatalf("refused adds left lines: %+v", c.Lines)
	}
	// A retailer's second add counts towards the MOQ with the first.
	wantErr(t, c.Add(rules, RoleRetailer, "l", active("bulk", moq(50)), 50, now), "", "", "")
	wantErr(t, c.Add(rules, RoleRetailer, "l2", active("bulk", moq(50)), 1, now), "", "", "")
	if c.Lines[0].Quantity != 51 {
		t.Fatalf("retailer line = %+v", c.Lines[0])
	}
}

func TestAddStopsAtFiftyLines(t *testing.T) {
	t.Parallel()
	rules := DefaultRules()
	c := Load("c", "u", "", 0, nil, now, now)
	for i := range 50 {
		id := fmt.Sprint("v", i)
		wantErr(t, c.Add(rules, RoleCustomer, "l"+id, active(id, nil), 1, now), "", "", "")
	}
	wantErr(t, c.Add(rules, RoleCustomer, "l50", active("v50", nil), 1, now), errs.Conflict, "", "CART_LINE_LIMIT_REACHED")
	// An existing line still grows.
	wantErr(t, c.Add(rules, RoleCustomer, "x", active("v7", nil), 2, now), "", "", "")
	if len(c.Lines) != 50 || c.ItemCount() != 52 {
		t.Fatalf("lines %d, units %d", len(c.Lines), c.ItemCount())
	}
}

func TestSetQuantity(t *testing.T) {
	t.Parallel()
	rules := DefaultRules()
	load := func() *Cart {
		return Load("c", "u", "", 0, []Line{{ID: "l1", VariantID: "v1", Quantity: 5}, {ID: "l2", VariantID: "bulk", Quantity: 60}}, now, now)
	}
	c := load()
	wantErr(t, c.SetQuantity(rules, RoleCustomer, "l1", active("v1", nil), 8, now), "", "", "")
	if l, _ := c.Line("l1"); l.Quantity != 8 {
		t.Fatalf("l1 = %+v", l)
	}
	wantErr(t, c.SetQuantity(rules, RoleCustomer, "l1", Variant{}, 0, now), "", "", "")
	if _, ok := c.Line("l1"); ok || len(c.Lines) != 1 {
		t.Fatalf("0 did not remove l1: %+v", c.Lines)
	}
	wantErr(t, c.SetQuantity(rules, RoleCustomer, "nope", active("v1", nil), 1, now), errs.NotFound, "", "")

	c = load()
	// Raising the quantity of something no longer for sale is refused; lowering it is not.
	archived := Variant{ID: "v1", Found: true, ProductStatus: "ARCHIVED"}
	wantErr(t, c.SetQuantity(rules, RoleCustomer, "l1", archived, 6, now), errs.BadUserInput, "itemId", ReasonUnavailable)
	wantErr(t, c.SetQuantity(rules, RoleCustomer, "l1", archived, 2, now), "", "", "")
	wantErr(t, c.SetQuantity(rules, RoleCustomer, "l1", active("v1", nil), 11, now), errs.BadUserInput, "quantity", ReasonAboveLimit)
	// A retailer cannot go below the MOQ.
	wantErr(t, c.SetQuantity(rules, RoleRetailer, "l2", active("bulk", moq(50)), 49, now), errs.BadUserInput, "quantity", ReasonBelowMOQ)
	wantErr(t, c.SetQuantity(rules, RoleRetailer, "l2", active("bulk", moq(50)), 50, now), "", "", "")
}

func TestRemoveClearAndCoupon(t *testing.T) {
	t.Parallel()
	c := Load("c", "u", "", 0, []Line{{ID: "l1", VariantID: "v1", Quantity: 1}, {ID: "l2", VariantID: "v2", Quantity: 2}}, now, now)
	wantErr(t, c.Remove("zz"), errs.NotFound, "", "")
	wantErr(t, c.Remove("l1"), "", "", "")
	wantErr(t, c.SetCoupon("WELCOME10"), "", "", "")
	c.Clear()
	if len(c.Lines) != 0 || c.CouponCode != "" {
		t.Fatalf("after clear: %+v", c)
	}
	wantErr(t, c.SetCoupon("WELCOME10"), errs.Conflict, "", "CART_EMPTY")
}

func TestChangesOnlyListWhatChanged(t *testing.T) {
	t.Parallel()
	c := Load("c", "u", "", 0, []Line{{ID: "l1", VariantID: "v1", Quantity: 1}}, now, now)
	if c.Changed() {
		t.Fatal("a freshly loaded cart has changes")
	}
	c.RemoveCoupon()
	if c.Changed() {
		t.Fatal("removing no coupon is a change")
	}
	_ = c.Add(DefaultRules(), RoleCustomer, "l2", active("v2", nil), 1, now)
	up, del, coupon := c.Changes()
	if len(up) != 1 || up[0].ID != "l2" || len(del) != 0 || coupon {
		t.Fatalf("changes = %+v %v %v", up, del, coupon)
	}
}

func TestWishlist(t *testing.T) {
	t.Parallel()
	rules := DefaultRules()
	rules.MaxWishlist = 2
	w := LoadWishlist("w", "u", []SavedItem{{ID: "i1", VariantID: "v1"}}, now, now)
	wantErr(t, w.Save(rules, "i2", active("v1", nil), now), "", "", "") // already saved: nothing changes
	if added, _ := w.Changes(); len(added) != 0 || len(w.Items) != 1 {
		t.Fatalf("saving twice added %+v", w.Items)
	}
	wantErr(t, w.Save(rules, "i2", Variant{ID: "gone"}, now), errs.BadUserInput, "variantId", ReasonUnavailable)
	wantErr(t, w.Save(rules, "i2", active("v2", nil), now), "", "", "")
	wantErr(t, w.Save(rules, "i3", active("v3", nil), now), errs.Conflict, "", "WISHLIST_LIMIT_REACHED")
	wantErr(t, w.Remove("v9"), errs.NotFound, "", "")
	wantErr(t, w.Remove("v1"), "", "", "")
	added, deleted := w.Changes()
	if len(added) != 1 || added[0].ID != "i2" || len(deleted) != 1 || deleted[0] != "i1" {
		t.Fatalf("changes = %+v %v", added, deleted)
	}
}
