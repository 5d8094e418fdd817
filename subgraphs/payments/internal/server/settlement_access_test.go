package server_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// settlementRows counts what a refused settlement request must not touch.
func (e *env) settlementRows() map[string]int {
	out := map[string]int{}
	for _, table := range []string{"commission_rates", "settlement_runs", "settlement_payouts", "outbox"} {
		out[table] = e.count(`SELECT count(*) FROM ` + table)
	}
	out["settled"] = e.count(`SELECT count(*) FROM ledger_entries WHERE payout_id IS NOT NULL`)
	return out
}

// Only admins holding settlements:manage set rates, run settlements and read
// any store's settlements; a store's owner reads their own. Everybody else
// is FORBIDDEN and nothing is written.
func TestSettlements_permissions(t *testing.T) {
	t.Parallel()
	e := newEnv(t, settleVars)
	e.delivered(uuid.Must(uuid.NewV7()).String(), techHub, "UPI", true, line{total: 10000, gst: 1525})
	before := e.settlementRows()

	for who, authz := range map[string]string{
		"owner of another store":       e.token(meera, "OWNER"),
		"TechHub's owner":              e.token(vikram, "OWNER"),
		"shopper":                      e.token(rahul, "CUSTOMER"),
		"admin without the permission": e.token(admin, "ADMIN", "payments:refund", "payments:read"),
	} {
		wantErr(t, e.do(authz, setRateMutation, map[string]any{"c": mobiles, "p": 5}, nil), "FORBIDDEN", "", "")
		_, resp := e.runSettlement(authz)
		wantErr(t, resp, "FORBIDDEN", "", "")
		wantErr(t, e.do(authz, `{ commissionRates { defaultPercent } }`, nil, nil), "FORBIDDEN", "", "")
		require.Equal(t, before, e.settlementRows(), who)
	}
	wantErr(t, e.do("", setRateMutation, map[string]any{"c": mobiles, "p": 5}, nil), "UNAUTHENTICATED", "", "")

	// Reads: the owner of another store, a shopper and an admin without the
	// permission get FORBIDDEN (and null); TechHub's owner and a
	// settlements:manage admin see TechHub's.
	for who, authz := range map[string]string{
		"owner of another store":       e.token(meera, "OWNER"),
		"shopper":                      e.token(rahul, "CUSTOMER"),
		"admin without the permission": e.token(admin, "ADMIN", "payments:read"),
	} {
		m, resp := e.storeMoneyAs(authz, techHub)
		wantErr(t, resp, "FORBIDDEN", "", "")
		require.True(t, m == nil || (m.Settlements == nil && m.SettlementBalance == nil), who)
	}
	for _, authz := range []string{e.token(vikram, "OWNER"), e.token(admin, "ADMIN", "settlements:manage")} {
		m, resp := e.storeMoneyAs(authz, techHub)
		ok(t, resp)
		require.Equal(t, int64(10000-1000-180-42-200), m.SettlementBalance.Payable.Paise)
	}
	require.Equal(t, before, e.settlementRows(), "reads write nothing")
}

// Bad input to setCommissionRate is BAD_USER_INPUT naming the field, and
// writes nothing; a good one is audited in its transaction (admin.action
// with the rate before and after).
func TestSettlements_commissionRateInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t, settleVars)
	authz := e.token(admin, "ADMIN", "settlements:manage")
	before := e.settlementRows()
	for _, c := range []struct {
		category string
		percent  float64
		field    string
	}{
		{"01937a00-0000-7000-8004-0000000000ff", 5, "categoryId"}, // unknown to catalog
		{"nope", 5, "categoryId"},
		{mobiles, -1, "percent"},
		{mobiles, 100.01, "percent"},
		{mobiles, 12.345, "percent"},
		{mobiles, 0.001, "percent"},
	} {
		wantErr(t, e.do(authz, setRateMutation, map[string]any{"c": c.category, "p": c.percent}, nil), "BAD_USER_INPUT", c.field, "")
		require.Equal(t, before, e.settlementRows(), "%+v", c)
	}
	wantErr(t, e.do(authz, `mutation { setCommissionRate(categoryId: "`+mobiles+`", percent: "12") { percent } }`, nil, nil), "GRAPHQL_VALIDATION_FAILED", "", "")

	var out struct{ SetCommissionRate struct{ Percent float64 } }
	ok(t, e.do(authz, setRateMutation, map[string]any{"c": mobiles, "p": 7.5}, &out))
	require.Equal(t, 7.5, out.SetCommissionRate.Percent)
	ok(t, e.do(authz, setRateMutation, map[string]any{"c": mobiles, "p": 100}, nil))
	acts := e.events("admin.action", mobiles)
	require.Len(t, acts, 2)
	require.Equal(t, "commission_rate.set", acts[0]["action"])
	require.Equal(t, "settlements:manage", acts[0]["permission"])
	require.Equal(t, "Category", acts[0]["targetType"])
	require.Nil(t, acts[0]["before"])
	require.Equal(t, map[string]any{"percent": "7.50"}, acts[0]["after"])
	require.Equal(t, map[string]any{"percent": "7.50"}, acts[1]["before"])
	require.Equal(t, map[string]any{"percent": "100.00"}, acts[1]["after"])

	var rates struct {
		CommissionRates struct {
			DefaultPercent float64
			Rates          []struct {
				CategoryID string
				Percent    float64
			}
		}
	}
	ok(t, e.do(authz, `{ commissionRates { defaultPercent rates { categoryId percent } } }`, nil, &rates))
	require.Equal(t, 10.0, rates.CommissionRates.DefaultPercent)
	require.Len(t, rates.CommissionRates.Rates, 1)
	require.Equal(t, 100.0, rates.CommissionRates.Rates[0].Percent)
}

// Store.settlements pages newest first with opaque cursors; a foreign or
// malformed cursor is BAD_USER_INPUT (field after).
func TestSettlements_paging(t *testing.T) {
	t.Parallel()
	e := newEnv(t, settleVars)
	authz := e.token(admin, "ADMIN", "settlements:manage")
	var ids []string
	for i := range 3 {
		e.delivered(uuid.Must(uuid.NewV7()).String(), techHub, "UPI", true, line{total: int64(10000 * (i + 1)), gst: 1000})
		run, resp := e.runSettlement(authz)
		ok(t, resp)
		require.Equal(t, 1, run.Payouts)
		ids = append(ids, e.str(`SELECT id::text FROM settlement_payouts ORDER BY id DESC LIMIT 1`))
	}
	const q = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Store {
		settlements(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`
	type pageView struct {
		Entities []struct {
			Settlements struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   *string
				}
				Edges []struct{ Node struct{ ID string } }
			}
		} `json:"_entities"`
	}
	reps := []map[string]any{{"__typename": "Store", "id": techHub}}
	var p1, p2 pageView
	ok(t, e.do(authz, q, map[string]any{"r": reps}, &p1))
	s := p1.Entities[0].Settlements
	require.Equal(t, 3, s.TotalCount)
	require.True(t, s.PageInfo.HasNextPage)
	require.Equal(t, []string{ids[2], ids[1]}, []string{s.Edges[0].Node.ID, s.Edges[1].Node.ID})
	ok(t, e.do(authz, q, map[string]any{"r": reps, "after": *s.PageInfo.EndCursor}, &p2))
	s = p2.Entities[0].Settlements
	require.False(t, s.PageInfo.HasNextPage)
	require.Len(t, s.Edges, 1)
	require.Equal(t, ids[0], s.Edges[0].Node.ID)
	wantErr(t, e.do(authz, q, map[string]any{"r": reps, "after": "bm9wZQ"}, nil), "BAD_USER_INPUT", "after", "")
}
