package server_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

const setRateMutation = `mutation($c: ID!, $p: Float!) { setCommissionRate(categoryId: $c, percent: $p) { categoryId percent updatedAt } }`

// A delivered fulfilment enters the ledger with exact amounts (commission
// per line at its first category with a rate, else the default; GST 18 % on
// it; TCS 0.5 % of sale − lines' GST; 2 % prepaid fee), once however often
// its event arrives; other statuses and malformed deliveries enter nothing.
func TestLedger_deliveryEnteredOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, settleVars)
	priyaAdmin := e.token(admin, "ADMIN", "settlements:manage")
	ok(t, e.do(priyaAdmin, setRateMutation, map[string]any{"c": mobiles, "p": 5}, nil))
	ok(t, e.do(priyaAdmin, setRateMutation, map[string]any{"c": audio, "p": 12.5}, nil))

	orderID := uuid.Must(uuid.NewV7()).String()
	env := e.delivered(orderID, techHub, "UPI", true,
		line{total: 129900, gst: 19815, cats: []string{mobiles}},
		line{total: 2999, gst: 457, cats: []string{earbuds, audio}}) // earbuds has no rate: audio's
	want := map[string]int64{"SALE": 132899, "COMMISSION": -(6495 + 375), "COMMISSION_GST": -1237, "TCS": -563, "GATEWAY_FEE": -2658}
	require.Equal(t, want, e.entries(orderID, techHub))

	e.redeliver(env) // the same event again
	var copyPayload map[string]any
	require.NoError(t, jsonUnmarshal(env.Payload, &copyPayload))
	e.deliver("order.fulfilment_changed", orderID, copyPayload) // the same delivery with another event id
	require.Equal(t, want, e.entries(orderID, techHub))
	require.Equal(t, 5, e.count(`SELECT count(*) FROM ledger_entries`))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM ledger_sales`))

	// COD: no gateway fee; no rate for the category: the default 10 %.
	cod := uuid.Must(uuid.NewV7()).String()
	e.delivered(cod, gadgets, "COD", false, line{total: 50001, gst: 7627, cats: []string{earbuds}})
	require.Equal(t, map[string]int64{"SALE": 50001, "COMMISSION": -5000, "COMMISSION_GST": -900, "TCS": -212}, e.entries(cod, gadgets))

	// Other transitions and malformed deliveries enter nothing.
	before := e.count(`SELECT count(*) FROM ledger_entries`)
	e.deliver("order.fulfilment_changed", orderID, fulfilmentChanged(orderID, gadgets, "UPI", "SHIPPED", time.Now(), nil, line{total: 100}))
	bad := fulfilmentChanged(orderID, gadgets, "UPI", "DELIVERED", time.Now(), nil, line{total: 100})
	bad["amountPaise"] = 99
	require.Error(t, e.deliverRaw("order.fulfilment_changed", bad))
	require.Equal(t, before, e.count(`SELECT count(*) FROM ledger_entries`))
}

// The balance identity holds for every store after every step of a mix of
// deliveries (payable and still in their return window), refunds of store
// lines (before the payout, after it, and adding up to a whole sale) and
// settlement runs; each run pays each store its payable balance once.
func TestLedger_balanceIdentity(t *testing.T) {
	t.Parallel()
	e := newEnv(t, settleVars)
	e.runWorkers()
	third := "01937a00-0000-7000-8003-000000000003"
	stores := []string{techHub, gadgets, third}
	priyaAdmin := e.token(admin, "ADMIN", "settlements:manage")
	ok(t, e.do(priyaAdmin, setRateMutation, map[string]any{"c": mobiles, "p": 4.75}, nil))

	// Order 1: TechHub and Gadgets lines, paid online, both payable.
	o1, p1 := e.captured(129900 + 3499)
	e.delivered(o1.id, techHub, "UPI", true, line{129900, 19815, []string{mobiles}})
	e.delivered(o1.id, gadgets, "UPI", true, line{3499, 534, []string{earbuds}})
	// Order 2: TechHub, still in its return window.
	o2, p2 := e.captured(64999)
	e.delivered(o2.id, techHub, "CARD", false, line{64999, 9915, []string{mobiles, audio}})
	// Order 3: the third store, cash on delivery, payable.
	e.delivered(uuid.Must(uuid.NewV7()).String(), third, "COD", true, line{10001, 1526, nil}, line{999, 152, nil})
	e.checkIdentity(stores...)

	// A return of part of Gadgets' lines before any payout.
	e.storeRefund(p1, gadgets, 1000)
	e.checkIdentity(stores...)
	// A refund without a store, or of a store with nothing delivered, is no ledger entry.
	e.storeRefund(p2, gadgets, 500)
	require.Zero(t, e.count(`SELECT count(*) FROM ledger_entries WHERE store_id = $1 AND kind = 'REFUND' AND amount_paise = -500`, gadgets))

	run, resp := e.runSettlement(priyaAdmin)
	ok(t, resp)
	require.Equal(t, 3, run.Payouts, "every store with a payable balance")
	require.False(t, run.Resumed)
	e.checkIdentity(stores...)
	require.Zero(t, e.count(`SELECT count(*) FROM ledger_entries WHERE store_id = $1 AND payout_id IS NOT NULL
		AND fulfilment_id IN (SELECT fulfilment_id FROM ledger_sales WHERE order_id = $2)`, techHub, o2.id), "inside its return window")

	// Nothing payable: a second run pays nobody.
	run, resp = e.runSettlement(priyaAdmin)
	ok(t, resp)
	require.Zero(t, run.Payouts)

	// After the payout: TechHub refunds all of order 1's lines in two parts;
	// the reversals add up to exactly what was charged, the fee stays.
	charged := e.entries(o1.id, techHub)
	e.storeRefund(p1, techHub, 29900)
	e.storeRefund(p1, techHub, 100000)
	got := e.entries(o1.id, techHub)
	require.Equal(t, int64(-129900), got["REFUND/R"])
	require.Equal(t, -charged["COMMISSION"], got["COMMISSION/R"])
	require.Equal(t, -charged["COMMISSION_GST"], got["COMMISSION_GST/R"])
	require.Equal(t, -charged["TCS"], got["TCS/R"])
	e.checkIdentity(stores...)

	// TechHub now owes (refunds after its payout): no payout, carried forward.
	run, resp = e.runSettlement(priyaAdmin)
	ok(t, resp)
	require.Zero(t, run.Payouts)
	e.checkIdentity(stores...)
	require.Equal(t, 3, e.count(`SELECT count(*) FROM settlement_payouts`))
	require.Zero(t, e.count(`SELECT count(*) FROM (SELECT id FROM ledger_entries GROUP BY id HAVING count(DISTINCT payout_id) > 1) x`))

	// The statement: the owner downloads it; its TOTAL is the payout.
	m, resp := e.storeMoneyAs(e.token(meera, "OWNER"), gadgets)
	ok(t, resp)
	require.Equal(t, 1, m.Settlements.TotalCount)
	s := m.Settlements.Edges[0].Node
	require.Equal(t, "SCHEDULED", s.Status)
	require.Equal(t, int64(3499), s.GrossSales.Paise)
	require.Equal(t, int64(1000), s.Refunds.Paise)
	csvLines := strings.Split(strings.TrimSpace(s.StatementCsv), "\n")
	require.Len(t, csvLines, 2+len(s.Entries))
	require.True(t, strings.HasPrefix(csvLines[len(csvLines)-1], "TOTAL,,,,,,,"+itoa(s.PayoutAmount.Paise)+","), csvLines[len(csvLines)-1])
}
