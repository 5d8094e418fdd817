package invoice

import (
	"errors"
	"fmt"
)

// Item is an order line of the store, as stored at checkout: its total
// (GST included, after its discounts, the coupon's share among them) and the
// GST in it. Invoices never re-price: they restate these figures.
type Item struct {
	OrderItemID string
	Title       string
	SKU         string
	HSN         string
	Quantity    int
	RatePercent float64
	GST         int64
	Total       int64
}

// ErrNothingToInvoice: a store with no lines in the order.
var ErrNothingToInvoice = errors.New("invoice: no lines to invoice")

// Issue drafts the tax invoice of a store's lines (number, id and time are
// given by the store when it allocates them). Interstate when the seller's
// state differs from the place of supply (the buyer's state).
func Issue(seller, buyer Party, items []Item) (Invoice, error) {
	if len(items) == 0 {
		return Invoice{}, ErrNothingToInvoice
	}
	inv := Invoice{Kind: TaxInvoice, Seller: seller, Buyer: buyer, PlaceOfSupply: buyer.Address.State,
		Interstate: seller.Address.State != buyer.Address.State}
	for _, it := range items {
		if it.Total < 0 || it.GST < 0 || it.GST > it.Total || it.Quantity <= 0 {
			return Invoice{}, fmt.Errorf("invoice: inconsistent line %s", it.OrderItemID)
		}
		inv.Lines = append(inv.Lines, line(it.OrderItemID, describe(it), it.HSN, it.Quantity, it.RatePercent,
			it.Total-it.GST, it.GST, inv.Interstate))
	}
	inv.sum()
	return inv, nil
}

func describe(it Item) string {
	if it.SKU == "" {
		return it.Title
	}
	return it.Title + " (" + it.SKU + ")"
}

// line splits a line's GST: all IGST across states; within a state half
// CGST and half SGST, the odd paisa to SGST, so the parts add up exactly.
func line(id, desc, hsn string, qty int, rate float64, taxable, gst int64, interstate bool) Line {
	l := Line{OrderItemID: id, Description: desc, HSN: hsn, Quantity: qty, RatePercent: rate,
		Taxable: taxable, Total: taxable + gst}
	if interstate {
		l.IGST = gst
	} else {
		l.CGST = gst / 2
		l.SGST = gst - l.CGST
	}
	return l
}

func (inv *Invoice) sum() {
	inv.Taxable, inv.CGST, inv.SGST, inv.IGST, inv.Total = 0, 0, 0, 0, 0
	for _, l := range inv.Lines {
		inv.Taxable += l.Taxable
		inv.CGST += l.CGST
		inv.SGST += l.SGST
		inv.IGST += l.IGST
		inv.Total += l.Total
	}
}

// Credit is the part of a refund that concerns one invoice line (a return
// names its lines; a plain refund of an amount does not).
type Credit struct {
	OrderItemID string
	Quantity    int
	Amount      int64
}

// ErrNothingToCredit: the invoice is already credited in full.
var ErrNothingToCredit = errors.New("invoice: nothing left to credit")

// CreditNoteFor drafts the credit note of a refund of amount against inv,
// given what earlier credit notes already credited per line
// (OrderItemID → paise). With credits (a return) each named line is
// credited its amount; otherwise the amount is spread over the lines in
// proportion to what is left of each (largest remainder, exact to the
// paisa). Never more than is left: a refund beyond the invoice (e.g. the
// shipping fee, which the store did not invoice) credits what is left.
// Each credited amount is split into taxable value and GST in the line's
// own proportion.
func CreditNoteFor(inv Invoice, amount int64, credits []Credit, credited map[string]int64) (Invoice, error) {
	left := make([]int64, len(inv.Lines))
	var totalLeft int64
	for i, l := range inv.Lines {
		left[i] = max(l.Total-credited[l.OrderItemID], 0)
		totalLeft += left[i]
	}
	if totalLeft == 0 || amount <= 0 {
		return Invoice{}, ErrNothingToCredit
	}
	parts := make([]int64, len(inv.Lines))
	qty := make([]int, len(inv.Lines))
	if len(credits) > 0 {
		for _, c := range credits {
			for i, l := range inv.Lines {
				if l.OrderItemID == c.OrderItemID {
					parts[i] += min(c.Amount, left[i]-parts[i])
					qty[i] += c.Quantity
				}
			}
		}
	} else {
		parts = Apportion(min(amount, totalLeft), left)
	}
	cn := Invoice{Kind: CreditNote, Seller: inv.Seller, Buyer: inv.Buyer, PlaceOfSupply: inv.PlaceOfSupply,
		Interstate: inv.Interstate, OriginalID: inv.ID, OriginalNumber: inv.Number, StoreID: inv.StoreID,
		OrderID: inv.OrderID, OrderNumber: inv.OrderNumber}
	for i, l := range inv.Lines {
		if parts[i] <= 0 {
			continue
		}
		gst := share(l.CGST+l.SGST+l.IGST, parts[i], l.Total)
		q := qty[i]
		if q == 0 {
			q = l.Quantity
		}
		cn.Lines = append(cn.Lines, line(l.OrderItemID, l.Description, l.HSN, q, l.RatePercent, parts[i]-gst, gst, inv.Interstate))
	}
	if len(cn.Lines) == 0 {
		return Invoice{}, ErrNothingToCredit
	}
	cn.sum()
	return cn, nil
}

// share is part/whole of x, rounded half up.
func share(x, part, whole int64) int64 {
	if whole == 0 {
		return 0
	}
	return (x*part*2 + whole) / (whole * 2)
}

// Apportion splits amount over weights in proportion, exactly: each gets
// its floor and the paise left go to the largest remainders (earliest first
// on ties). The parts add up to amount.
func Apportion(amount int64, weights []int64) []int64 {
	parts := make([]int64, len(weights))
	var total int64
	for _, w := range weights {
		total += w
	}
	if total == 0 {
		return parts
	}
	rem := make([]int64, len(weights))
	var given int64
	for i, w := range weights {
		parts[i] = amount * w / total
		rem[i] = amount * w % total
		given += parts[i]
	}
	for ; given < amount; given++ {
		best := -1
		for i := range rem {
			if weights[i] > 0 && (best < 0 || rem[i] > rem[best]) {
				best = i
			}
		}
		parts[best]++
		rem[best] = -1
	}
	return parts
}
