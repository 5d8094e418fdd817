package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type cartLine struct {
	ID       string
	Quantity int
	Variant  struct{ ID string }
}

// cartLines reads the caller's cart through the router, by variant id.
func cartLines(t *testing.T, c client) map[string]cartLine {
	t.Helper()
	var out struct{ MyCart struct{ Items []cartLine } }
	c.must(t, `{ myCart { items { id quantity variant { id } } } }`, nil, &out)
	lines := map[string]cartLine{}
	for _, l := range out.MyCart.Items {
		lines[l.Variant.ID] = l
	}
	return lines
}

// awaitCheckoutSettled waits until the cart has applied (or closed) the
// checkout of orderID: the cart's consumer reacts to the confirmation after
// the order shows CONFIRMED.
func awaitCheckoutSettled(t *testing.T, orderID, want string) {
	t.Helper()
	cart := db(t, "cart")
	require.Eventually(t, func() bool {
		var state string
		err := cart.QueryRow(context.Background(), `SELECT state FROM checkouts WHERE order_id = $1`, orderID).Scan(&state)
		return err == nil && state == want
	}, 15*time.Second, 50*time.Millisecond, "the cart's checkout of %s never became %s", orderID, want)
}

// TestCartKeepsWhatWasAddedWhileTheCheckoutConfirms (issue 9, part 5): a
// shopper checks out case A ×1 and case B ×1 and, while the payment is in
// flight (slow@sandbox, ~2 s), removes A and adds it again, and adds one more
// B. After CONFIRMED the re-added A is whole and one B is left; the next
// checkout buys exactly those, and then the cart is empty.
func TestCartKeepsWhatWasAddedWhileTheCheckoutConfirms(t *testing.T) {
	c, _ := newShopper(t)
	addr := defaultAddress(t, c)
	variants := productVariants(t, client{}, "apple-iphone-15-silicone-case-with-magsafe")
	require.GreaterOrEqual(t, len(variants), 2)
	a, b := variants[0].ID, variants[1].ID
	c.must(t, addToCart, map[string]any{"v": a, "q": 1}, nil)
	c.must(t, addToCart, map[string]any{"v": b, "q": 1}, nil)

	first, r := checkout(t, c, addr, "", "UPI", "slow@sandbox")
	require.Empty(t, r.Errors)
	c.must(t, `mutation($i: ID!) { removeCartItem(itemId: $i) { id } }`, map[string]any{"i": cartLines(t, c)[a].ID}, nil)
	c.must(t, addToCart, map[string]any{"v": a, "q": 1}, nil)
	c.must(t, addToCart, map[string]any{"v": b, "q": 1}, nil)
	var now struct{ Order struct{ Status string } }
	c.must(t, `query($id: ID!) { order(id: $id) { status } }`, map[string]any{"id": first.ID}, &now)
	require.Equal(t, "PENDING_PAYMENT", now.Order.Status, "the cart changed while the checkout was being confirmed")

	awaitStatus(t, c, first.ID, "CONFIRMED")
	awaitCheckoutSettled(t, first.ID, "APPLIED")
	lines := cartLines(t, c)
	require.Len(t, lines, 2, "%+v", lines)
	require.Equal(t, 1, lines[a].Quantity, "the re-added case stays whole")
	require.Equal(t, 1, lines[b].Quantity, "the case added on top of the ordered one stays")

	second, r := checkout(t, c, addr, "", "UPI", "")
	require.Empty(t, r.Errors)
	var o struct {
		Order struct {
			Items []struct {
				Quantity int
				Variant  struct{ ID string }
			}
		}
	}
	c.must(t, `query($id: ID!) { order(id: $id) { items { quantity variant { id } } } }`, map[string]any{"id": second.ID}, &o)
	bought := map[string]int{}
	for _, it := range o.Order.Items {
		bought[it.Variant.ID] += it.Quantity
	}
	require.Equal(t, map[string]int{a: 1, b: 1}, bought, "the second order has the lines kept")
	awaitStatus(t, c, second.ID, "CONFIRMED")
	awaitCheckoutSettled(t, second.ID, "APPLIED")
	require.Empty(t, cartLines(t, c), "the second order took everything")
}

// TestCartIsLeftAloneByACancelledOrder: a checkout whose payment fails is
// cancelled, and the cart keeps every line.
func TestCartIsLeftAloneByACancelledOrder(t *testing.T) {
	c, _ := newShopper(t)
	a := variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID
	c.must(t, addToCart, map[string]any{"v": a, "q": 2}, nil)
	order, r := checkout(t, c, defaultAddress(t, c), "", "UPI", "failure@sandbox")
	require.Empty(t, r.Errors)
	awaitStatus(t, c, order.ID, "CANCELLED")
	awaitCheckoutSettled(t, order.ID, "CANCELLED")
	require.Equal(t, 2, cartLines(t, c)[a].Quantity)
}
