package settlement

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"time"
)

// Totals are a set of entries by kind, each as a positive figure net of
// reversals (commission = charged − reversed by refunds).
type Totals struct {
	Sales, Commission, CommissionGST, TCS, Fees, Refunds int64
}

// Add counts entry e.
func (t *Totals) Add(e Entry) {
	switch e.Kind {
	case KindSale:
		t.Sales += e.Amount
	case KindCommission:
		t.Commission -= e.Amount
	case KindCommissionGST:
		t.CommissionGST -= e.Amount
	case KindTCS:
		t.TCS -= e.Amount
	case KindFee:
		t.Fees -= e.Amount
	case KindRefund:
		t.Refunds -= e.Amount
	}
}

// Net is what the entries owe the store: sales − commission − GST on the
// commission − TCS − fees − refunds, which is the sum of their amounts.
func (t Totals) Net() int64 {
	return t.Sales - t.Commission - t.CommissionGST - t.TCS - t.Fees - t.Refunds
}

// Payable reports whether a store with these payable entries is paid now:
// only a positive balance is paid; a negative one (refunds after an earlier
// payout) waits for later sales to cover it.
func (t Totals) Payable() bool { return t.Net() > 0 }

// StatementLine is one entry of a payout's statement.
type StatementLine struct {
	EntryID, FulfilmentID, OrderNumber, RefundID string
	Kind                                         Kind
	Amount                                       int64
	CreatedAt, PayableAt                         time.Time
}

// StatementHeader is the CSV's first row.
var StatementHeader = []string{"entry_id", "created_at", "payable_at", "order_number", "fulfilment_id", "kind", "refund_id", "amount_paise", "amount_inr"}

// StatementCSV renders a payout's entries as CSV (RFC 4180, UTC times,
// signed amounts from the store's side) followed by a TOTAL row.
func StatementCSV(lines []StatementLine) (string, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(StatementHeader)
	var total int64
	for _, l := range lines {
		total += l.Amount
		_ = w.Write([]string{l.EntryID, l.CreatedAt.UTC().Format(time.RFC3339), l.PayableAt.UTC().Format(time.RFC3339),
			l.OrderNumber, l.FulfilmentID, string(l.Kind), l.RefundID, strconv.FormatInt(l.Amount, 10), Rupees(l.Amount)})
	}
	_ = w.Write([]string{"TOTAL", "", "", "", "", "", "", strconv.FormatInt(total, 10), Rupees(total)})
	w.Flush()
	if err := w.Error(); err != nil {
		return "", fmt.Errorf("statement csv: %w", err)
	}
	return b.String(), nil
}

// Rupees formats paise as a plain decimal ("-1234.05"), for spreadsheets.
func Rupees(p int64) string {
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	return fmt.Sprintf("%s%d.%02d", sign, p/100, p%100)
}

// Payout is what one settlement run pays one store: the sums of the entries
// it settled, by kind.
type Payout struct {
	ID, RunID, StoreID     string
	PeriodStart, PeriodEnd time.Time
	Totals                 Totals
	Amount                 int64 // Totals.Net()
	EntryCount             int
	Status                 string // SCHEDULED: computed and settled; the bank transfer is made by finance
	CreatedAt              time.Time
}

// NewPayout is the payout of a store's payable entries, or false when they
// do not add up to a positive amount (they wait for a later run).
func NewPayout(id, runID, storeID string, periodStart, periodEnd time.Time, es []Entry, at time.Time) (Payout, bool) {
	var t Totals
	for _, e := range es {
		t.Add(e)
	}
	if len(es) == 0 || !t.Payable() {
		return Payout{}, false
	}
	return Payout{ID: id, RunID: runID, StoreID: storeID, PeriodStart: periodStart, PeriodEnd: periodEnd, Totals: t,
		Amount: t.Net(), EntryCount: len(es), Status: "SCHEDULED", CreatedAt: at}, true
}

// Run is one settlement run.
type Run struct {
	ID     string
	Cutoff time.Time // entries payable by then are paid
}

// Balance is a store's position: Pending (not payable yet: the return
// window is open), Payable (payable, not paid yet) and PaidOut (all
// payouts). Pending + Payable + PaidOut is the sum of the store's entries.
type Balance struct {
	Pending, Payable, PaidOut int64
}

// CommissionRate is a category's configured rate.
type CommissionRate struct {
	CategoryID string
	Rate       Rate
	UpdatedBy  string
	UpdatedAt  time.Time
}
