package invoice

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	seller   = Party{Name: "TechHub", GSTIN: "29ABCDE1234F1Z5", Address: Address{Line1: "1 MG Road", City: "Bengaluru", State: "KARNATAKA", PinCode: "560001"}}
	buyerKA  = Party{Name: "Rahul Sharma", Address: Address{Line1: "12 Residency Road", City: "Bengaluru", State: "KARNATAKA", PinCode: "560025"}}
	buyerMH  = Party{Name: "Rahul Sharma", Address: Address{Line1: "4 Marine Drive", City: "Mumbai", State: "MAHARASHTRA", PinCode: "400002"}}
	iphone   = Item{OrderItemID: "i1", Title: "Apple iPhone 15 (Black, 128 GB)", HSN: "8517", Quantity: 1, RatePercent: 18, GST: 11_992_37, Total: 78_616_00}
	earbuds  = Item{OrderItemID: "i2", Title: "Galaxy Buds", HSN: "8518", Quantity: 2, RatePercent: 18, GST: 1_525_43, Total: 9_999_99}
	oddPaise = Item{OrderItemID: "i3", Title: "Cable", HSN: "8544", Quantity: 3, RatePercent: 18, GST: 45_77, Total: 299_99}
)

func TestWithinAStateGSTIsHalfCentralHalfStateAndAddsUp(t *testing.T) {
	inv, err := Issue(seller, buyerKA, []Item{iphone, earbuds, oddPaise})
	require.NoError(t, err)
	assert.False(t, inv.Interstate)
	assert.Equal(t, "KARNATAKA", inv.PlaceOfSupply)
	for _, l := range inv.Lines {
		assert.Zero(t, l.IGST)
		assert.LessOrEqual(t, l.SGST-l.CGST, int64(1), "the odd paisa goes to SGST")
		assert.Equal(t, l.Total, l.Taxable+l.CGST+l.SGST, l.OrderItemID)
	}
	assert.Equal(t, iphone.Total+earbuds.Total+oddPaise.Total, inv.Total, "the invoice restates the order lines")
	assert.Equal(t, iphone.GST+earbuds.GST+oddPaise.GST, inv.CGST+inv.SGST)
	assert.Equal(t, inv.Total, inv.Taxable+inv.CGST+inv.SGST)
}

func TestAcrossStatesGSTIsIntegrated(t *testing.T) {
	inv, err := Issue(seller, buyerMH, []Item{iphone})
	require.NoError(t, err)
	assert.True(t, inv.Interstate)
	assert.Equal(t, iphone.GST, inv.IGST)
	assert.Zero(t, inv.CGST+inv.SGST)
	assert.Equal(t, iphone.Total-iphone.GST, inv.Taxable)
}

func TestInconsistentLinesAndEmptyInvoicesAreRefused(t *testing.T) {
	_, err := Issue(seller, buyerKA, nil)
	require.ErrorIs(t, err, ErrNothingToInvoice)
	bad := iphone
	bad.GST = bad.Total + 1
	_, err = Issue(seller, buyerKA, []Item{bad})
	require.Error(t, err)
}

func TestCreditNotesNeverExceedTheInvoiceAndAddUpExactly(t *testing.T) {
	inv, err := Issue(seller, buyerKA, []Item{iphone, earbuds, oddPaise})
	require.NoError(t, err)
	inv.ID, inv.Number = "inv-1", "TH/26-27/000001"

	// A return names its line: only that line is credited, tax in its own proportion.
	cn, err := CreditNoteFor(inv, earbuds.Total, []Credit{{OrderItemID: "i2", Quantity: 2, Amount: earbuds.Total}}, nil)
	require.NoError(t, err)
	require.Len(t, cn.Lines, 1)
	assert.Equal(t, inv.Lines[1].Taxable, cn.Taxable)
	assert.Equal(t, inv.Lines[1].CGST, cn.CGST)
	assert.Equal(t, "TH/26-27/000001", cn.OriginalNumber)
	credited := map[string]int64{"i2": earbuds.Total}

	// Plain refunds are spread by what is left, exactly, and capped at what is left.
	var total int64 = cn.Total
	for _, amount := range []int64{1_000_01, 33_33, 10_000_000_00} {
		cn, err := CreditNoteFor(inv, amount, nil, credited)
		require.NoError(t, err)
		assert.Equal(t, min(amount, inv.Total-total), cn.Total)
		for _, l := range cn.Lines {
			assert.Equal(t, l.Total, l.Taxable+l.CGST+l.SGST)
			credited[l.OrderItemID] += l.Total
		}
		total += cn.Total
	}
	assert.Equal(t, inv.Total, total, "the credit notes add up to the invoice")
	_, err = CreditNoteFor(inv, 1, nil, credited)
	require.ErrorIs(t, err, ErrNothingToCredit)
}

func TestApportionIsExact(t *testing.T) {
	for _, c := range []struct {
		amount  int64
		weights []int64
	}{{100, []int64{1, 1, 1}}, {1, []int64{5, 5}}, {999_99, []int64{78_616_00, 9_999_99, 299_99}}, {0, []int64{1}}, {7, []int64{0, 3}}} {
		parts := Apportion(c.amount, c.weights)
		var sum int64
		for i, p := range parts {
			sum += p
			if c.weights[i] == 0 {
				assert.Zero(t, p)
			}
		}
		assert.Equal(t, c.amount, sum, "%v", c)
	}
}

func TestNumbersFollowTheFinancialYearAndStayWithin16Characters(t *testing.T) {
	assert.Equal(t, "2026-27", FinancialYear(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, "2026-27", FinancialYear(time.Date(2027, 3, 31, 18, 0, 0, 0, time.UTC)), "still 31 March in IST")
	assert.Equal(t, "2027-28", FinancialYear(time.Date(2027, 3, 31, 18, 31, 0, 0, time.UTC)), "1 April in IST")
	assert.Equal(t, "TH", Prefix("TechHub"))
	assert.Equal(t, "SWA", Prefix("SoundWave Audio"))
	assert.Equal(t, "GM", Prefix("gadget mart"))
	assert.Equal(t, "ZX", Prefix("z"))
	assert.Equal(t, "TH/26-27/000042", Number(TaxInvoice, "TH", "2026-27", 42))
	for _, n := range []string{Number(TaxInvoice, "SWA", "2026-27", 999_999), Number(CreditNote, "SWA", "2026-27", 99_999)} {
		assert.LessOrEqual(t, len(n), 16, n)
	}
}
