package server_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

const cartFields = `id itemCount couponCode updatedAt version items { id quantity addedAt variant { id } }`

type cartItem struct {
	ID       string `json:"id"`
	Quantity int    `json:"quantity"`
	Variant  struct {
		ID string `json:"id"`
	} `json:"variant"`
}

type cartView struct {
	ID         string     `json:"id"`
	ItemCount  int        `json:"itemCount"`
	CouponCode *string    `json:"couponCode"`
	Version    int        `json:"version"`
	Items      []cartItem `json:"items"`
}

const (
	myCartQuery    = `query { myCart { ` + cartFields + ` } }`
	addMutation    = `mutation($v: ID!, $q: Int!) { addToCart(variantId: $v, quantity: $q) { ` + cartFields + ` } }`
	updateMutation = `mutation($i: ID!, $q: Int!) { updateCartItem(itemId: $i, quantity: $q) { ` + cartFields + ` } }`
	removeMutation = `mutation($i: ID!) { removeCartItem(itemId: $i) { ` + cartFields + ` } }`
	clearMutation  = `mutation { clearCart { ` + cartFields + ` } }`
	couponMutation = `mutation($c: String!) { applyCoupon(code: $c) { ` + cartFields + ` } }`
	uncouponMut    = `mutation { removeCoupon { ` + cartFields + ` } }`
)

func (e *env) myCart(s shopper) cartView {
	e.t.Helper()
	var out struct{ MyCart cartView }
	e.must(s, myCartQuery, nil, &out)
	return out.MyCart
}

func (e *env) add(s shopper, variantID string, qty int) cartView {
	e.t.Helper()
	var out struct{ AddToCart cartView }
	e.must(s, addMutation, map[string]any{"v": variantID, "q": qty}, &out)
	return out.AddToCart
}

// line returns the quantity of variantID in c (0 when absent).
func (c cartView) line(variantID string) (cartItem, bool) {
	for _, it := range c.Items {
		if it.Variant.ID == variantID {
			return it, true
		}
	}
	return cartItem{}, false
}

func TestMyCartIsCreatedOnFirstUse(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	first := e.myCart(rahul)
	if first.ID == "" || len(first.Items) != 0 || first.ItemCount != 0 || first.CouponCode != nil {
		t.Fatalf("new cart = %+v", first)
	}
	if again := e.myCart(rahul); again.ID != first.ID {
		t.Fatalf("second myCart is another cart: %s vs %s", again.ID, first.ID)
	}
	var w struct {
		MyWishlist struct {
			ID        string `json:"id"`
			ItemCount int    `json:"itemCount"`
		}
	}
	e.must(rahul, `query { myWishlist { id itemCount items { id } } }`, nil, &w)
	if w.MyWishlist.ID == "" || w.MyWishlist.ItemCount != 0 {
		t.Fatalf("new wishlist = %+v", w.MyWishlist)
	}
	if n := e.count(`SELECT count(*) FROM carts WHERE user_id = $1`, rahul.id); n != 1 {
		t.Fatalf("carts of the user = %d", n)
	}
}

func TestCartNeedsAShopper(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, q := range []string{myCartQuery, `query { myWishlist { id } }`} {
		wantErr(t, e.gql(nil, "", q, nil, nil), "UNAUTHENTICATED", "", "")
		wantErr(t, e.gql(nil, "Bearer not-a-token", q, nil, nil), "UNAUTHENTICATED", "", "TOKEN_INVALID")
	}
	wantErr(t, e.gql(nil, "", addMutation, map[string]any{"v": phoneID, "q": 1}, nil), "UNAUTHENTICATED", "", "")
	// An admin token (role ADMIN) or a token whose subject is no user id has no cart.
	admin := e.shopper("ADMIN")
	wantErr(t, e.do(admin, myCartQuery, nil, nil), "FORBIDDEN", "", "")
	odd := shopper{auth: e.iss.Token(t, "service-account", "CUSTOMER")}
	wantErr(t, e.do(odd, addMutation, map[string]any{"v": phoneID, "q": 1}, nil), "FORBIDDEN", "", "")
	if n := e.count(`SELECT count(*) FROM carts`); n != 0 {
		t.Fatalf("carts created for non-shoppers: %d", n)
	}
	if e.catalog.calls.Load() != 0 {
		t.Fatal("catalog called for a refused caller")
	}
}

func TestAddToCartAddsToTheVariantsLine(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	c := e.add(rahul, phoneID, 2)
	if len(c.Items) != 1 || c.Items[0].Quantity != 2 || c.Items[0].Variant.ID != phoneID || c.ItemCount != 2 {
		t.Fatalf("after the first add: %+v", c)
	}
	lineID := c.Items[0].ID
	c = e.add(rahul, phoneID, 3)
	if len(c.Items) != 1 || c.Items[0].ID != lineID || c.Items[0].Quantity != 5 {
		t.Fatalf("a second add made another line: %+v", c)
	}
	c = e.add(rahul, strings.ToUpper(cableID), 1) // ids are compared in canonical form
	if len(c.Items) != 2 || c.Items[1].Variant.ID != cableID || c.ItemCount != 6 {
		t.Fatalf("after adding a cable: %+v", c)
	}
	if got := e.myCart(rahul); got.ItemCount != 6 || got.ID != c.ID {
		t.Fatalf("myCart = %+v", got)
	}
	// Variant facts are cached: one catalog call per variant (and role), and
	// the shopper's token went along.
	if n := e.catalog.calls.Load(); n != 2 {
		t.Fatalf("catalog calls = %d, want 2", n)
	}
	if id := e.catalog.last(t).Identity; id == nil || id.Subject != rahul.id {
		t.Fatalf("catalog did not get the shopper's token: %+v", id)
	}
	// Nothing was priced: pricing was not selected.
	if e.promotions.calls.Load() != 0 || e.users.calls.Load() != 0 {
		t.Fatal("promotions or users called without pricing selected")
	}
}

func TestCustomerQuantityLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	wantErr(t, e.do(rahul, addMutation, map[string]any{"v": phoneID, "q": 11}, nil), "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT")
	e.add(rahul, phoneID, 10)
	before := e.snapshot()
	wantErr(t, e.do(rahul, addMutation, map[string]any{"v": phoneID, "q": 1}, nil), "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT")
	if e.snapshot() != before {
		t.Fatal("a refused add changed the cart")
	}
	// The customer's MOQ is not theirs to meet (the catalogue hides it from them).
	if c := e.add(rahul, earbudsID, 1); c.ItemCount != 11 {
		t.Fatalf("customer add of the bulk SKU: %+v", c)
	}
}

func TestMaxLineQuantityIsConfigurable(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "MAX_LINE_QUANTITY", "3")
	rahul := e.customer()
	e.add(rahul, cableID, 3)
	wantErr(t, e.do(rahul, addMutation, map[string]any{"v": phoneID, "q": 4}, nil), "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT")
}

func TestRetailerMinimumOrderQuantity(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	amit := e.retailer()
	wantErr(t, e.do(amit, addMutation, map[string]any{"v": earbudsID, "q": 10}, nil), "BAD_USER_INPUT", "quantity", "BELOW_MOQ")
	wantErr(t, e.do(amit, addMutation, map[string]any{"v": earbudsID, "q": 49}, nil), "BAD_USER_INPUT", "quantity", "BELOW_MOQ")
	if c := e.add(amit, earbudsID, 100); c.ItemCount != 100 {
		t.Fatalf("retailer bulk add: %+v", c)
	}
	// Further units count with the line: 100 + 1 meets the MOQ.
	if c := e.add(amit, earbudsID, 1); c.Items[0].Quantity != 101 {
		t.Fatalf("retailer top-up: %+v", c)
	}
	wantErr(t, e.do(amit, addMutation, map[string]any{"v": earbudsID, "q": 9_900}, nil), "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT")
	wantErr(t, e.do(amit, addMutation, map[string]any{"v": phoneID, "q": 10_001}, nil), "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT")

	// Facts are cached per role: a customer's look-up of the same variant
	// goes to catalog again (and does not see the MOQ).
	calls := e.catalog.calls.Load()
	rahul := e.customer()
	e.add(rahul, earbudsID, 2)
	if e.catalog.calls.Load() != calls+1 {
		t.Fatalf("the customer was served the retailer's cached facts")
	}
}

func TestUpdateCartItem(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.add(rahul, phoneID, 2)
	c := e.add(rahul, cableID, 1)
	phone, _ := c.line(phoneID)

	var out struct{ UpdateCartItem cartView }
	e.must(rahul, updateMutation, map[string]any{"i": phone.ID, "q": 7}, &out)
	if l, _ := out.UpdateCartItem.line(phoneID); l.Quantity != 7 || out.UpdateCartItem.ItemCount != 8 {
		t.Fatalf("after update: %+v", out.UpdateCartItem)
	}
	wantErr(t, e.do(rahul, updateMutation, map[string]any{"i": phone.ID, "q": 11}, nil), "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT")
	e.must(rahul, updateMutation, map[string]any{"i": phone.ID, "q": 0}, &out)
	if _, ok := out.UpdateCartItem.line(phoneID); ok || len(out.UpdateCartItem.Items) != 1 {
		t.Fatalf("quantity 0 did not remove the line: %+v", out.UpdateCartItem)
	}

	amit := e.retailer()
	bulk := e.add(amit, earbudsID, 60).Items[0]
	wantErr(t, e.do(amit, updateMutation, map[string]any{"i": bulk.ID, "q": 49}, nil), "BAD_USER_INPUT", "quantity", "BELOW_MOQ")
	e.must(amit, updateMutation, map[string]any{"i": bulk.ID, "q": 50}, &out)
	if out.UpdateCartItem.Items[0].Quantity != 50 {
		t.Fatalf("retailer update: %+v", out.UpdateCartItem)
	}
}

func TestRemoveAndClear(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.add(rahul, phoneID, 2)
	c := e.add(rahul, cableID, 1)
	cable, _ := c.line(cableID)
	var out struct{ RemoveCartItem cartView }
	e.must(rahul, removeMutation, map[string]any{"i": cable.ID}, &out)
	if len(out.RemoveCartItem.Items) != 1 || out.RemoveCartItem.Items[0].Variant.ID != phoneID {
		t.Fatalf("after remove: %+v", out.RemoveCartItem)
	}
	wantErr(t, e.do(rahul, removeMutation, map[string]any{"i": cable.ID}, nil), "NOT_FOUND", "", "")
	e.must(rahul, couponMutation, map[string]any{"c": "WELCOME10"}, nil)
	var cleared struct{ ClearCart cartView }
	e.must(rahul, clearMutation, nil, &cleared)
	if len(cleared.ClearCart.Items) != 0 || cleared.ClearCart.CouponCode != nil || cleared.ClearCart.ID != c.ID {
		t.Fatalf("after clear: %+v", cleared.ClearCart)
	}
	if n := e.count(`SELECT count(*) FROM cart_items`); n != 0 {
		t.Fatalf("cart_items left: %d", n)
	}
}

func TestCartHoldsAtMostFiftyLines(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	for _, id := range manyIDs[:50] {
		e.add(rahul, id, 1)
	}
	before := e.snapshot()
	wantErr(t, e.do(rahul, addMutation, map[string]any{"v": manyIDs[50], "q": 1}, nil), "CONFLICT", "", "CART_LINE_LIMIT_REACHED")
	if e.snapshot() != before {
		t.Fatal("the 51st line changed the cart")
	}
	if c := e.add(rahul, manyIDs[3], 2); len(c.Items) != 50 || c.ItemCount != 52 {
		t.Fatalf("a full cart's line did not grow: %d lines, %d units", len(c.Items), c.ItemCount)
	}
}

// Every client mistake is a coded error and writes nothing.
func TestBadInputWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul, priya := e.customer(), e.customer()
	e.add(rahul, phoneID, 2)
	priyaLine := e.add(priya, cableID, 1).Items[0].ID
	rahulLine := e.myCart(rahul).Items[0].ID
	e.must(rahul, `mutation($v: ID!) { addToWishlist(variantId: $v) { id } }`, map[string]any{"v": cableID}, nil)
	huge := strings.Repeat("x", 10_000)

	cases := []struct {
		name, query string
		vars        map[string]any
		code, field string
		reason      string
	}{
		{"unknown variant", addMutation, map[string]any{"v": unknownID, "q": 1}, "BAD_USER_INPUT", "variantId", "VARIANT_UNAVAILABLE"},
		{"malformed variant id", addMutation, map[string]any{"v": "not-a-uuid", "q": 1}, "BAD_USER_INPUT", "variantId", "VARIANT_UNAVAILABLE"},
		{"10 KB variant id", addMutation, map[string]any{"v": huge, "q": 1}, "BAD_USER_INPUT", "variantId", ""},
		{"draft product", addMutation, map[string]any{"v": draftID, "q": 1}, "BAD_USER_INPUT", "variantId", "VARIANT_UNAVAILABLE"},
		{"archived product", addMutation, map[string]any{"v": archivedID, "q": 1}, "BAD_USER_INPUT", "variantId", "VARIANT_UNAVAILABLE"},
		{"zero quantity", addMutation, map[string]any{"v": phoneID, "q": 0}, "BAD_USER_INPUT", "quantity", "NOT_POSITIVE"},
		{"negative quantity", addMutation, map[string]any{"v": phoneID, "q": -3}, "BAD_USER_INPUT", "quantity", "NOT_POSITIVE"},
		{"huge quantity", addMutation, map[string]any{"v": phoneID, "q": 2_147_483_647}, "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT"},
		// Refused by gqlgen's variable coercion before any resolver runs.
		{"quantity beyond Int", addMutation, map[string]any{"v": phoneID, "q": 1e20}, "GRAPHQL_VALIDATION_FAILED", "", ""},
		{"someone else's item", updateMutation, map[string]any{"i": priyaLine, "q": 3}, "NOT_FOUND", "", ""},
		{"someone else's item, removed", removeMutation, map[string]any{"i": priyaLine}, "NOT_FOUND", "", ""},
		{"someone else's item, set to 0", updateMutation, map[string]any{"i": priyaLine, "q": 0}, "NOT_FOUND", "", ""},
		{"unknown item", updateMutation, map[string]any{"i": uuid.NewString(), "q": 1}, "NOT_FOUND", "", ""},
		{"malformed item id", removeMutation, map[string]any{"i": huge}, "NOT_FOUND", "", ""},
		{"negative update", updateMutation, map[string]any{"i": rahulLine, "q": -1}, "BAD_USER_INPUT", "quantity", "NOT_POSITIVE"},
		{"update above the limit", updateMutation, map[string]any{"i": rahulLine, "q": 1_000_000}, "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT"},
		{"10 KB coupon", couponMutation, map[string]any{"c": huge}, "BAD_USER_INPUT", "code", ""},
		{"blank coupon", couponMutation, map[string]any{"c": "  "}, "BAD_USER_INPUT", "code", ""},
		{"coupon with odd characters", couponMutation, map[string]any{"c": "WEL'COME"}, "BAD_USER_INPUT", "code", ""},
		{"unknown coupon", couponMutation, map[string]any{"c": "NOPE"}, "BAD_USER_INPUT", "code", "NOT_FOUND"},
		{"wishlist: unknown variant", `mutation($v: ID!) { addToWishlist(variantId: $v) { id } }`, map[string]any{"v": unknownID}, "BAD_USER_INPUT", "variantId", "VARIANT_UNAVAILABLE"},
		{"wishlist: not saved", `mutation($v: ID!) { removeFromWishlist(variantId: $v) { id } }`, map[string]any{"v": phoneID}, "NOT_FOUND", "", ""},
		{"move: not saved", `mutation($v: ID!) { moveWishlistItemToCart(variantId: $v) { id } }`, map[string]any{"v": phoneID}, "NOT_FOUND", "", ""},
		{"move: too many", `mutation($v: ID!) { moveWishlistItemToCart(variantId: $v, quantity: 11) { id } }`, map[string]any{"v": cableID}, "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT"},
		{"move: zero", `mutation($v: ID!) { moveWishlistItemToCart(variantId: $v, quantity: 0) { id } }`, map[string]any{"v": cableID}, "BAD_USER_INPUT", "quantity", "NOT_POSITIVE"},
		{"pricing: someone else's address", `query($a: ID) { myCart { pricing(shippingAddressId: $a) { total { paise } } } }`, map[string]any{"a": uuid.NewString()}, "NOT_FOUND", "shippingAddressId", ""},
		{"pricing: 10 KB address id", `query($a: ID) { myCart { pricing(shippingAddressId: $a) { total { paise } } } }`, map[string]any{"a": huge}, "NOT_FOUND", "shippingAddressId", ""},
	}
	for _, c := range cases {
		before := e.snapshot()
		resp := e.do(rahul, c.query, c.vars, nil)
		t.Run(c.name, func(t *testing.T) { wantErr(t, resp, c.code, c.field, c.reason) })
		if after := e.snapshot(); after != before {
			t.Errorf("%s wrote something:\nbefore %s\nafter  %s", c.name, before, after)
		}
	}
	// Priya's line is untouched.
	if l, _ := e.myCart(priya).line(cableID); l.Quantity != 1 {
		t.Fatalf("priya's line changed: %+v", l)
	}
}
