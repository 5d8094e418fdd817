package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/returns"
)

// Returns (docs/marketplace.md, "Returns"): the SQL of requestReturn and
// of each later step. Every write locks what it decides on (the
// fulfilment for a request, the return for a step), writes the return, its
// history and order.return_changed in one transaction.

const returnCols = `r.id::text, r.order_id::text, r.store_id::text, r.fulfilment_id::text, r.user_id::text, r.status,
	r.reason, coalesce(r.comment, ''), coalesce(r.rejection_reason, ''), coalesce(r.refund_to_kind, ''),
	coalesce(r.refund_account_name, ''), coalesce(r.refund_account_no, ''), coalesce(r.refund_ifsc, ''),
	coalesce(r.refund_upi_vpa, ''), r.refund_paise, r.requested_at, r.decided_at, r.received_at, r.refunded_at,
	r.updated_at, (SELECT coalesce(sum(i.line_total_paise), 0)::bigint FROM order_items i
		WHERE i.order_id = r.order_id AND i.store_id = r.store_id)`

func scanReturn(row pgx.Row) (*returns.Return, error) {
	var r returns.Return
	var rt returns.RefundTo
	err := row.Scan(&r.ID, &r.OrderID, &r.StoreID, &r.FulfilmentID, &r.UserID, &r.Status, &r.Reason, &r.Comment,
		&r.RejectionReason, &rt.Kind, &rt.AccountName, &rt.AccountNumber, &rt.IFSC, &rt.UPIVPA, &r.Refund,
		&r.RequestedAt, &r.DecidedAt, &r.ReceivedAt, &r.RefundedAt, &r.UpdatedAt, &r.StoreAmount)
	if err != nil {
		return nil, err
	}
	if rt.Kind != "" {
		r.RefundTo = &rt
	}
	r.RequestedAt, r.UpdatedAt = r.RequestedAt.UTC(), r.UpdatedAt.UTC()
	r.DecidedAt, r.ReceivedAt, r.RefundedAt = utc(r.DecidedAt), utc(r.ReceivedAt), utc(r.RefundedAt)
	return &r, nil
}

// returnItemsOf fills in the items of rs (one query).
func returnItemsOf(ctx context.Context, q querier, rs []*returns.Return) error {
	if len(rs) == 0 {
		return nil
	}
	ids := make([]string, len(rs))
	byID := make(map[string]*returns.Return, len(rs))
	for i, r := range rs {
		ids[i], byID[r.ID] = r.ID, r
		r.Items = nil
	}
	rows, err := q.Query(ctx, `SELECT ri.return_id::text, ri.order_item_id::text, i.variant_id::text, i.title,
			ri.quantity, ri.refund_paise, ri.resaleable
		FROM return_items ri JOIN order_items i ON i.id = ri.order_item_id
		WHERE ri.return_id = ANY($1::uuid[]) ORDER BY ri.return_id, ri.position`, ids)
	if err != nil {
		return fmt.Errorf("return items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var it returns.Item
		if err := rows.Scan(&id, &it.OrderItemID, &it.VariantID, &it.Title, &it.Quantity, &it.Refund, &it.Resaleable); err != nil {
			return fmt.Errorf("scan return item: %w", err)
		}
		byID[id].Items = append(byID[id].Items, it)
	}
	return rows.Err()
}

// returnsWhere reads the returns matching where (with items), in order.
func returnsWhere(ctx context.Context, q querier, where string, args ...any) ([]*returns.Return, error) {
	rows, err := q.Query(ctx, `SELECT `+returnCols+` FROM returns r WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read returns: %w", err)
	}
	rs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (*returns.Return, error) { return scanReturn(row) })
	if err != nil {
		return nil, fmt.Errorf("scan returns: %w", err)
	}
	return rs, returnItemsOf(ctx, q, rs)
}

// ReturnByID reads one return with its items; nil when there is none.
func (s *Store) ReturnByID(ctx context.Context, id string) (*returns.Return, error) {
	if len(uuids([]string{id})) == 0 {
		return nil, nil
	}
	rs, err := returnsWhere(ctx, s.db, `r.id = $1`, id)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return rs[0], nil
}

// ReturnsByOrderIDs reads the returns of orders, oldest first, in two queries.
func (s *Store) ReturnsByOrderIDs(ctx context.Context, ids []string) (map[string][]*returns.Return, error) {
	rs, err := returnsWhere(ctx, s.db, `r.order_id = ANY($1::uuid[]) ORDER BY r.order_id, r.id`, uuids(ids))
	if err != nil {
		return nil, err
	}
	out := make(map[string][]*returns.Return, len(ids))
	for _, r := range rs {
		out[r.OrderID] = append(out[r.OrderID], r)
	}
	return out, nil
}

// ReturnFilter selects a list of returns: a shopper's or a store's,
// optionally in one status.
type ReturnFilter struct {
	UserID  string
	StoreID string
	Status  returns.Status
}

// ListReturns returns one page of the filter's returns, newest first, how
// many match in all, and whether more follow.
func (s *Store) ListReturns(ctx context.Context, f ReturnFilter, first int, after string) ([]*returns.Return, int, bool, error) {
	col, val := "r.user_id", f.UserID
	if f.StoreID != "" {
		col, val = "r.store_id", f.StoreID
	}
	where := col + ` = $1 AND ($2 = '' OR r.status = $2)`
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM returns r WHERE `+where, val, string(f.Status)).Scan(&total); err != nil {
		return nil, 0, false, fmt.Errorf("count returns: %w", err)
	}
	var afterID *string
	if after != "" {
		afterID = &after
	}
	rs, err := returnsWhere(ctx, s.db, where+` AND ($3::uuid IS NULL OR r.id < $3::uuid) ORDER BY r.id DESC LIMIT $4`,
		val, string(f.Status), afterID, first+1)
	if err != nil {
		return nil, 0, false, err
	}
	more := len(rs) > first
	if more {
		rs = rs[:first]
	}
	return rs, total, more, nil
}

// ReturnHistory reads each return's status history, oldest first.
func (s *Store) ReturnHistory(ctx context.Context, ids []string) (map[string][]returns.Change, error) {
	rows, err := s.db.Query(ctx, `SELECT return_id::text, coalesce(from_status, ''), to_status, coalesce(note, ''), at
		FROM return_status_history WHERE return_id = ANY($1::uuid[]) ORDER BY return_id, id`, uuids(ids))
	if err != nil {
		return nil, fmt.Errorf("return history: %w", err)
	}
	defer rows.Close()
	out := make(map[string][]returns.Change, len(ids))
	for rows.Next() {
		var id string
		var c returns.Change
		if err := rows.Scan(&id, &c.From, &c.To, &c.Note, &c.At); err != nil {
			return nil, fmt.Errorf("scan return history: %w", err)
		}
		c.At = c.At.UTC()
		out[id] = append(out[id], c)
	}
	return out, rows.Err()
}

// ReturnRequest is what RequestReturn needs besides the request.
type ReturnRequest struct {
	Request     returns.Request
	DefaultDays int
	Now         time.Time
	Actor       string
	// Decide builds the return from the facts read under lock (returns.New
	// with the new id); its error aborts with nothing written.
	Decide func(returns.Facts) (*returns.Return, error)
}

// RequestReturn decides and writes a new return in one transaction. The
// fulfilment is locked first, so two requests for its lines are decided
// one after the other and can never return more than was bought.
// returns.ErrFulfilmentNotFound when the order has no such fulfilment.
func (s *Store) RequestReturn(ctx context.Context, in ReturnRequest) (*returns.Return, error) {
	var r *returns.Return
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		f, err := s.returnFacts(ctx, tx, in)
		if err != nil {
			return err
		}
		if r, err = in.Decide(f); err != nil {
			return err
		}
		return s.insertReturn(ctx, tx, r, in.Actor)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (s *Store) returnFacts(ctx context.Context, tx pgx.Tx, in ReturnRequest) (returns.Facts, error) {
	req := in.Request
	f := returns.Facts{Now: in.Now, Lines: map[string]returns.Line{}, Windows: returns.Windows{DefaultDays: in.DefaultDays}}
	var status, payment string
	err := tx.QueryRow(ctx, `SELECT f.id::text, f.store_id::text, f.status, f.delivered_at, o.user_id::text, o.payment_method
		FROM fulfilments f JOIN orders o ON o.id = f.order_id
		WHERE f.order_id = $1 AND (nullif($2, '')::uuid IS NULL OR f.id = nullif($2, '')::uuid)
		  AND (nullif($3, '')::uuid IS NULL OR f.store_id = nullif($3, '')::uuid)
		FOR UPDATE OF f`, req.OrderID, req.FulfilmentID, req.StoreID).
		Scan(&f.FulfilmentID, &f.StoreID, &status, &f.DeliveredAt, &f.OrderUserID, &payment)
	if pg.IsNoRows(err) {
		return f, returns.ErrFulfilmentNotFound
	}
	if err != nil {
		return f, fmt.Errorf("lock fulfilment of order %s: %w", req.OrderID, err)
	}
	f.Delivered, f.COD = status == "DELIVERED", payment == "COD"
	f.DeliveredAt = utc(f.DeliveredAt)
	// Each of the store's lines with what returns still holding their
	// units (not rejected or withdrawn) took of it already.
	rows, err := tx.Query(ctx, `SELECT i.id::text, i.variant_id::text, i.title, i.quantity, i.line_total_paise,
			i.category_ids::text[],
			coalesce(sum(ri.quantity) FILTER (WHERE r.status NOT IN ('REJECTED', 'CLOSED')), 0)::int,
			coalesce(sum(ri.refund_paise) FILTER (WHERE r.status NOT IN ('REJECTED', 'CLOSED')), 0)::bigint
		FROM order_items i
		LEFT JOIN return_items ri ON ri.order_item_id = i.id
		LEFT JOIN returns r ON r.id = ri.return_id
		WHERE i.order_id = $1 AND i.store_id = $2 GROUP BY i.id`, req.OrderID, f.StoreID)
	if err != nil {
		return f, fmt.Errorf("lines of fulfilment %s: %w", f.FulfilmentID, err)
	}
	lines, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (returns.Line, error) {
		var l returns.Line
		return l, row.Scan(&l.OrderItemID, &l.VariantID, &l.Title, &l.Quantity, &l.LineTotal, &l.CategoryIDs,
			&l.Returned, &l.Refunded)
	})
	if err != nil {
		return f, fmt.Errorf("scan lines of fulfilment %s: %w", f.FulfilmentID, err)
	}
	var cats []string
	for _, l := range lines {
		f.Lines[l.OrderItemID] = l
		cats = append(cats, l.CategoryIDs...)
	}
	f.Windows.ByCategory, err = windowsOf(ctx, tx, cats)
	return f, err
}

func windowsOf(ctx context.Context, q querier, categories []string) (map[string]int, error) {
	rows, err := q.Query(ctx, `SELECT category_id::text, days FROM return_windows WHERE category_id = ANY($1::uuid[])`,
		uuids(categories))
	if err != nil {
		return nil, fmt.Errorf("return windows: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var c string
		var d int
		if err := rows.Scan(&c, &d); err != nil {
			return nil, fmt.Errorf("scan return window: %w", err)
		}
		out[c] = d
	}
	return out, rows.Err()
}

func (s *Store) insertReturn(ctx context.Context, tx pgx.Tx, r *returns.Return, actor string) error {
	var rt returns.RefundTo
	if r.RefundTo != nil {
		rt = *r.RefundTo
	}
	if _, err := tx.Exec(ctx, `INSERT INTO returns (id, order_id, store_id, fulfilment_id, user_id, status, reason,
			comment, refund_to_kind, refund_account_name, refund_account_no, refund_ifsc, refund_upi_vpa, refund_paise,
			requested_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, nullif($8, ''), nullif($9, ''), nullif($10, ''), nullif($11, ''),
			nullif($12, ''), nullif($13, ''), $14, $15, $16)`,
		r.ID, r.OrderID, r.StoreID, r.FulfilmentID, r.UserID, r.Status, r.Reason, r.Comment, rt.Kind, rt.AccountName,
		rt.AccountNumber, rt.IFSC, rt.UPIVPA, r.Refund, r.RequestedAt, r.UpdatedAt); err != nil {
		return fmt.Errorf("insert return %s: %w", r.ID, err)
	}
	batch := &pgx.Batch{}
	for i, it := range r.Items {
		batch.Queue(`INSERT INTO return_items (return_id, order_item_id, position, quantity, refund_paise)
			VALUES ($1, $2, $3, $4, $5)`, r.ID, it.OrderItemID, i, it.Quantity, it.Refund)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("insert items of return %s: %w", r.ID, err)
	}
	return s.saveReturnChanges(ctx, tx, r, actor, false)
}

// saveReturnChanges writes r's recorded moves to its history and publishes
// them (order.return_changed), in tx.
func (s *Store) saveReturnChanges(ctx context.Context, tx pgx.Tx, r *returns.Return, actor string, fullyReturned bool) error {
	batch := &pgx.Batch{}
	for _, c := range r.Changes() {
		batch.Queue(`INSERT INTO return_status_history (return_id, from_status, to_status, note, actor, at)
			VALUES ($1, nullif($2, ''), $3, nullif($4, ''), nullif($5, ''), $6)`, r.ID, string(c.From), c.To, c.Note, actor, c.At)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return fmt.Errorf("history of return %s: %w", r.ID, err)
	}
	evs := r.ChangedEvents(fullyReturned)
	out := make([]kafka.Event, len(evs))
	for i, e := range evs {
		out[i] = e
	}
	return s.appendEvents(ctx, tx, r.OrderID, actor, out...)
}

// returnSummary is an admin audit entry's before/after of a return: status
// and amounts, never the shopper's refund details.
type returnSummary struct {
	Status          returns.Status `json:"status"`
	RefundPaise     int64          `json:"refundPaise"`
	RejectionReason string         `json:"rejectionReason,omitempty"`
	OrderID         string         `json:"orderId"`
	StoreID         string         `json:"storeId"`
}

func summarizeReturn(r *returns.Return) returnSummary {
	return returnSummary{Status: r.Status, RefundPaise: r.Refund, RejectionReason: r.RejectionReason,
		OrderID: r.OrderID, StoreID: r.StoreID}
}

// UpdateReturn locks return id, lets change decide and saves the result
// with its events in one transaction; an admin's step is audited as act.
// returns.ErrNotFound when there is no such return.
func (s *Store) UpdateReturn(ctx context.Context, id, actor string, act AdminAction, change func(*returns.Return) error) (*returns.Return, error) {
	var r *returns.Return
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var before returnSummary
		var err error
		r, err = s.UpdateReturnTx(ctx, tx, id, actor, func(r *returns.Return) error {
			before = summarizeReturn(r)
			return change(r)
		})
		if err != nil || len(r.Changes()) == 0 || act.Action == "" {
			return err
		}
		return audit.Record(ctx, tx, s.topic, s.service, audit.Entry{Permission: act.Permission, Action: act.Action,
			TargetType: "Return", TargetID: r.ID, Before: before, After: summarizeReturn(r)})
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// UpdateReturnTx is UpdateReturn inside the caller's transaction (event
// handlers, whose dedupe mark shares it).
func (s *Store) UpdateReturnTx(ctx context.Context, tx pgx.Tx, id, actor string, change func(*returns.Return) error) (*returns.Return, error) {
	if len(uuids([]string{id})) == 0 {
		return nil, returns.ErrNotFound
	}
	rs, err := returnsWhere(ctx, tx, `r.id = $1 FOR UPDATE`, id)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, returns.ErrNotFound
	}
	r := rs[0]
	if err := change(r); err != nil {
		return nil, err
	}
	if len(r.Changes()) == 0 {
		return r, nil
	}
	if _, err := tx.Exec(ctx, `UPDATE returns SET status = $2, rejection_reason = nullif($3, ''), decided_at = $4,
		received_at = $5, refunded_at = $6, updated_at = $7 WHERE id = $1`,
		r.ID, r.Status, r.RejectionReason, r.DecidedAt, r.ReceivedAt, r.RefundedAt, r.UpdatedAt); err != nil {
		return nil, fmt.Errorf("update return %s: %w", id, err)
	}
	batch := &pgx.Batch{}
	for _, it := range r.Items {
		batch.Queue(`UPDATE return_items SET resaleable = $3 WHERE return_id = $1 AND order_item_id = $2`,
			r.ID, it.OrderItemID, it.Resaleable)
	}
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return nil, fmt.Errorf("update items of return %s: %w", id, err)
	}
	full, err := orderFullyReturned(ctx, tx, r.OrderID)
	if err != nil {
		return nil, err
	}
	if err := s.saveReturnChanges(ctx, tx, r, actor, full); err != nil {
		return nil, err
	}
	if r.Status == returns.Refunded {
		return r, s.fulfilmentReturned(ctx, tx, r.OrderID, r.FulfilmentID, actor, r.UpdatedAt)
	}
	return r, nil
}

// orderFullyReturned: every unit of every line of the order is in a return
// the store received (or refunded), or in a cancelled fulfilment — the
// shopper kept nothing of it.
func orderFullyReturned(ctx context.Context, tx pgx.Tx, orderID string) (bool, error) {
	var kept bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (
		SELECT 1 FROM order_items i
		LEFT JOIN fulfilments f ON f.order_id = i.order_id AND f.store_id = i.store_id
		WHERE i.order_id = $1 AND coalesce(f.status, '') <> 'CANCELLED'
		  AND i.quantity > (SELECT coalesce(sum(ri.quantity), 0) FROM return_items ri JOIN returns r ON r.id = ri.return_id
		                    WHERE ri.order_item_id = i.id AND r.status IN ('RECEIVED', 'REFUNDED')))`, orderID).Scan(&kept)
	if err != nil {
		return false, fmt.Errorf("is order %s fully returned: %w", orderID, err)
	}
	return !kept, nil
}

// fulfilmentReturned moves a delivered fulfilment to RETURNED once every
// unit of its lines was returned and refunded, through the order's own
// fulfilment rules (order.ReturnFulfilment): the order's status is derived
// again and order.fulfilment_changed published, in tx.
func (s *Store) fulfilmentReturned(ctx context.Context, tx pgx.Tx, orderID, fulfilmentID, actor string, at time.Time) error {
	var all bool
	err := tx.QueryRow(ctx, `SELECT f.status = 'DELIVERED' AND NOT EXISTS (
			SELECT 1 FROM order_items i WHERE i.order_id = f.order_id AND i.store_id = f.store_id
			  AND i.quantity > (SELECT coalesce(sum(ri.quantity), 0) FROM return_items ri JOIN returns r ON r.id = ri.return_id
			                    WHERE ri.order_item_id = i.id AND r.status = 'REFUNDED'))
		FROM fulfilments f WHERE f.id = $1`, fulfilmentID).Scan(&all)
	if err != nil {
		return fmt.Errorf("is fulfilment %s returned: %w", fulfilmentID, err)
	}
	if !all {
		return nil
	}
	_, err = s.UpdateTx(ctx, tx, orderID, actor, func(o *order.Order) error {
		_, err := o.ReturnFulfilment(fulfilmentID, at)
		return err
	})
	return err
}
