package cart

import (
	"errors"
	"maps"
	"slices"
	"testing"
)

func version(v int) *int { return &v }

// checkedOut is the checkout of a cart read at version v.
func checkedOut(t *testing.T, v *int, coupon string, items ...Ordered) Checkout {
	t.Helper()
	co, err := NewCheckout("o", "u", v, coupon, items)
	if err != nil {
		t.Fatal(err)
	}
	return co
}

func quantities(c *Cart) map[string]int {
	out := map[string]int{}
	for _, l := range c.Lines {
		out[l.VariantID] = l.Quantity
	}
	return out
}

// The cart was read at version 4 by the checkout; lines created by later
// changes (5, 6) were not in the order.
func TestRemoveCheckedOut(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		lines   []Line
		ordered []Ordered
		want    map[string]int
	}{
		{"a line checked out whole disappears",
			[]Line{{ID: "l1", VariantID: "v1", Quantity: 2, CreatedVersion: 3}},
			[]Ordered{{"v1", 2}}, map[string]int{}},
		{"units added to a line after checkout stay",
			[]Line{{ID: "l1", VariantID: "v1", Quantity: 5, CreatedVersion: 3}},
			[]Ordered{{"v1", 2}}, map[string]int{"v1": 3}},
		{"a line lowered after checkout is deleted at zero or below",
			[]Line{{ID: "l1", VariantID: "v1", Quantity: 1, CreatedVersion: 3}},
			[]Ordered{{"v1", 2}}, map[string]int{}},
		{"a line re-added after checkout stays whole",
			[]Line{{ID: "l2", VariantID: "v1", Quantity: 1, CreatedVersion: 5}},
			[]Ordered{{"v1", 1}}, map[string]int{"v1": 1}},
		{"a line created at exactly the checkout's version was seen",
			[]Line{{ID: "l1", VariantID: "v1", Quantity: 1, CreatedVersion: 4}},
			[]Ordered{{"v1", 1}}, map[string]int{}},
		{"lines of other variants are untouched; missing lines are skipped",
			[]Line{{ID: "l1", VariantID: "v1", Quantity: 2, CreatedVersion: 1}, {ID: "l3", VariantID: "v3", Quantity: 4, CreatedVersion: 6}},
			[]Ordered{{"v1", 1}, {"v9", 3}}, map[string]int{"v1": 1, "v3": 4}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := Load("c", "u", "", 6, slices.Clone(tc.lines), now, now)
			c.RemoveCheckedOut(checkedOut(t, version(4), "", tc.ordered...), now)
			if got := quantities(c); !maps.Equal(got, tc.want) {
				t.Fatalf("lines = %v, want %v", got, tc.want)
			}
		})
	}
}

// Without a known version (an order placed before carts had versions) every
// line counts as checked out: the old behaviour.
func TestRemoveCheckedOut_unknownVersionSeesEveryLine(t *testing.T) {
	t.Parallel()
	c := Load("c", "u", "", 9, []Line{{ID: "l2", VariantID: "v1", Quantity: 3, CreatedVersion: 9}}, now, now)
	c.RemoveCheckedOut(checkedOut(t, nil, "", Ordered{"v1", 1}), now)
	if got := quantities(c); got["v1"] != 2 {
		t.Fatalf("lines = %v", got)
	}
}

func TestRemoveCheckedOut_coupon(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		cart, order string
		kept        bool
	}{{"FLAT500", "FLAT500", false}, {"FLAT500", "flat500", false}, {"FLAT500", "", true}, {"AUDIO15", "FLAT500", true}, {"", "FLAT500", false}} {
		c := Load("c", "u", tc.cart, 1, []Line{{ID: "l1", VariantID: "v1", Quantity: 1}}, now, now)
		c.RemoveCheckedOut(checkedOut(t, version(1), tc.order, Ordered{"v1", 1}), now)
		if kept := c.CouponCode != ""; kept != tc.kept || (kept && c.CouponCode != tc.cart) {
			t.Errorf("cart %q, order %q: coupon after = %q, want kept %v", tc.cart, tc.order, c.CouponCode, tc.kept)
		}
	}
}

// A new line records the version its save gives the cart, one above the loaded one.
func TestAddRecordsTheCreatingVersion(t *testing.T) {
	t.Parallel()
	c := Load("c", "u", "", 7, []Line{{ID: "l1", VariantID: "v1", Quantity: 1, CreatedVersion: 2}}, now, now)
	if err := c.Add(DefaultRules(), RoleCustomer, "l2", active("v2", nil), 1, now); err != nil {
		t.Fatal(err)
	}
	if err := c.Add(DefaultRules(), RoleCustomer, "x", active("v1", nil), 1, now); err != nil {
		t.Fatal(err)
	}
	l1, _ := c.Line("l1")
	l2, _ := c.Line("l2")
	if l1.CreatedVersion != 2 || l2.CreatedVersion != 8 || c.NextVersion() != 8 {
		t.Fatalf("l1 %+v, l2 %+v, next %d", l1, l2, c.NextVersion())
	}
}

func TestCheckoutConfirmsOnceAndCancelledStaysAlone(t *testing.T) {
	t.Parallel()
	co := checkedOut(t, version(1), "", Ordered{"v1", 1})
	if !co.Confirm() || co.State != CheckoutApplied {
		t.Fatalf("first confirmation: %+v", co)
	}
	if co.Confirm() {
		t.Fatal("a second confirmation applies again")
	}
	co.Cancel()
	if co.State != CheckoutApplied {
		t.Fatalf("cancel after apply: %s", co.State)
	}
	cancelled := checkedOut(t, version(1), "", Ordered{"v1", 1})
	cancelled.Cancel()
	if cancelled.Confirm() || cancelled.State != CheckoutCancelled {
		t.Fatalf("confirm after cancel: %+v", cancelled)
	}
}

func TestNewCheckout(t *testing.T) {
	t.Parallel()
	co := checkedOut(t, version(0), "", Ordered{"v1", 1}, Ordered{"v2", 2}, Ordered{"v1", 3})
	if !slices.Equal(co.Items, []Ordered{{"v1", 4}, {"v2", 2}}) || co.CartVersion != 0 || co.State != CheckoutOpen {
		t.Fatalf("checkout = %+v", co)
	}
	if co := checkedOut(t, nil, ""); co.CartVersion != SawEveryLine {
		t.Fatalf("no version: %d", co.CartVersion)
	}
	for _, bad := range []struct {
		v     *int
		items []Ordered
	}{{version(-1), nil}, {version(1), []Ordered{{"v1", 0}}}, {version(1), []Ordered{{"", 1}}}} {
		if _, err := NewCheckout("o", "u", bad.v, "", bad.items); !errors.Is(err, ErrBadCheckout) {
			t.Errorf("%v %v: err = %v", bad.v, bad.items, err)
		}
	}
}
