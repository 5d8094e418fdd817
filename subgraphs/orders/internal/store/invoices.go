package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/page"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/orders/internal/invoice"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// InvoiceSource is what a store's tax invoice restates: the order's buyer
// as snapshotted at checkout and the store's own lines.
type InvoiceSource struct {
	OrderID     string
	OrderNumber string
	UserID      string
	Address     order.Address
	BuyerGSTIN  string
	Items       []invoice.Item
}

// InvoiceSourceTx reads the buyer and the store's lines of order orderID in
// tx; nil when the order has no lines of the store.
func (s *Store) InvoiceSourceTx(ctx context.Context, tx pgx.Tx, orderID, storeID string) (*InvoiceSource, error) {
	var src InvoiceSource
	var addr []byte
	err := tx.QueryRow(ctx, `SELECT id, order_number, user_id, shipping_address FROM orders WHERE id = $1`,
		orderID).Scan(&src.OrderID, &src.OrderNumber, &src.UserID, &addr)
	if pg.IsNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("invoice source of order %s: %w", orderID, err)
	}
	if err := json.Unmarshal(addr, &src.Address); err != nil {
		return nil, fmt.Errorf("decode address of order %s: %w", orderID, err)
	}
	src.BuyerGSTIN = src.Address.BuyerGSTIN
	rows, err := tx.Query(ctx, `SELECT id, title, sku, hsn_code, quantity, gst_rate_percent::float8, gst_paise, line_total_paise
		FROM order_items WHERE order_id = $1 AND store_id = $2 ORDER BY position`, orderID, storeID)
	if err != nil {
		return nil, fmt.Errorf("invoice lines of order %s: %w", orderID, err)
	}
	src.Items, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (invoice.Item, error) {
		var it invoice.Item
		err := r.Scan(&it.OrderItemID, &it.Title, &it.SKU, &it.HSN, &it.Quantity, &it.RatePercent, &it.GST, &it.Total)
		return it, err
	})
	if err != nil || len(src.Items) == 0 {
		return nil, err
	}
	return &src, nil
}

// TaxInvoicesTx returns the tax invoices of order orderID (of storeID only,
// unless ""), locking them so that their credit notes are written one at a
// time.
func (s *Store) TaxInvoicesTx(ctx context.Context, tx pgx.Tx, orderID, storeID string) ([]invoice.Invoice, error) {
	return readInvoices(ctx, tx, `i.order_id = $1 AND ($2 = '' OR i.store_id::text = $2) AND i.kind = 'TAX_INVOICE'
		ORDER BY i.id FOR UPDATE OF i`, orderID, storeID)
}

// HasCreditNoteTx reports whether refund refundID already has its credit note from storeID.
func (s *Store) HasCreditNoteTx(ctx context.Context, tx pgx.Tx, refundID, storeID string) (bool, error) {
	var ok bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM invoices WHERE refund_id = $1 AND store_id = $2)`, refundID, storeID).Scan(&ok)
	return ok, err
}

// CreditedTx sums, per order item, what the credit notes of invoice id credited.
func (s *Store) CreditedTx(ctx context.Context, tx pgx.Tx, id string) (map[string]int64, error) {
	rows, err := tx.Query(ctx, `SELECT l.order_item_id, sum(l.total_paise) FROM invoice_lines l
		JOIN invoices i ON i.id = l.invoice_id WHERE i.original_id = $1 GROUP BY l.order_item_id`, id)
	if err != nil {
		return nil, fmt.Errorf("credited on invoice %s: %w", id, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var item string
		var sum int64
		if err := rows.Scan(&item, &sum); err != nil {
			return nil, err
		}
		out[item] = sum
	}
	return out, rows.Err()
}

// IssueTx numbers inv in its store's series for its kind and financial
// year and writes it with its lines, in tx. The number comes from the
// series row's UPDATE (or INSERT for the year's first document), which
// holds the row until tx ends: concurrent issues of one store queue, and a
// rolled-back issue gives its number back, so the series has no gaps and
// no duplicates. prefix starts a new series; an existing series keeps its own.
func (s *Store) IssueTx(ctx context.Context, tx pgx.Tx, inv *invoice.Invoice, prefix string) error {
	inv.FinancialYear = invoice.FinancialYear(inv.IssuedAt)
	err := tx.QueryRow(ctx, `INSERT INTO invoice_series AS s (store_id, kind, financial_year, prefix, last_number)
		VALUES ($1, $2, $3, $4, 1)
		ON CONFLICT (store_id, kind, financial_year) DO UPDATE SET last_number = s.last_number + 1
		RETURNING prefix, last_number`, inv.StoreID, inv.Kind, inv.FinancialYear, prefix).Scan(&prefix, &inv.Sequence)
	if err != nil {
		return fmt.Errorf("next number of store %s: %w", inv.StoreID, err)
	}
	inv.Number = invoice.Number(inv.Kind, prefix, inv.FinancialYear, inv.Sequence)
	seller, err := json.Marshal(inv.Seller)
	if err != nil {
		return err
	}
	buyer, err := json.Marshal(inv.Buyer)
	if err != nil {
		return err
	}
	batch := &pgx.Batch{}
	batch.Queue(`INSERT INTO invoices (id, kind, number, store_id, financial_year, sequence, order_id, seller, buyer,
		place_of_supply, interstate, taxable_paise, cgst_paise, sgst_paise, igst_paise, total_paise, original_id,
		refund_id, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
		nullif($17, '')::uuid, nullif($18, ''), $19)`,
		inv.ID, inv.Kind, inv.Number, inv.StoreID, inv.FinancialYear, inv.Sequence, inv.OrderID, seller, buyer,
		inv.PlaceOfSupply, inv.Interstate, inv.Taxable, inv.CGST, inv.SGST, inv.IGST, inv.Total, inv.OriginalID,
		inv.RefundID, inv.IssuedAt)
	for i, l := range inv.Lines {
		batch.Queue(`INSERT INTO invoice_lines (invoice_id, position, order_item_id, description, hsn_code, quantity,
			gst_rate_percent, taxable_paise, cgst_paise, sgst_paise, igst_paise, total_paise)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			inv.ID, i+1, l.OrderItemID, l.Description, l.HSN, l.Quantity, l.RatePercent, l.Taxable, l.CGST, l.SGST,
			l.IGST, l.Total)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("write %s %s: %w", inv.Kind, inv.Number, err)
	}
	return s.appendEvents(ctx, tx, inv.OrderID, "", invoice.IssuedEvent(*inv))
}

// InvoicesByOrders returns the documents of orders ids, oldest first, by order.
func (s *Store) InvoicesByOrders(ctx context.Context, ids []string) (map[string][]invoice.Invoice, error) {
	invs, err := readInvoices(ctx, s.db, `i.order_id = ANY($1::uuid[]) ORDER BY i.issued_at, i.id`, uuids(ids))
	if err != nil {
		return nil, err
	}
	out := map[string][]invoice.Invoice{}
	for _, inv := range invs {
		out[inv.OrderID] = append(out[inv.OrderID], inv)
	}
	return out, nil
}

// InvoiceByID returns invoice id, nil when there is none.
func (s *Store) InvoiceByID(ctx context.Context, id string) (*invoice.Invoice, error) {
	ids := uuids([]string{id})
	if len(ids) == 0 {
		return nil, nil
	}
	invs, err := readInvoices(ctx, s.db, `i.id = $1`, ids[0])
	if err != nil || len(invs) == 0 {
		return nil, err
	}
	return &invs[0], nil
}

// StoreInvoices returns one page of the store's documents, newest first
// (ids are UUID v7), optionally of one financial year, and how many match.
func (s *Store) StoreInvoices(ctx context.Context, storeID, financialYear string, p page.Request) ([]invoice.Invoice, int, bool, error) {
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM invoices WHERE store_id = $1 AND ($2 = '' OR financial_year = $2)`,
		storeID, financialYear).Scan(&total); err != nil {
		return nil, 0, false, fmt.Errorf("count invoices: %w", err)
	}
	var after *string
	if p.After != "" {
		after = &p.After
	}
	invs, err := readInvoices(ctx, s.db, `i.store_id = $1 AND ($2 = '' OR i.financial_year = $2)
		AND ($3::uuid IS NULL OR i.id < $3::uuid) ORDER BY i.id DESC LIMIT $4`, storeID, financialYear, after, p.First+1)
	if err != nil {
		return nil, 0, false, err
	}
	more := len(invs) > p.First
	if more {
		invs = invs[:p.First]
	}
	return invs, total, more, nil
}

type rowQuerier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// readInvoices reads the documents matching where (which may order, limit
// and lock), each with its lines and, for a credit note, its invoice's number.
func readInvoices(ctx context.Context, q rowQuerier, where string, args ...any) ([]invoice.Invoice, error) {
	rows, err := q.Query(ctx, `SELECT i.id, i.kind, i.number, i.store_id, i.financial_year, i.sequence, i.order_id,
		(SELECT order_number FROM orders WHERE id = i.order_id), i.seller, i.buyer, i.place_of_supply, i.interstate,
		i.taxable_paise, i.cgst_paise, i.sgst_paise, i.igst_paise, i.total_paise, coalesce(i.original_id::text, ''),
		coalesce((SELECT number FROM invoices o WHERE o.id = i.original_id), ''), coalesce(i.refund_id, ''), i.issued_at
		FROM invoices i WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read invoices: %w", err)
	}
	invs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (invoice.Invoice, error) {
		var inv invoice.Invoice
		var seller, buyer []byte
		err := r.Scan(&inv.ID, &inv.Kind, &inv.Number, &inv.StoreID, &inv.FinancialYear, &inv.Sequence, &inv.OrderID,
			&inv.OrderNumber, &seller, &buyer, &inv.PlaceOfSupply, &inv.Interstate, &inv.Taxable, &inv.CGST, &inv.SGST,
			&inv.IGST, &inv.Total, &inv.OriginalID, &inv.OriginalNumber, &inv.RefundID, &inv.IssuedAt)
		if err != nil {
			return inv, err
		}
		inv.IssuedAt = inv.IssuedAt.UTC()
		if err := json.Unmarshal(seller, &inv.Seller); err != nil {
			return inv, err
		}
		return inv, json.Unmarshal(buyer, &inv.Buyer)
	})
	if err != nil || len(invs) == 0 {
		return nil, err
	}
	ids := make([]string, len(invs))
	at := make(map[string]int, len(invs))
	for i, inv := range invs {
		ids[i], at[inv.ID] = inv.ID, i
	}
	lines, err := q.Query(ctx, `SELECT invoice_id, order_item_id, description, hsn_code, quantity, gst_rate_percent::float8,
		taxable_paise, cgst_paise, sgst_paise, igst_paise, total_paise FROM invoice_lines
		WHERE invoice_id = ANY($1::uuid[]) ORDER BY invoice_id, position`, ids)
	if err != nil {
		return nil, fmt.Errorf("read invoice lines: %w", err)
	}
	defer lines.Close()
	for lines.Next() {
		var id string
		var l invoice.Line
		if err := lines.Scan(&id, &l.OrderItemID, &l.Description, &l.HSN, &l.Quantity, &l.RatePercent, &l.Taxable,
			&l.CGST, &l.SGST, &l.IGST, &l.Total); err != nil {
			return nil, err
		}
		invs[at[id]].Lines = append(invs[at[id]].Lines, l)
	}
	return invs, lines.Err()
}
