package server_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/orders/internal/invoice"
)

// ship delivers orders' own order.fulfilment_changed for a store's part of
// an order reaching SHIPPED (twice, as a redelivery would).
func (e *env) ship(orderID, storeID string) {
	e.deliver("order.fulfilment_changed", orderID, map[string]any{"orderId": orderID, "storeId": storeID,
		"from": "PACKED", "to": "SHIPPED"})
}

type invoiceLineOut struct {
	OrderItemID  string
	HsnCode      string
	Quantity     int
	TaxableValue struct{ Paise int64 }
	Cgst, Sgst   struct{ Paise int64 }
	Igst, Total  struct{ Paise int64 }
}

type invoiceOut struct {
	Number        string
	Kind          string
	FinancialYear string
	Interstate    bool
	PlaceOfSupply string
	Seller, Buyer struct {
		Name  string
		Gstin *string
	}
	Lines                                 []invoiceLineOut
	TaxableValue, Cgst, Sgst, Igst, Total struct{ Paise int64 }
	TotalInWords                          string
	CreditedInvoiceNumber                 *string
	Store                                 struct{ ID string }
}

const invoiceFields = `number kind financialYear interstate placeOfSupply seller { name gstin } buyer { name gstin }
	lines { orderItemId hsnCode quantity taxableValue { paise } cgst { paise } sgst { paise } igst { paise } total { paise } }
	taxableValue { paise } cgst { paise } sgst { paise } igst { paise } total { paise } totalInWords creditedInvoiceNumber store { id }`

func (e *env) orderInvoices(auth, orderID string) []invoiceOut {
	e.t.Helper()
	var out struct {
		Order struct {
			Items []struct {
				ID        string
				Store     struct{ ID string }
				LineTotal struct{ Paise int64 }
			}
			Invoices []invoiceOut
		}
	}
	e.mustDo(auth, `query($id: ID!) { order(id: $id) { items { id store { id } lineTotal { paise } } invoices { `+invoiceFields+` } } }`,
		map[string]any{"id": orderID}, &out)
	return out.Order.Invoices
}

func TestAShippedFulfilmentGetsOneTaxInvoiceThatRestatesItsLines(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "FLAT500", iphone, 1, cable, 2, earbuds, 1)
	o := e.checkout("invoice-1")
	fy := invoice.FinancialYear(time.Now())

	e.ship(o.ID, techHub)
	invs := e.orderInvoices(e.customer(e.rahul), o.ID)
	require.Len(t, invs, 1, "only the shipped store's part is invoiced")
	inv := invs[0]
	assert.Equal(t, "TH/"+fy[2:]+"/000001", inv.Number)
	assert.Equal(t, "TAX_INVOICE", inv.Kind)
	assert.False(t, inv.Interstate, "TechHub (Karnataka) to Bengaluru: CGST + SGST")
	assert.Equal(t, "KARNATAKA", inv.PlaceOfSupply)
	assert.Equal(t, "TechHub", inv.Seller.Name)
	assert.Equal(t, "29ABCDE1234F1Z5", *inv.Seller.Gstin)
	assert.Equal(t, "Rahul Sharma", inv.Buyer.Name)
	assert.Nil(t, inv.Buyer.Gstin, "a consumer: B2C")

	// The invoice restates TechHub's lines of the order to the paisa, coupon share included.
	var techHubTotal int64
	for _, it := range o.Items {
		if it.Store.ID == techHub {
			techHubTotal += it.LineTotal.Paise
		}
	}
	require.Len(t, inv.Lines, 2)
	assert.Equal(t, techHubTotal, inv.Total.Paise)
	assert.Equal(t, inv.Total.Paise, inv.TaxableValue.Paise+inv.Cgst.Paise+inv.Sgst.Paise)
	assert.Zero(t, inv.Igst.Paise)
	assert.Equal(t, invoice.Words(inv.Total.Paise), inv.TotalInWords)
	assert.Equal(t, 1, e.rows(`SELECT count(*) FROM invoices WHERE order_id = $1`, o.ID), "a redelivered event issues nothing more")
	require.Len(t, e.outbox(o.ID, "invoice.issued"), 1)

	// AudioHub (Maharashtra) to Karnataka: IGST, its own series.
	e.ship(o.ID, audioHub)
	invs = e.orderInvoices(e.customer(e.rahul), o.ID)
	require.Len(t, invs, 2)
	assert.Equal(t, "AH/"+fy[2:]+"/000001", invs[1].Number)
	assert.True(t, invs[1].Interstate)
	assert.Equal(t, invs[1].Total.Paise, invs[1].TaxableValue.Paise+invs[1].Igst.Paise)
	assert.Equal(t, o.Total.Paise-o.Shipping.Paise, invs[0].Total.Paise+invs[1].Total.Paise, "the invoices add up to the order's lines")

	// Each owner sees their store's invoice only, on their fulfilment; the admin and the buyer see both.
	assert.Equal(t, []string{"TH/" + fy[2:] + "/000001"}, e.fulfilmentInvoices(e.owner(e.vikram)))
	assert.Equal(t, []string{"AH/" + fy[2:] + "/000001"}, e.fulfilmentInvoices(e.owner(e.neha)))
	assert.Len(t, e.orderInvoices(e.adminToken(), o.ID), 2)

	// Invoices are immutable.
	_, err := e.d.DB.Exec(context.Background(), `UPDATE invoices SET total_paise = total_paise + 1 WHERE order_id = $1`, o.ID)
	require.ErrorContains(t, err, "immutable")
	_, err = e.d.DB.Exec(context.Background(), `DELETE FROM invoice_lines`)
	require.ErrorContains(t, err, "immutable")
}

// fulfilmentInvoices lists the invoice numbers on the owner's fulfilments.
func (e *env) fulfilmentInvoices(owner string) []string {
	e.t.Helper()
	var out struct {
		MyStoreOrders struct {
			Edges []struct {
				Node struct{ Invoices []invoiceOut }
			}
		}
	}
	e.mustDo(owner, `{ myStoreOrders { edges { node { invoices { number } } } } }`, nil, &out)
	var numbers []string
	for _, edge := range out.MyStoreOrders.Edges {
		for _, inv := range edge.Node.Invoices {
			numbers = append(numbers, inv.Number)
		}
	}
	return numbers
}

func numbers(invs []invoiceOut) []string {
	out := make([]string, len(invs))
	for i, inv := range invs {
		out[i] = inv.Number
	}
	return out
}

func TestARetailerGetsAB2BInvoiceWithTheirGSTIN(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.w.set(func(w *world) { w.gstins[e.rahul] = "29AAAPL1234C1Z5" })
	e.fillCart(e.rahul, "", iphone, 1)
	o := e.checkout("invoice-b2b")
	e.ship(o.ID, techHub)
	invs := e.orderInvoices(e.customer(e.rahul), o.ID)
	require.Len(t, invs, 1)
	require.NotNil(t, invs[0].Buyer.Gstin)
	assert.Equal(t, "29AAAPL1234C1Z5", *invs[0].Buyer.Gstin)
}

// Fifty shipments of two stores at once: each store's series is 1..25,
// without a gap and without a duplicate.
func TestConcurrentShipmentsNumberWithoutGapsOrDuplicates(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const orders = 25
	ids := make([]string, orders)
	for i := range ids {
		e.fillCart(e.rahul, "", iphone, 1, earbuds, 1)
		ids[i] = e.checkout(fmt.Sprintf("invoice-many-%02d", i)).ID
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		for _, store := range []string{techHub, audioHub} {
			wg.Go(func() { e.ship(id, store) })
		}
	}
	wg.Wait()
	for _, store := range []string{techHub, audioHub} {
		rows, err := e.d.DB.Query(context.Background(), `SELECT sequence, number FROM invoices WHERE store_id = $1 ORDER BY sequence`, store)
		require.NoError(t, err)
		var seqs []int
		for rows.Next() {
			var seq int
			var number string
			require.NoError(t, rows.Scan(&seq, &number))
			assert.Regexp(t, regexp.MustCompile(fmt.Sprintf(`/%06d$`, seq)), number)
			seqs = append(seqs, seq)
		}
		require.NoError(t, rows.Err())
		want := make([]int, orders)
		for i := range want {
			want[i] = i + 1
		}
		assert.Equal(t, want, seqs, "store %s", store)
	}
}

func TestRefundsOfInvoicedLinesGetCreditNotesThatNeverExceedTheInvoice(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", iphone, 1, cable, 1, earbuds, 1)
	o := e.checkout("invoice-credit")
	fy := invoice.FinancialYear(time.Now())[2:]
	refund := func(id, store string, amount int64, items ...map[string]any) {
		p := map[string]any{"paymentId": "pay-1", "orderId": o.ID, "refundId": id, "amountPaise": amount,
			"refundedTotalPaise": amount, "full": false, "reason": "returned"}
		if store != "" {
			p["storeId"] = store
		}
		if len(items) > 0 {
			p["items"] = items
		}
		e.deliver("payment.refunded", o.ID, p)
	}
	// A refund before anything shipped credits nothing: nothing was invoiced.
	refund("rfnd-early", audioHub, 1000)
	assert.Zero(t, e.rows(`SELECT count(*) FROM invoices WHERE order_id = $1`, o.ID))

	e.ship(o.ID, techHub)
	e.ship(o.ID, audioHub)
	invs := e.orderInvoices(e.customer(e.rahul), o.ID)
	require.Len(t, invs, 2)
	th := invs[0]
	// TechHub's lines: the iPhone, then the cable (cart order).
	require.Len(t, th.Lines, 2)
	cableLine := th.Lines[1]
	cableItem := cableLine.OrderItemID

	// A return of the cable: its line, exactly.
	refund("rfnd-cable", techHub, cableLine.Total.Paise, map[string]any{"orderItemId": cableItem, "quantity": 1, "amountPaise": cableLine.Total.Paise})
	// An owner's goodwill refund of ₹1,000 and then one of more than is left.
	refund("rfnd-goodwill", techHub, 1_000_00)
	refund("rfnd-too-much", techHub, th.Total.Paise)
	// An admin's refund of the whole order, shipping included: every invoice, proportionally.
	refund("rfnd-all", "", o.Total.Paise)

	docs := e.orderInvoices(e.customer(e.rahul), o.ID)
	credited := map[string]int64{}
	var cn []string
	for _, d := range docs {
		if d.Kind != "CREDIT_NOTE" {
			continue
		}
		cn = append(cn, d.Number)
		assert.Equal(t, d.Total.Paise, d.TaxableValue.Paise+d.Cgst.Paise+d.Sgst.Paise+d.Igst.Paise)
		credited[*d.CreditedInvoiceNumber] += d.Total.Paise
	}
	assert.Equal(t, []string{"THC/" + fy + "/00001", "THC/" + fy + "/00002", "THC/" + fy + "/00003", "AHC/" + fy + "/00001"}, cn,
		"rfnd-all finds TechHub's invoice already credited in full")
	assert.Equal(t, th.Total.Paise, credited[th.Number], "TechHub's invoice is credited exactly in full, never more")
	assert.Equal(t, invs[1].Total.Paise, credited[invs[1].Number])
	first := docs[slices.IndexFunc(docs, func(d invoiceOut) bool { return d.Number == "THC/"+fy+"/00001" })]
	require.Len(t, first.Lines, 1)
	assert.Equal(t, cableLine.Cgst.Paise, first.Cgst.Paise, "a returned line is credited with its own tax")

	before := e.rows(`SELECT count(*) FROM invoices`)
	refund("rfnd-goodwill", techHub, 1_000_00)
	assert.Equal(t, before, e.rows(`SELECT count(*) FROM invoices`), "one credit note per refund")
}

func TestStoreInvoicesAreTheOwnersAndPaged(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for i := range 3 {
		e.fillCart(e.rahul, "", cable, 1)
		e.ship(e.checkout(fmt.Sprintf("invoice-page-%d", i)).ID, techHub)
	}
	query := `query($r: [_Any!]!, $after: String, $fy: String) { _entities(representations: $r) { ... on Store {
		invoices(first: 2, after: $after, financialYear: $fy) { totalCount pageInfo { hasNextPage endCursor } edges { node { number } } } } } }`
	type page struct {
		Entities []struct {
			Invoices *struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   *string
				}
				Edges []struct{ Node struct{ Number string } }
			}
		} `json:"_entities"`
	}
	vars := map[string]any{"r": []map[string]any{{"__typename": "Store", "id": techHub}}}
	var p page
	e.mustDo(e.owner(e.vikram), query, vars, &p)
	inv := p.Entities[0].Invoices
	require.NotNil(t, inv)
	assert.Equal(t, 3, inv.TotalCount)
	require.Len(t, inv.Edges, 2)
	assert.True(t, inv.PageInfo.HasNextPage)
	assert.Regexp(t, `/000003$`, inv.Edges[0].Node.Number, "newest first")
	vars["after"] = *inv.PageInfo.EndCursor
	e.mustDo(e.owner(e.vikram), query, vars, &p)
	require.Len(t, p.Entities[0].Invoices.Edges, 1)
	assert.Regexp(t, `/000001$`, p.Entities[0].Invoices.Edges[0].Node.Number)

	delete(vars, "after")
	e.mustDo(e.owner(e.neha), query, vars, &p)
	assert.Nil(t, p.Entities[0].Invoices, "another store's owner sees nothing")
	e.mustDo(e.customer(e.rahul), query, vars, &p)
	assert.Nil(t, p.Entities[0].Invoices)
	e.mustDo(e.adminToken(), query, vars, &p)
	assert.Equal(t, 3, p.Entities[0].Invoices.TotalCount)

	vars["fy"] = "2026-28"
	errCode(t, e.do(e.owner(e.vikram), query, vars, nil), "BAD_USER_INPUT", "financialYear")
	vars["fy"] = "2019-20"
	e.mustDo(e.owner(e.vikram), query, vars, &p)
	assert.Zero(t, p.Entities[0].Invoices.TotalCount)
}

// The PDF is drawn on the first request, kept in the file store under
// private/, and reached through a link signed for 15 minutes.
func TestTheInvoicePDFIsDownloadableThroughASignedLink(t *testing.T) {
	t.Parallel()
	dir, secret := t.TempDir(), "0123456789abcdef0123456789abcdef"
	e := newEnv(t, "MEDIA_DIR", dir, "MEDIA_SIGNING_KEY", secret, "MEDIA_BASE_URL", "http://media.test/media")
	e.fillCart(e.rahul, "", iphone, 1)
	o := e.checkout("invoice-pdf")
	e.ship(o.ID, techHub)

	var out struct {
		Order struct {
			Invoices []struct{ Number, PdfURL string }
		}
	}
	e.mustDo(e.customer(e.rahul), `query($id: ID!) { order(id: $id) { invoices { number pdfUrl } } }`, map[string]any{"id": o.ID}, &out)
	require.Len(t, out.Order.Invoices, 1)
	u, err := url.Parse(out.Order.Invoices[0].PdfURL)
	require.NoError(t, err)
	key := strings.TrimPrefix(u.Path, "/media/")
	assert.True(t, strings.HasPrefix(key, storage.PrivatePrefix+"invoices/"+techHub+"/"), key)
	require.NoError(t, storage.VerifySigned([]byte(secret), key, u.Query(), time.Now()), "signed for this key")
	require.Error(t, storage.VerifySigned([]byte(secret), key, u.Query(), time.Now().Add(16*time.Minute)), "expires")

	pdf, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(key)))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(pdf), "%PDF-"))

	// A lost file is drawn again, identical: the PDF depends on the immutable row only.
	require.NoError(t, os.Remove(filepath.Join(dir, filepath.FromSlash(key))))
	e.mustDo(e.customer(e.rahul), `query($id: ID!) { order(id: $id) { invoices { number pdfUrl } } }`, map[string]any{"id": o.ID}, &out)
	again, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(key)))
	require.NoError(t, err)
	assert.Equal(t, len(pdf), len(again))
	assert.True(t, string(pdf) == string(again))
}
