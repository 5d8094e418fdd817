package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/orders/internal/invoice"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// SetFiles gives the app where invoice PDFs go (platform/storage: private
// files reached through signed URLs that expire).
func (a *App) SetFiles(f storage.Storage) { a.files = f }

// PDFLinkTTL is how long an invoice's download link works.
const PDFLinkTTL = 15 * time.Minute

// ShippedFulfilment names the fulfilment that shipped: a store's part of an order.
type ShippedFulfilment struct{ OrderID, StoreID string }

// FulfilmentShipped issues the store's tax invoice for its lines when its
// fulfilment ships, in the consumer's transaction (docs/marketplace.md,
// "Tax invoices"). Once per fulfilment: a repeated event finds the invoice.
func (a *App) FulfilmentShipped(ctx context.Context, tx pgx.Tx, ev ShippedFulfilment) error {
	issued, err := a.store.TaxInvoicesTx(ctx, tx, ev.OrderID, ev.StoreID)
	if err != nil || len(issued) > 0 {
		return err
	}
	src, err := a.store.InvoiceSourceTx(ctx, tx, ev.OrderID, ev.StoreID)
	if err != nil {
		return err
	}
	if src == nil {
		a.log.WarnContext(ctx, "shipped fulfilment without lines: no invoice", "order_id", ev.OrderID, "store_id", ev.StoreID)
		return nil
	}
	seller, err := a.remote.Seller(ctx, ev.StoreID)
	if err != nil {
		return err // the consumer retries: the invoice waits for the stores subgraph
	}
	ad := src.Address
	line1 := ad.Line1
	if ad.Landmark != "" {
		line1 += ", near " + ad.Landmark
	}
	buyer := invoice.Party{Name: ad.Name, GSTIN: src.BuyerGSTIN, Phone: ad.Phone,
		Address: invoice.Address{Line1: line1, Line2: ad.Line2, City: ad.City, State: ad.State, PinCode: ad.PinCode}}
	inv, err := invoice.Issue(seller, buyer, src.Items)
	if err != nil {
		return fmt.Errorf("invoice of order %s, store %s: %w", ev.OrderID, ev.StoreID, err)
	}
	inv.ID, inv.StoreID, inv.OrderID, inv.OrderNumber, inv.IssuedAt = uuid.Must(uuid.NewV7()).String(),
		ev.StoreID, src.OrderID, src.OrderNumber, a.now()
	return a.store.IssueTx(ctx, tx, &inv, invoice.Prefix(seller.Name))
}

// CreditRefund issues the credit notes of a processed refund, in the
// consumer's transaction: against the invoice of the refund's store, or,
// for a refund of the whole order, against every invoice of the order in
// proportion to what is left of each. Nothing to credit before the goods
// were invoiced (a cancelled fulfilment), and never beyond an invoice:
// shipping, which no store invoiced, is refunded without a credit note.
func (a *App) CreditRefund(ctx context.Context, tx pgx.Tx, p order.PaymentRefunded) error {
	invs, err := a.store.TaxInvoicesTx(ctx, tx, p.OrderID, p.StoreID)
	if err != nil || len(invs) == 0 {
		return err
	}
	credited := make([]map[string]int64, len(invs))
	left := make([]int64, len(invs))
	for i, inv := range invs {
		if credited[i], err = a.store.CreditedTx(ctx, tx, inv.ID); err != nil {
			return err
		}
		left[i] = inv.Total
		for _, c := range credited[i] {
			left[i] -= c
		}
	}
	amounts := invoice.Apportion(p.AmountPaise, left)
	for i, inv := range invs {
		done, err := a.store.HasCreditNoteTx(ctx, tx, p.RefundID, inv.StoreID)
		if err != nil {
			return err
		}
		if done || amounts[i] == 0 {
			continue
		}
		var credits []invoice.Credit
		for _, it := range p.Items {
			credits = append(credits, invoice.Credit{OrderItemID: it.OrderItemID, Quantity: it.Quantity, Amount: it.AmountPaise})
		}
		cn, err := invoice.CreditNoteFor(inv, amounts[i], credits, credited[i])
		if errors.Is(err, invoice.ErrNothingToCredit) {
			continue
		}
		if err != nil {
			return err
		}
		cn.ID, cn.RefundID, cn.IssuedAt = uuid.Must(uuid.NewV7()).String(), p.RefundID, a.now()
		if err := a.store.IssueTx(ctx, tx, &cn, prefixOf(inv.Number)); err != nil {
			return err
		}
	}
	return nil
}

// prefixOf is the series prefix in an invoice number ("TH/26-27/000001" → "TH").
func prefixOf(number string) string {
	p, _, _ := strings.Cut(number, "/")
	return p
}

// InvoicesByOrderIDs reads the documents of orders ids (for loaders: the
// caller was allowed to see the orders; OrderInvoices filters per caller).
func (a *App) InvoicesByOrderIDs(ctx context.Context, ids []string) (map[string][]invoice.Invoice, error) {
	return a.store.InvoicesByOrders(ctx, ids)
}

// OrderInvoices returns the documents, among all those of an order bought
// by buyerID, that the caller may see: all of them for the buyer and for
// admins (orders:update), a store owner's own stores' only.
func (a *App) OrderInvoices(ctx context.Context, buyerID string, all []invoice.Invoice) ([]invoice.Invoice, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	if buyerID == who.Subject || who.Has(ScopeUpdate) {
		return all, nil
	}
	stores, err := a.ownedStores(ctx, who)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(slices.Clone(all), func(inv invoice.Invoice) bool { return !slices.Contains(stores, inv.StoreID) }), nil
}

// InvoicePage is one page of a store's documents.
type InvoicePage struct {
	Invoices []invoice.Invoice
	Total    int
	HasMore  bool
}

// StoreInvoices lists store storeID's documents for its owner or an admin
// (orders:update), newest first, optionally of one financial year
// ("2026-27"); anyone else gets nil.
func (a *App) StoreInvoices(ctx context.Context, storeID string, financialYear *string, first *int, after *string) (*InvoicePage, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return nil, err
	}
	if ok, err := a.mayFulfil(ctx, who, storeID); err != nil || !ok {
		return nil, err
	}
	fy := ""
	if financialYear != nil {
		fy = *financialYear
		if !invoice.ValidFinancialYear(fy) {
			return nil, errs.BadInput("financialYear", "must be a financial year like 2026-27")
		}
	}
	p, err := invoice.ParsePage(first, after)
	if err != nil {
		return nil, err
	}
	invs, total, more, err := a.store.StoreInvoices(ctx, storeID, fy, p)
	if err != nil {
		return nil, err
	}
	return &InvoicePage{Invoices: invs, Total: total, HasMore: more}, nil
}

// InvoicePDFURL returns a signed link to inv's PDF, valid for PDFLinkTTL,
// drawing and storing the PDF first if it is not stored yet (the first
// download, or after a loss: the drawing depends on the immutable row only).
func (a *App) InvoicePDFURL(ctx context.Context, inv invoice.Invoice) (string, error) {
	if a.files == nil {
		return "", errors.New("no file storage configured for invoices")
	}
	key := invoice.PDFKey(inv)
	ok, err := a.files.Exists(ctx, key)
	if err != nil {
		return "", err
	}
	if !ok {
		pdf, err := invoice.Render(inv)
		if err != nil {
			return "", err
		}
		if err := a.files.Put(ctx, key, bytes.NewReader(pdf), "application/pdf"); err != nil {
			return "", fmt.Errorf("store %s: %w", key, err)
		}
	}
	return a.files.SignedURL(key, PDFLinkTTL)
}
