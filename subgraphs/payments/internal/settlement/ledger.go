package settlement

import (
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Kind is what a ledger entry records. Each entry is one posting between the
// store's account and the counter-account its kind names (docs/settlements.md):
// SALE credits the store from the buyers' receipts; COMMISSION,
// COMMISSION_GST, TCS and GATEWAY_FEE debit it to the marketplace's
// commission income, its GST output tax, TCS payable to the government and
// the gateway; REFUND debits it to the buyers' refunds. A refund's reversal
// of commission, its GST and TCS is an entry of the same kind with the
// opposite sign, carrying the refund's id.
type Kind string

const (
	KindSale          Kind = "SALE"
	KindCommission    Kind = "COMMISSION"
	KindCommissionGST Kind = "COMMISSION_GST"
	KindTCS           Kind = "TCS"
	KindFee           Kind = "GATEWAY_FEE"
	KindRefund        Kind = "REFUND"
)

// Policy is the marketplace's configured charges.
type Policy struct {
	// DefaultCommission applies to a line none of whose categories has a rate.
	DefaultCommission Rate
	// CommissionGST is GST on the commission (18 %).
	CommissionGST Rate
	// TCS is tax collected at source under section 52 of the CGST Act, on
	// the net taxable value (0.5 %).
	TCS Rate
	// PrepaidFee is the gateway's fee on UPI, card and net-banking sales
	// (2 %); CODFee on cash on delivery (0: no gateway is involved).
	PrepaidFee, CODFee Rate
}

// DefaultPolicy is the configuration's default.
var DefaultPolicy = Policy{DefaultCommission: 1000, CommissionGST: 1800, TCS: 50, PrepaidFee: 200, CODFee: 0}

// Line is a delivered line of the store's fulfilment.
type Line struct {
	LineTotal int64 // what the buyer paid for the line, GST included
	GST       int64 // the GST in LineTotal
	// CategoryIDs, nearest first: the first one with a rate sets the commission.
	CategoryIDs []string
}

// Delivery is order.fulfilment_changed with to = DELIVERED.
type Delivery struct {
	FulfilmentID, OrderID, StoreID, OrderNumber string
	Method                                      string // UPI, CARD, NETBANKING or COD
	Amount                                      int64  // the sum of the lines' totals
	DeliveredAt                                 time.Time
	// ReturnWindowEndsAt: the entries become payable then (at delivery when nil).
	ReturnWindowEndsAt *time.Time
	Lines              []Line
}

// Validate refuses a delivery the ledger cannot record exactly.
func (d Delivery) Validate() error {
	for name, id := range map[string]string{"fulfilmentId": d.FulfilmentID, "orderId": d.OrderID, "storeId": d.StoreID} {
		if _, err := uuid.Parse(id); err != nil {
			return fmt.Errorf("delivery: %s %q is not a UUID", name, id)
		}
	}
	switch d.Method {
	case "UPI", "CARD", "NETBANKING", "COD":
	default:
		return fmt.Errorf("delivery %s: unknown payment method %q", d.FulfilmentID, d.Method)
	}
	if len(d.Lines) == 0 || d.DeliveredAt.IsZero() {
		return fmt.Errorf("delivery %s: no lines or no time", d.FulfilmentID)
	}
	var sum int64
	for _, l := range d.Lines {
		if l.LineTotal < 0 || l.GST < 0 || l.GST > l.LineTotal {
			return fmt.Errorf("delivery %s: line total %d with GST %d", d.FulfilmentID, l.LineTotal, l.GST)
		}
		sum += l.LineTotal
	}
	if sum != d.Amount {
		return fmt.Errorf("delivery %s: amount %d is not the sum of its lines %d", d.FulfilmentID, d.Amount, sum)
	}
	return nil
}

// Sale is a delivered fulfilment as the ledger records it.
type Sale struct {
	FulfilmentID, OrderID, StoreID, OrderNumber, Method string
	Amount        int64 // the sale
	LineGST       int64 // GST of the lines (not the marketplace's)
	Commission    int64
	CommissionGST int64
	TCS           int64
	Fee           int64
	DeliveredAt   time.Time
	PayableAt     time.Time
}

// Sale computes what the delivery earns and costs the store. rates holds
// the commission rate of every category that has one. Rounding (half up,
// to the paisa): commission per line, then summed; GST on the commission's
// total; TCS on the total net taxable value; the fee on the sale.
func (p Policy) Sale(d Delivery, rates map[string]Rate) Sale {
	s := Sale{FulfilmentID: d.FulfilmentID, OrderID: d.OrderID, StoreID: d.StoreID, OrderNumber: d.OrderNumber,
		Method: d.Method, Amount: d.Amount, DeliveredAt: d.DeliveredAt, PayableAt: d.DeliveredAt}
	if d.ReturnWindowEndsAt != nil && d.ReturnWindowEndsAt.After(d.DeliveredAt) {
		s.PayableAt = *d.ReturnWindowEndsAt
	}
	for _, l := range d.Lines {
		s.LineGST += l.GST
		s.Commission += p.CommissionRate(l.CategoryIDs, rates).Of(l.LineTotal)
	}
	s.CommissionGST = p.CommissionGST.Of(s.Commission)
	s.TCS = p.TCS.Of(s.Amount - s.LineGST)
	fee := p.PrepaidFee
	if d.Method == "COD" {
		fee = p.CODFee
	}
	s.Fee = fee.Of(s.Amount)
	return s
}

// CommissionRate is the rate of the first of categoryIDs that has one, else the default.
func (p Policy) CommissionRate(categoryIDs []string, rates map[string]Rate) Rate {
	for _, c := range categoryIDs {
		if r, ok := rates[c]; ok {
			return r
		}
	}
	return p.DefaultCommission
}

// Entry is one posting of the ledger. Amount is signed from the store's
// side: positive credits the store (it is owed more), negative debits it.
type Entry struct {
	Kind   Kind
	Amount int64
	// RefundID is set on a refund and on the reversals it causes.
	RefundID  string
	PayableAt time.Time
}

// Entries are the sale's postings; zero amounts are left out.
func (s Sale) Entries() []Entry {
	return nonZero([]Entry{
		{Kind: KindSale, Amount: s.Amount},
		{Kind: KindCommission, Amount: -s.Commission},
		{Kind: KindCommissionGST, Amount: -s.CommissionGST},
		{Kind: KindTCS, Amount: -s.TCS},
		{Kind: KindFee, Amount: -s.Fee},
	}, s.PayableAt)
}

// Refund is a PROCESSED refund of the store's lines.
type Refund struct {
	ID          string
	Amount      int64
	ProcessedAt time.Time
}

// Reversal is what refund r costs the store, given the paise of refunds
// already recorded against the sale (earlier): the refund itself, and back
// the same share of the commission, its GST and TCS. Shares are cumulative —
// round(total × refunded so far / sale) minus what earlier refunds reversed —
// so any sequence of refunds adding up to the sale reverses them exactly.
// Refunds beyond the sale reverse nothing more. The gateway keeps its fee.
// The entries are payable with the sale, or at once when the sale is already
// payable.
func (s Sale) Reversal(earlier int64, r Refund) []Entry {
	prev := min(max(earlier, 0), s.Amount)
	cum := min(prev+r.Amount, s.Amount)
	share := func(total int64) int64 {
		if s.Amount == 0 {
			return 0
		}
		return mulDiv(total, cum, s.Amount) - mulDiv(total, prev, s.Amount)
	}
	es := nonZero([]Entry{
		{Kind: KindRefund, Amount: -r.Amount},
		{Kind: KindCommission, Amount: share(s.Commission)},
		{Kind: KindCommissionGST, Amount: share(s.CommissionGST)},
		{Kind: KindTCS, Amount: share(s.TCS)},
	}, s.PayableAt)
	for i := range es {
		es[i].RefundID = r.ID
		if r.ProcessedAt.After(s.PayableAt) {
			es[i].PayableAt = r.ProcessedAt
		}
	}
	return es
}

func nonZero(es []Entry, payableAt time.Time) []Entry {
	out := es[:0]
	for _, e := range es {
		if e.Amount != 0 {
			e.PayableAt = payableAt
			out = append(out, e)
		}
	}
	return out
}
