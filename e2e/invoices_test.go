package e2e

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const techHubStore = "01937a00-0000-7000-8000-0000000000a1"

type e2eInvoice struct {
	ID, Number, Kind, PlaceOfSupply, PdfURL, TotalInWords string
	Interstate                                            bool
	CreditedInvoiceNumber                                 *string
	Store                                                 struct{ ID string }
	Total, Cgst, Sgst, Igst, TaxableValue                 money
	Lines                                                 []struct {
		HsnCode  string
		Quantity int
		Total    money
	}
}

const e2eInvoiceFields = `id number kind placeOfSupply pdfUrl totalInWords interstate creditedInvoiceNumber store { id }
	total { paise } cgst { paise } sgst { paise } igst { paise } taxableValue { paise } lines { hsnCode quantity total { paise } }`

func orderInvoices(t *testing.T, c client, orderID string) []e2eInvoice {
	t.Helper()
	var out struct {
		Order struct{ Invoices []e2eInvoice }
	}
	c.must(t, `query($id: ID!) { order(id: $id) { invoices { `+e2eInvoiceFields+` } } }`, map[string]any{"id": orderID}, &out)
	return out.Order.Invoices
}

// TestTaxInvoiceAndReturnThroughTheRouter (issue 9, parts 2 and 3): a
// shopper's TechHub fulfilment ships and TechHub's next tax invoice is
// issued (CGST + SGST within Karnataka, gap-free number, totals equal to the
// lines, PDF downloadable through its signed link); the shopper returns the
// phone within the window, TechHub approves and receives it, the refund and
// a credit note follow and the unit is back in stock.
func TestTaxInvoiceAndReturnThroughTheRouter(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	variant := newListing(t, vikram, 5)
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variant, "q": 1}, nil)
	order, r := checkout(t, c, defaultAddress(t, c), "", "CARD", "")
	require.Empty(t, r.Errors)
	awaitStatus(t, c, order.ID, "CONFIRMED")

	var o struct {
		Order struct {
			Fulfilments []struct {
				ID     string
				Amount money
				Items  []struct{ ID string }
			}
		}
	}
	c.must(t, `query($id: ID!) { order(id: $id) { fulfilments { id amount { paise } items { id } } } }`, map[string]any{"id": order.ID}, &o)
	require.Len(t, o.Order.Fulfilments, 1)
	f := o.Order.Fulfilments[0]
	require.Empty(t, orderInvoices(t, c, order.ID), "nothing is invoiced before shipping")
	id := map[string]any{"id": f.ID}
	vikram.must(t, `mutation($id: ID!) { markFulfilmentPacked(id: $id) { id } }`, id, nil)
	vikram.must(t, `mutation($id: ID!) { markFulfilmentShipped(id: $id, trackingNumber: "AWB-77001", carrier: "Delhivery") { id } }`, id, nil)

	var invs []e2eInvoice
	require.Eventually(t, func() bool { invs = orderInvoices(t, c, order.ID); return len(invs) == 1 }, 20*time.Second, 100*time.Millisecond,
		"TechHub's tax invoice is issued when its fulfilment ships")
	inv := invs[0]
	require.Equal(t, "TAX_INVOICE", inv.Kind)
	require.Regexp(t, regexp.MustCompile(`^TH/\d\d-\d\d/\d{6}$`), inv.Number)
	require.Equal(t, "KARNATAKA", inv.PlaceOfSupply)
	require.False(t, inv.Interstate, "TechHub ships within Karnataka: CGST + SGST")
	require.Positive(t, inv.Cgst.Paise)
	require.Zero(t, inv.Igst.Paise)
	require.Equal(t, f.Amount.Paise, inv.Total.Paise, "the invoice restates the store's lines to the paisa")
	require.Equal(t, inv.Total.Paise, inv.TaxableValue.Paise+inv.Cgst.Paise+inv.Sgst.Paise)
	require.Equal(t, "8517", inv.Lines[0].HsnCode)
	require.True(t, strings.HasPrefix(inv.TotalInWords, "Rupees ") && strings.HasSuffix(inv.TotalInWords, " Only"))

	// The series has no gap: this number is the count of TechHub's invoices of the year.
	orders := db(t, "orders")
	var seq int
	fmt.Sscanf(inv.Number[len(inv.Number)-6:], "%d", &seq)
	require.Equal(t, seq, count(t, orders, `SELECT count(*) FROM invoices WHERE store_id = $1 AND kind = 'TAX_INVOICE'
		AND financial_year = (SELECT financial_year FROM invoices WHERE id = $2)`, techHubStore, inv.ID))

	// The PDF through its signed link, from the storefront origin's media path; a tampered link is refused.
	pdf := download(t, inv.PdfURL)
	require.Equal(t, http.StatusOK, pdf.status)
	require.True(t, strings.HasPrefix(pdf.body, "%PDF-"), "a PDF")
	require.Equal(t, http.StatusForbidden, download(t, strings.Replace(inv.PdfURL, "signature=", "signature=0", 1)).status)
	other, _ := newShopper(t)
	require.Equal(t, "FORBIDDEN", other.do(t, `query($id: ID!) { order(id: $id) { invoices { number } } }`,
		map[string]any{"id": order.ID}, nil).code(), "someone else's invoices")

	// Delivered, then returned within the window.
	vikram.must(t, `mutation($id: ID!) { markFulfilmentDelivered(id: $id) { id } }`, id, nil)
	stock := stockOf(t, vikram, variant)
	var ret struct{ RequestReturn struct{ ID string } }
	c.must(t, `mutation($in: RequestReturnInput!) { requestReturn(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"orderId": order.ID, "fulfilmentId": f.ID, "reason": "DEFECTIVE", "comment": "The screen flickers",
		"items": []map[string]any{{"orderItemId": f.Items[0].ID, "quantity": 1}}}}, &ret)
	rid := map[string]any{"id": ret.RequestReturn.ID}
	vikram.must(t, `mutation($id: ID!) { approveReturn(id: $id) { status } }`, rid, nil)
	vikram.must(t, `mutation($in: MarkReturnReceivedInput!) { markReturnReceived(input: $in) { status } }`,
		map[string]any{"in": map[string]any{"returnId": ret.RequestReturn.ID,
			"items": []map[string]any{{"orderItemId": f.Items[0].ID, "resaleable": true}}}}, nil)

	// The refund, the credit note for exactly the invoice, the unit back on sale, the order RETURNED.
	require.Eventually(t, func() bool { invs = orderInvoices(t, c, order.ID); return len(invs) == 2 }, 20*time.Second, 100*time.Millisecond,
		"a credit note follows the return's refund")
	cn := invs[1]
	require.Equal(t, "CREDIT_NOTE", cn.Kind)
	require.Regexp(t, regexp.MustCompile(`^THC/\d\d-\d\d/\d{5}$`), cn.Number)
	require.Equal(t, inv.Number, *cn.CreditedInvoiceNumber)
	require.Equal(t, inv.Total.Paise, cn.Total.Paise)
	require.Equal(t, inv.Cgst.Paise, cn.Cgst.Paise)
	var pays struct {
		Order struct {
			Payments []struct{ RefundedAmount money }
		}
	}
	c.must(t, `query($id: ID!) { order(id: $id) { payments { refundedAmount { paise } } } }`, map[string]any{"id": order.ID}, &pays)
	require.Equal(t, inv.Total.Paise, pays.Order.Payments[0].RefundedAmount.Paise, "the whole line refunded")
	require.Eventually(t, func() bool { return stockOf(t, vikram, variant) == stock+1 }, 20*time.Second, 100*time.Millisecond,
		"the resaleable unit is back in stock")
	awaitStatus(t, c, order.ID, "RETURNED")
}

type fetched struct {
	status int
	body   string
}

func download(t *testing.T, url string) fetched {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return fetched{res.StatusCode, string(b)}
}
