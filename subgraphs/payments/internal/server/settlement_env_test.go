package server_test

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/servicetest"
)

// Helpers of the settlement ledger tests: deliveries published as orders
// does (order.fulfilment_changed), store refunds completed through the
// provider's callback, and the ledger's figures read back.

// settleVars keep the periodic settlement job out of the tests' way (they
// run settlements with runSettlement).
var settleVars = map[string]string{"SETTLEMENT_POLL": "1h"}

type line struct {
	total, gst int64
	cats       []string
}

// fulfilmentChanged is order.fulfilment_changed v1 as orders publishes it.
func fulfilmentChanged(orderID, storeID, method, to string, at time.Time, windowEnds *time.Time, lines ...line) map[string]any {
	items := []map[string]any{}
	var sum int64
	for _, l := range lines {
		sum += l.total
		cats := l.cats
		if cats == nil {
			cats = []string{}
		}
		items = append(items, map[string]any{"orderItemId": uuid.NewString(), "variantId": uuid.NewString(), "productId": nil,
			"title": "Item", "quantity": 1, "lineTotalPaise": l.total, "gstPaise": l.gst, "gstRatePercent": 18,
			"couponDiscountPaise": 0, "hsnCode": "85171300", "categoryIds": cats})
	}
	return map[string]any{
		"fulfilmentId": uuid.Must(uuid.NewV7()).String(), "orderId": orderID, "orderNumber": "PUR-2026-" + orderID[30:],
		"userId": rahul, "storeId": storeID, "from": "SHIPPED", "to": to, "at": at,
		"paymentMethod": map[string]any{"type": method}, "trackingNumber": "TRK1", "carrier": "Delhivery", "reason": nil,
		"amountPaise": sum, "returnWindowEndsAt": windowEnds, "items": items,
	}
}

// delivered delivers a DELIVERED fulfilment of storeID in orderID whose
// return window ended (past = true: payable now) or ends in ten days.
func (e *env) delivered(orderID, storeID, method string, past bool, lines ...line) kafka.Envelope {
	e.t.Helper()
	at, ends := time.Now().UTC().Add(-20*24*time.Hour), time.Now().UTC().Add(-10*24*time.Hour)
	if !past {
		at, ends = time.Now().UTC().Add(-time.Hour), time.Now().UTC().Add(10*24*time.Hour)
	}
	return e.deliver("order.fulfilment_changed", orderID, fulfilmentChanged(orderID, storeID, method, "DELIVERED", at, &ends, lines...))
}

// storeRefund refunds amount of payment p for storeID's lines as an owner's
// (or a return's) refund is made: a PENDING refund with its store, then the
// provider's refund.processed callback completes it (the PROCESSED hook).
func (e *env) storeRefund(p row, storeID string, amount int64) string {
	e.t.Helper()
	id := uuid.Must(uuid.NewV7()).String()
	ctx := context.Background()
	_, err := e.d.DB.Exec(ctx, `INSERT INTO refunds (id, payment_id, amount_paise, reason, status, store_id, created_at)
		VALUES ($1, $2, $3, 'item returned', 'PENDING', $4, now())`, id, p.ID, amount, storeID)
	require.NoError(e.t, err)
	_, err = e.d.DB.Exec(ctx, `UPDATE payments SET refunding_paise = refunding_paise + $2 WHERE id = $1`, p.ID, amount)
	require.NoError(e.t, err)
	body, _ := json.Marshal(map[string]any{"entity": "event", "event": "refund.processed", "payload": map[string]any{
		"refund": map[string]any{"entity": map[string]any{"id": "rfnd_" + id[24:], "payment_id": p.ProviderPaymentID,
			"amount": amount, "notes": map[string]any{"refund_id": id}}}}})
	status, out := e.sandboxWebhook("evt_"+id, body)
	require.Equal(e.t, 200, status, out)
	require.Equal(e.t, 1, e.count(`SELECT count(*) FROM refunds WHERE id = $1 AND status = 'PROCESSED'`, id))
	return id
}

// entries returns a fulfilment's entries as kind(/refund) → amount.
func (e *env) entries(orderID, storeID string) map[string]int64 {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(), `SELECT e.kind || CASE WHEN e.refund_id IS NULL THEN '' ELSE '/R' END,
		sum(e.amount_paise) FROM ledger_entries e JOIN ledger_sales s USING (fulfilment_id)
		WHERE s.order_id = $1 AND s.store_id = $2 GROUP BY 1`, orderID, storeID)
	require.NoError(e.t, err)
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var v int64
		require.NoError(e.t, rows.Scan(&k, &v))
		out[k] = v
	}
	return out
}

func (e *env) sum(sql string, args ...any) int64 {
	e.t.Helper()
	var n int64
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n), sql)
	return n
}

const settlementsQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Store {
	settlements(first: 100) { totalCount edges { node { id payoutAmount { paise } grossSales { paise } commission { paise }
		commissionGst { paise } tcs { paise } fees { paise } refunds { paise } status statementCsv
		entries { id kind amount { paise } refundId orderNumber } } } }
	settlementBalance { pending { paise } payable { paise } paidOut { paise } } } } }`

type settlementView struct {
	ID                                                                      string
	PayoutAmount, GrossSales, Commission, CommissionGst, Tcs, Fees, Refunds struct{ Paise int64 }
	Status, StatementCsv                                                    string
	Entries                                                                 []struct {
		ID, Kind, OrderNumber string
		RefundID              *string
		Amount                struct{ Paise int64 }
	}
}

type storeMoney struct {
	Settlements *struct {
		TotalCount int
		Edges      []struct{ Node settlementView }
	}
	SettlementBalance *struct{ Pending, Payable, PaidOut struct{ Paise int64 } }
}

// storeMoneyAs reads Store.settlements and settlementBalance through _entities as authz.
func (e *env) storeMoneyAs(authz, storeID string) (*storeMoney, servicetest.Response) {
	e.t.Helper()
	var out struct {
		Entities []*storeMoney `json:"_entities"`
	}
	resp := e.do(authz, settlementsQuery, map[string]any{"r": []map[string]any{{"__typename": "Store", "id": storeID}}}, &out)
	if len(out.Entities) == 0 {
		return nil, resp
	}
	return out.Entities[0], resp
}

const runSettlementMutation = `mutation { runSettlement { id cutoff resumed payouts } }`

type runView struct {
	ID      string
	Resumed bool
	Payouts int
}

func (e *env) runSettlement(authz string) (runView, servicetest.Response) {
	e.t.Helper()
	var out struct{ RunSettlement runView }
	resp := e.do(authz, runSettlementMutation, nil, &out)
	return out.RunSettlement, resp
}

// checkIdentity checks, for each store, sales − commission − GST on
// commission − TCS − fees − refunds (the ledger, by kind) = payouts (the
// payout rows) + pending (what is not paid out), to the paisa, and that the
// API's balance and settlements say the same.
func (e *env) checkIdentity(stores ...string) {
	e.t.Helper()
	for _, s := range stores {
		var sales, commission, gst, tcs, fees, refunds int64
		require.NoError(e.t, e.d.DB.QueryRow(context.Background(), `SELECT
			coalesce(sum(amount_paise) FILTER (WHERE kind = 'SALE'), 0),
			coalesce(-sum(amount_paise) FILTER (WHERE kind = 'COMMISSION'), 0),
			coalesce(-sum(amount_paise) FILTER (WHERE kind = 'COMMISSION_GST'), 0),
			coalesce(-sum(amount_paise) FILTER (WHERE kind = 'TCS'), 0),
			coalesce(-sum(amount_paise) FILTER (WHERE kind = 'GATEWAY_FEE'), 0),
			coalesce(-sum(amount_paise) FILTER (WHERE kind = 'REFUND'), 0)
			FROM ledger_entries WHERE store_id = $1`, s).Scan(&sales, &commission, &gst, &tcs, &fees, &refunds))
		payouts := e.sum(`SELECT coalesce(sum(amount_paise), 0) FROM settlement_payouts WHERE store_id = $1`, s)
		pending := e.sum(`SELECT coalesce(sum(amount_paise), 0) FROM ledger_entries WHERE store_id = $1 AND payout_id IS NULL`, s)
		require.Equal(e.t, sales-commission-gst-tcs-fees-refunds, payouts+pending, "store %s", s)

		// Every payout is the sum of the entries it settled.
		require.Zero(e.t, e.count(`SELECT count(*) FROM settlement_payouts p WHERE p.store_id = $1 AND p.amount_paise <>
			(SELECT sum(amount_paise) FROM ledger_entries e WHERE e.payout_id = p.id)`, s), "store %s", s)

		m, resp := e.storeMoneyAs(e.token(admin, "ADMIN", "settlements:manage"), s)
		ok(e.t, resp)
		b := m.SettlementBalance
		require.Equal(e.t, payouts, b.PaidOut.Paise)
		require.Equal(e.t, pending, b.Pending.Paise+b.Payable.Paise)
		var paid int64
		for _, ed := range m.Settlements.Edges {
			n := ed.Node
			paid += n.PayoutAmount.Paise
			require.Equal(e.t, n.PayoutAmount.Paise, n.GrossSales.Paise-n.Commission.Paise-n.CommissionGst.Paise-n.Tcs.Paise-n.Fees.Paise-n.Refunds.Paise)
			var entries int64
			for _, en := range n.Entries {
				entries += en.Amount.Paise
			}
			require.Equal(e.t, n.PayoutAmount.Paise, entries)
		}
		require.Equal(e.t, payouts, paid)
	}
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func (e *env) str(sql string, args ...any) string {
	e.t.Helper()
	var s string
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&s), sql)
	return s
}
