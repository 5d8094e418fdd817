package server_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// All lines or none: one short line refuses the whole order, names the
// short variant and what is left, and reserves nothing.
func TestReserve_allOrNothing(t *testing.T) {
	e := newEnv(t)
	a := e.variant(techHub, "PHONE-A", 5)
	b := e.variant(techHub, "PHONE-B", 1)
	order := newOrderID()

	_, r := e.tryReserve(e.customer(), order, map[string]int{a: 3, b: 2}, nil)
	require.Equal(t, "CONFLICT", r.Code())
	require.Equal(t, "OUT_OF_STOCK", r.Errors[0].Extensions["reason"])
	require.Contains(t, r.Errors[0].Message, "PHONE-B has 1 left (2 requested)")
	require.NotContains(t, r.Errors[0].Message, "PHONE-A")
	for _, id := range []string{a, b} {
		_, reserved := e.level(id)
		require.Zero(t, reserved, "nothing reserved")
	}
	require.Zero(t, e.count(`SELECT count(*) FROM stock_reservations`))
	require.Zero(t, e.count(`SELECT count(*) FROM stock_reservation_lines`))

	res := e.reserve(e.customer(), order, map[string]int{a: 3, b: 1}, nil)
	require.Equal(t, order, res.OrderID)
	require.Equal(t, "RESERVED", res.Status)
	require.Len(t, res.Lines, 2)
	require.WithinDuration(t, time.Now().Add(15*time.Minute), res.ExpiresAt, time.Minute, "default TTL")
	_, reservedA := e.level(a)
	_, reservedB := e.level(b)
	require.Equal(t, []int{3, 1}, []int{reservedA, reservedB})
	require.Equal(t, []map[string]any{
		{"variantId": b, "available": 1.0, "inStock": true},
		{"variantId": b, "available": 0.0, "inStock": false},
	}, e.events("stock.changed", b), "B sold out")

	// An unknown variant is out of stock too.
	unknown := "0193a000-0000-7000-8000-0000000000ff"
	_, r = e.tryReserve(e.customer(), newOrderID(), map[string]int{a: 1, unknown: 1}, nil)
	require.Equal(t, "OUT_OF_STOCK", r.Errors[0].Extensions["reason"])
	require.Contains(t, r.Errors[0].Message, unknown)
	_, reservedA = e.level(a)
	require.Equal(t, 3, reservedA)
}

// A repeat for the same order returns the first reservation and reserves
// nothing more; a different request under the same order id is refused.
func TestReserve_idempotentPerOrder(t *testing.T) {
	e := newEnv(t)
	a := e.variant(techHub, "IDEM-A", 10)
	order := newOrderID()
	first := e.reserve(e.customer(), order, map[string]int{a: 4}, ttl(600))
	again := e.reserve(e.customer(), strings.ToUpper(order), map[string]int{a: 4}, nil)
	require.Equal(t, first.OrderID, again.OrderID)
	require.True(t, first.ExpiresAt.Equal(again.ExpiresAt), "the same reservation")
	_, reserved := e.level(a)
	require.Equal(t, 4, reserved)

	_, r := e.tryReserve(e.customer(), order, map[string]int{a: 5}, nil)
	require.Equal(t, "CONFLICT", r.Code())
	require.Equal(t, "RESERVATION_MISMATCH", r.Errors[0].Extensions["reason"])
	_, r = e.tryReserve(e.shopper(otherOwn), order, map[string]int{a: 4}, nil)
	require.Equal(t, "FORBIDDEN", r.Code())
	_, reserved = e.level(a)
	require.Equal(t, 4, reserved)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM stock_reservations`))
}

// releaseStock (checkout compensation) frees the units once; the order id
// cannot then be reused to hold stock again.
func TestReleaseStock(t *testing.T) {
	e := newEnv(t)
	a := e.variant(techHub, "REL-A", 3)
	order := newOrderID()
	e.reserve(e.customer(), order, map[string]int{a: 3}, nil)

	var out struct{ ReleaseStock bool }
	r := e.asOrders(e.shopper(otherOwn), releaseQ, map[string]any{"o": order}, nil)
	require.Equal(t, "FORBIDDEN", r.Code(), "someone else's reservation")
	r = e.asOrders("", releaseQ, map[string]any{"o": order}, nil)
	require.Equal(t, "UNAUTHENTICATED", r.Code())
	r = e.asOrders(e.customer(), releaseQ, map[string]any{"o": "nope"}, nil)
	require.Equal(t, "BAD_USER_INPUT", r.Code())
	_, reserved := e.level(a)
	require.Equal(t, 3, reserved)

	e.mustAsOrders(e.customer(), releaseQ, map[string]any{"o": order}, &out)
	require.True(t, out.ReleaseStock)
	_, reserved = e.level(a)
	require.Zero(t, reserved)
	e.mustAsOrders(e.customer(), releaseQ, map[string]any{"o": order}, &out)
	require.False(t, out.ReleaseStock, "already released")
	e.mustAsOrders(e.customer(), releaseQ, map[string]any{"o": newOrderID()}, &out)
	require.False(t, out.ReleaseStock, "nothing reserved for that order")

	_, rr := e.tryReserve(e.customer(), order, map[string]int{a: 3}, nil)
	require.Equal(t, "CONFLICT", rr.Code())
	require.Equal(t, "RESERVATION_CLOSED", rr.Errors[0].Extensions["reason"])
	_, reserved = e.level(a)
	require.Zero(t, reserved)
}

// Bad input is refused with the field at fault, and writes nothing.
func TestReserve_badInput(t *testing.T) {
	e := newEnv(t)
	a := e.variant(techHub, "BAD-A", 10)
	order := newOrderID()
	line := func(v any, q any) map[string]any { return map[string]any{"variantId": v, "quantity": q} }
	many := make([]map[string]any, 101)
	for i := range many {
		many[i] = line(newOrderID(), 1)
	}
	cases := []struct {
		name  string
		in    map[string]any
		field string
	}{
		{"order id not a uuid", map[string]any{"orderId": "PUR-1", "lines": []any{line(a, 1)}}, "orderId"},
		{"order id of 10 KB", map[string]any{"orderId": strings.Repeat("9", 10<<10), "lines": []any{line(a, 1)}}, "orderId"},
		{"no lines", map[string]any{"orderId": order, "lines": []any{}}, "lines"},
		{"101 lines", map[string]any{"orderId": order, "lines": many}, "lines"},
		{"variant not a uuid", map[string]any{"orderId": order, "lines": []any{line("x", 1)}}, "lines.variantId"},
		{"variant twice", map[string]any{"orderId": order, "lines": []any{line(a, 1), line(strings.ToUpper(a), 2)}}, "lines.variantId"},
		{"zero quantity", map[string]any{"orderId": order, "lines": []any{line(a, 0)}}, "lines.quantity"},
		{"negative quantity", map[string]any{"orderId": order, "lines": []any{line(a, -3)}}, "lines.quantity"},
		{"too many units", map[string]any{"orderId": order, "lines": []any{line(a, 1_000_001)}}, "lines.quantity"},
		{"ttl zero", map[string]any{"orderId": order, "lines": []any{line(a, 1)}, "ttlSeconds": 0}, "ttlSeconds"},
		{"ttl over an hour", map[string]any{"orderId": order, "lines": []any{line(a, 1)}, "ttlSeconds": 3601}, "ttlSeconds"},
	}
	for _, c := range cases {
		r := e.asOrders(e.customer(), reserveQ, map[string]any{"in": c.in}, nil)
		require.Equal(t, "BAD_USER_INPUT", r.Code(), c.name)
		require.Equal(t, c.field, r.Errors[0].Extensions["field"], c.name)
	}
	r := e.asOrders("", reserveQ, reserveInput(order, map[string]int{a: 1}, nil), nil)
	require.Equal(t, "UNAUTHENTICATED", r.Code())
	_, reserved := e.level(a)
	require.Zero(t, reserved)
	require.Zero(t, e.count(`SELECT count(*) FROM stock_reservations`))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM outbox`), "only the creation's stock.changed")
}
