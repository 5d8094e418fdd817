package settlement

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var (
	mobiles = "01937a00-0000-7000-8004-000000000001"
	earbuds = "01937a00-0000-7000-8004-000000000002"
	audio   = "01937a00-0000-7000-8004-000000000003"
	t0      = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
)

func delivery(method string, lines ...Line) Delivery {
	d := Delivery{FulfilmentID: "01937a00-0000-7000-8005-000000000001", OrderID: "01937a00-0000-7000-8006-000000000001",
		StoreID: "01937a00-0000-7000-8003-000000000001", OrderNumber: "PUR-2026-000001", Method: method, DeliveredAt: t0, Lines: lines}
	for _, l := range lines {
		d.Amount += l.LineTotal
	}
	return d
}

// The amounts of one delivery, to the paisa: commission per line at the
// first category with a rate (else the default), half up; GST 18 % of the
// commission's total; TCS 0.5 % of sale − the lines' GST; the fee 2 % of a
// prepaid sale and 0 for cash on delivery.
func TestSale_amounts(t *testing.T) {
	t.Parallel()
	rates := map[string]Rate{mobiles: 500, audio: 1250}
	d := delivery("UPI",
		Line{LineTotal: 129900, GST: 19815, CategoryIDs: []string{mobiles}},
		Line{LineTotal: 2999, GST: 457, CategoryIDs: []string{earbuds, audio}}, // earbuds has no rate: audio's
		Line{LineTotal: 1001, GST: 153, CategoryIDs: []string{earbuds}},        // none: default 10 %
	)
	require.NoError(t, d.Validate())
	s := DefaultPolicy.Sale(d, rates)
	require.Equal(t, int64(133900), s.Amount)
	require.Equal(t, int64(6495+375+100), s.Commission) // 6495.00 + 374.875↑ + 100.1↓
	require.Equal(t, int64(1255), s.CommissionGST)      // 18 % of 6970 = 1254.6
	require.Equal(t, int64(567), s.TCS)                 // 0.5 % of (133900 − 20425) = 567.375
	require.Equal(t, int64(2678), s.Fee)                // 2 % of 133900
	require.Equal(t, t0, s.PayableAt, "no return window: payable at delivery")
	var tot Totals
	for _, e := range s.Entries() {
		tot.Add(e)
	}
	require.Equal(t, Totals{Sales: 133900, Commission: 6970, CommissionGST: 1255, TCS: 567, Fees: 2678}, tot)
	require.Equal(t, int64(133900-6970-1255-567-2678), tot.Net())

	cod := DefaultPolicy.Sale(delivery("COD", Line{LineTotal: 50000, GST: 7627}), nil)
	require.Zero(t, cod.Fee)
	require.Len(t, cod.Entries(), 4, "the zero fee is not an entry")
}

// Half up: 0.5 paisa rounds to 1, 0.49 to 0; products beyond 64 bits stay exact.
func TestRate_roundsHalfUp(t *testing.T) {
	t.Parallel()
	require.Equal(t, int64(1), Rate(5000).Of(1))
	require.Equal(t, int64(0), Rate(4900).Of(1))
	require.Equal(t, int64(3), Rate(1250).Of(20)) // 2.5 → 3
	require.Equal(t, int64(922337203685477580), Rate(Hundred).Of(922337203685477580))
}

func TestParsePercent(t *testing.T) {
	t.Parallel()
	for in, want := range map[float64]Rate{0: 0, 12.5: 1250, 0.07: 7, 99.99: 9999, 100: 10000, 18.1: 1810} {
		r, err := ParsePercent(in)
		require.NoError(t, err, in)
		require.Equal(t, want, r, in)
	}
	for _, in := range []float64{-0.01, 100.01, 12.345, 0.001, math.NaN(), math.Inf(1)} {
		_, err := ParsePercent(in)
		var ie *InputError
		require.True(t, errors.As(err, &ie), "%v: %v", in, err)
		require.Equal(t, "percent", ie.Field)
	}
}

// Refunds reverse the commission, its GST and TCS in proportion, cumulatively:
// refunds adding up to the sale reverse exactly what was charged; the fee stays.
func TestSale_reversalsAddUp(t *testing.T) {
	t.Parallel()
	s := DefaultPolicy.Sale(delivery("CARD", Line{LineTotal: 132899, GST: 20272}), nil)
	require.Equal(t, int64(13290), s.Commission) // 10 % default
	require.Equal(t, int64(2392), s.CommissionGST)
	require.Equal(t, int64(563), s.TCS) // 0.5 % of 112627 = 563.135
	require.Equal(t, int64(2658), s.Fee)
	var tot Totals
	for _, e := range s.Entries() {
		tot.Add(e)
	}
	var earlier int64
	for i, amount := range []int64{2999, 50000, 79900} {
		es := s.Reversal(earlier, Refund{ID: "r" + string(rune('0'+i)), Amount: amount, ProcessedAt: t0})
		for _, e := range es {
			require.Equal(t, "r"+string(rune('0'+i)), e.RefundID)
			tot.Add(e)
		}
		if i == 0 {
			require.Equal(t, []Entry{{KindRefund, -2999, "r0", t0}, {KindCommission, 300, "r0", t0}, // 13290 × 2999/132899 = 299.90
				{KindCommissionGST, 54, "r0", t0}, {KindTCS, 13, "r0", t0}}, es) // GST 2392 × … = 53.98; TCS 563 × … = 12.70
		}
		earlier += amount
	}
	require.Equal(t, Totals{Sales: 132899, Refunds: 132899, Fees: s.Fee}, tot, "everything but the gateway's fee is reversed")
	require.Equal(t, -s.Fee, tot.Net())

	// A refund beyond the sale reverses nothing more; a late refund is payable when processed.
	late := t0.Add(30 * 24 * time.Hour)
	es := s.Reversal(132899, Refund{ID: "x", Amount: 100, ProcessedAt: late})
	require.Equal(t, []Entry{{KindRefund, -100, "x", late}}, es)
}

func TestDelivery_validate(t *testing.T) {
	t.Parallel()
	d := delivery("UPI", Line{LineTotal: 100, GST: 15})
	d.Amount = 99
	require.ErrorContains(t, d.Validate(), "sum of its lines")
	d = delivery("BITCOIN", Line{LineTotal: 100})
	require.ErrorContains(t, d.Validate(), "method")
	d = delivery("UPI", Line{LineTotal: 100, GST: 101})
	require.Error(t, d.Validate())
	d = delivery("UPI")
	require.Error(t, d.Validate())
	d = delivery("UPI", Line{LineTotal: 100})
	d.StoreID = "nope"
	require.ErrorContains(t, d.Validate(), "storeId")
}

func TestStatementCSV(t *testing.T) {
	t.Parallel()
	out, err := StatementCSV([]StatementLine{
		{EntryID: "e1", FulfilmentID: "f1", OrderNumber: "PUR-2026-000001", Kind: KindSale, Amount: 129900, CreatedAt: t0, PayableAt: t0},
		{EntryID: "e2", FulfilmentID: "f1", OrderNumber: "PUR-2026-000001", Kind: KindRefund, RefundID: "r1", Amount: -1005, CreatedAt: t0, PayableAt: t0},
	})
	require.NoError(t, err)
	require.Equal(t, strings.Join([]string{
		strings.Join(StatementHeader, ","),
		"e1,2026-12-01T10:00:00Z,2026-12-01T10:00:00Z,PUR-2026-000001,f1,SALE,,129900,1299.00",
		"e2,2026-12-01T10:00:00Z,2026-12-01T10:00:00Z,PUR-2026-000001,f1,REFUND,r1,-1005,-10.05",
		"TOTAL,,,,,,,128895,1288.95", ""}, "\n"), out)
}
