package server_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const (
	restockQ = `mutation($v: ID!, $q: Int!) { restock(variantId: $v, quantity: $q) { variantId onHand reserved available lowThreshold } }`
	alertQ   = `mutation($v: ID!, $t: Int!) { setStockAlert(variantId: $v, threshold: $t) { variantId onHand available lowThreshold } }`
	levelQ   = `query($v: ID!) { stockLevel(variantId: $v) { variantId onHand reserved available lowThreshold } }`
)

type levelOut struct {
	VariantID                                 string
	OnHand, Reserved, Available, LowThreshold int
}

func TestRestock_byOwnerAndAdmin(t *testing.T) {
	e := newEnv(t)
	id := e.variant(techHub, "RESTOCK-1", 0)
	require.Len(t, e.events("stock.changed", id), 1, "first stock.changed on creation")
	require.Len(t, e.events("stock.low", id), 1, "created empty: low")

	var out struct{ Restock levelOut }
	e.mustDo(e.owner(), restockQ, map[string]any{"v": id, "q": 12}, &out)
	require.Equal(t, levelOut{VariantID: id, OnHand: 12, Available: 12, LowThreshold: 5}, out.Restock)
	require.Equal(t, []map[string]any{
		{"variantId": id, "available": 0.0, "inStock": false},
		{"variantId": id, "available": 12.0, "inStock": true},
	}, e.events("stock.changed", id), "back in stock")

	e.mustDo(e.admin(), restockQ, map[string]any{"v": id, "q": 1_000_000}, &out)
	require.Equal(t, 1_000_012, out.Restock.OnHand, "admins manage any store")
	require.Len(t, e.events("stock.changed", id), 2, "no flip, no event")

	var lvl struct{ StockLevel *levelOut }
	e.mustDo(e.owner(), levelQ, map[string]any{"v": id}, &lvl)
	require.Equal(t, 1_000_012, lvl.StockLevel.Available)
	e.mustDo(e.owner(), levelQ, map[string]any{"v": "0193a000-0000-7000-8000-0000000000ff"}, &lvl)
	require.Nil(t, lvl.StockLevel, "unknown variant: null")
}

func TestSetStockAlert_alertsOncePerCrossing(t *testing.T) {
	e := newEnv(t)
	id := e.variant(techHub, "ALERT-1", 10)
	var out struct{ SetStockAlert levelOut }
	e.mustDo(e.owner(), alertQ, map[string]any{"v": id, "t": 10}, &out)
	require.Equal(t, 10, out.SetStockAlert.LowThreshold)
	require.Equal(t, []map[string]any{{"variantId": id, "onHand": 10.0, "available": 10.0, "threshold": 10.0}},
		e.events("stock.low", id), "raising the threshold to the stock is a crossing")

	e.mustDo(e.owner(), restockQ, map[string]any{"v": id, "q": 1}, nil) // 11: above, re-armed
	order := newOrderID()
	e.reserve(e.customer(), order, map[string]int{id: 2}, nil) // 9: crosses again
	e.reserve(e.customer(), newOrderID(), map[string]int{id: 1}, nil)
	require.Len(t, e.events("stock.low", id), 2, "second crossing alerts once")

	e.mustDo(e.owner(), alertQ, map[string]any{"v": id, "t": 0}, &out)
	require.Equal(t, 0, out.SetStockAlert.LowThreshold)
	require.False(t, e.count(`SELECT count(*) FROM stock_levels WHERE variant_id = $1 AND low_alerted`, id) > 0)
}

// Every refusal is coded and changes nothing: no stock, no event.
func TestOwnerOperations_refused(t *testing.T) {
	e := newEnv(t)
	id := e.variant(techHub, "GUARD-1", 5)
	unknown := "0193a000-0000-7000-8000-0000000000ff"
	outboxBefore := e.count(`SELECT count(*) FROM outbox`)
	cases := []struct {
		name, auth, query string
		vars              map[string]any
		code, field       string
	}{
		{"anonymous restock", "", restockQ, map[string]any{"v": id, "q": 1}, "UNAUTHENTICATED", ""},
		{"customer restock", e.customer(), restockQ, map[string]any{"v": id, "q": 1}, "FORBIDDEN", ""},
		{"retailer restock", e.iss.Token(t, priya, "RETAILER"), restockQ, map[string]any{"v": id, "q": 1}, "FORBIDDEN", ""},
		{"another owner restock", e.other(), restockQ, map[string]any{"v": id, "q": 1}, "FORBIDDEN", ""},
		{"another owner alert", e.other(), alertQ, map[string]any{"v": id, "t": 1}, "FORBIDDEN", ""},
		{"another owner reads", e.other(), levelQ, map[string]any{"v": id}, "FORBIDDEN", ""},
		{"customer reads", e.customer(), levelQ, map[string]any{"v": id}, "FORBIDDEN", ""},
		{"admin without permission", e.iss.Token(t, adminID, "ADMIN", "catalog:write"), restockQ, map[string]any{"v": id, "q": 1}, "FORBIDDEN", ""},
		{"unknown variant restock", e.owner(), restockQ, map[string]any{"v": unknown, "q": 1}, "NOT_FOUND", ""},
		{"unknown variant alert", e.admin(), alertQ, map[string]any{"v": unknown, "t": 1}, "NOT_FOUND", ""},
		{"malformed variant", e.owner(), restockQ, map[string]any{"v": "v-1", "q": 1}, "BAD_USER_INPUT", "variantId"},
		{"10 KB variant id", e.owner(), restockQ, map[string]any{"v": strings.Repeat("x", 10<<10), "q": 1}, "BAD_USER_INPUT", "variantId"},
		{"zero quantity", e.owner(), restockQ, map[string]any{"v": id, "q": 0}, "BAD_USER_INPUT", "quantity"},
		{"negative quantity", e.owner(), restockQ, map[string]any{"v": id, "q": -5}, "BAD_USER_INPUT", "quantity"},
		{"quantity over a million", e.owner(), restockQ, map[string]any{"v": id, "q": 1_000_001}, "BAD_USER_INPUT", "quantity"},
		{"negative threshold", e.owner(), alertQ, map[string]any{"v": id, "t": -1}, "BAD_USER_INPUT", "threshold"},
		{"threshold over a million", e.owner(), alertQ, map[string]any{"v": id, "t": 1_000_001}, "BAD_USER_INPUT", "threshold"},
	}
	for _, c := range cases {
		r := e.do(c.auth, c.query, c.vars, nil)
		require.Equal(t, c.code, r.Code(), c.name)
		if c.field != "" {
			require.Equal(t, c.field, r.Errors[0].Extensions["field"], c.name)
		}
	}
	onHand, reserved := e.level(id)
	require.Equal(t, 5, onHand)
	require.Zero(t, reserved)
	require.Equal(t, 5, e.count(`SELECT low_threshold FROM stock_levels WHERE variant_id = $1`, id))
	require.Equal(t, outboxBefore, e.count(`SELECT count(*) FROM outbox`))
}

// The stock on hand is capped, so sums never overflow a GraphQL Int.
func TestRestock_onHandCap(t *testing.T) {
	e := newEnv(t)
	id := e.variant(techHub, "CAP-1", 999_500_000)
	e.mustDo(e.owner(), restockQ, map[string]any{"v": id, "q": 500_000}, nil)
	r := e.do(e.owner(), restockQ, map[string]any{"v": id, "q": 1}, nil)
	require.Equal(t, "BAD_USER_INPUT", r.Code())
	onHand, _ := e.level(id)
	require.Equal(t, 1_000_000_000, onHand)
}

// Catalog unreachable: the owner check cannot be made, so nothing changes.
func TestRestock_catalogDown(t *testing.T) {
	e := newEnv(t)
	id := e.variant(techHub, "DOWN-2", 5)
	e.catalog.down.Store(true)
	r := e.do(e.owner(), restockQ, map[string]any{"v": id, "q": 3}, nil)
	require.Equal(t, "SERVICE_UNAVAILABLE", r.Code())
	onHand, _ := e.level(id)
	require.Equal(t, 5, onHand)
	e.mustDo(e.admin(), restockQ, map[string]any{"v": id, "q": 3}, nil) // admins need no catalog
}
