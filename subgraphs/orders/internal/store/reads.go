package store

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

// OrdersByIDs returns the orders (without items) among ids, by id, in one
// query. Ids that are not UUIDs are simply not found.
func (s *Store) OrdersByIDs(ctx context.Context, ids []string) (map[string]*order.Order, error) {
	ids = uuids(ids)
	rows, err := s.db.Query(ctx, `SELECT `+orderCols+` FROM orders o WHERE o.id = ANY($1::uuid[])`, ids)
	if err != nil {
		return nil, fmt.Errorf("orders by ids: %w", err)
	}
	defer rows.Close()
	out := make(map[string]*order.Order, len(ids))
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, fmt.Errorf("scan order: %w", err)
		}
		out[o.ID] = o
	}
	return out, rows.Err()
}

// uuids keeps the canonical UUIDs of ids: anything else cannot be an order
// id, and must not reach a ::uuid cast.
func uuids(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if u, err := uuid.Parse(id); err == nil && u.String() == id {
			out = append(out, id)
		}
	}
	return out
}

// OrderByID returns order id (without items), nil when there is none.
func (s *Store) OrderByID(ctx context.Context, id string) (*order.Order, error) {
	found, err := s.OrdersByIDs(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return found[id], nil
}

// OrderByKey returns the user's order placed with idempotency key, nil when none.
func (s *Store) OrderByKey(ctx context.Context, userID, key string) (*order.Order, error) {
	o, err := scanOrder(s.db.QueryRow(ctx, `SELECT `+orderCols+` FROM orders o
		WHERE o.user_id = $1 AND o.idempotency_key = $2`, userID, key))
	if pg.IsNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("order by key: %w", err)
	}
	return o, nil
}

// ItemsByOrderIDs returns the items of each order, in cart order, in one query.
func (s *Store) ItemsByOrderIDs(ctx context.Context, ids []string) (map[string][]order.Item, error) {
	return itemsOf(ctx, s.db, ids)
}

// HistoryByOrderIDs returns each order's status history, oldest first, in one query.
func (s *Store) HistoryByOrderIDs(ctx context.Context, ids []string) (map[string][]order.Change, error) {
	rows, err := s.db.Query(ctx, `SELECT order_id, coalesce(from_status, ''), to_status, coalesce(note, ''), at
		FROM order_status_history WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, id`, ids)
	if err != nil {
		return nil, fmt.Errorf("order history: %w", err)
	}
	defer rows.Close()
	out := make(map[string][]order.Change, len(ids))
	for rows.Next() {
		var id string
		var c order.Change
		if err := rows.Scan(&id, &c.From, &c.To, &c.Note, &c.At); err != nil {
			return nil, fmt.Errorf("scan order history: %w", err)
		}
		c.At = c.At.UTC()
		out[id] = append(out[id], c)
	}
	return out, rows.Err()
}

// Filter selects the orders of a list: a buyer's, or those with items of
// any of some stores (optionally in one status).
type Filter struct {
	UserID   string
	StoreIDs []string
	Status   order.Status
	// SingleStore keeps only orders of one store (storeOrders).
	SingleStore bool
}

func (f Filter) where() (string, []any) {
	if f.UserID != "" {
		return `o.user_id = $1`, []any{f.UserID}
	}
	return `o.store_ids && $1::uuid[] AND ($2 = '' OR o.status = $2) AND (NOT $3 OR cardinality(o.store_ids) = 1)`,
		[]any{f.StoreIDs, string(f.Status), f.SingleStore}
}

// List returns one page of the filter's orders (without items), newest
// first, and how many match in all.
func (s *Store) List(ctx context.Context, f Filter, p order.Page) ([]*order.Order, int, bool, error) {
	where, args := f.where()
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM orders o WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, false, fmt.Errorf("count orders: %w", err)
	}
	after := fmt.Sprintf("$%d", len(args)+1)
	limit := fmt.Sprintf("$%d", len(args)+2)
	var afterID *string
	if p.After != "" {
		afterID = &p.After
	}
	rows, err := s.db.Query(ctx, `SELECT `+orderCols+` FROM orders o WHERE `+where+`
		AND (`+after+`::uuid IS NULL OR o.id < `+after+`::uuid) ORDER BY o.id DESC LIMIT `+limit,
		append(args, afterID, p.First+1)...)
	if err != nil {
		return nil, 0, false, fmt.Errorf("list orders: %w", err)
	}
	defer rows.Close()
	var out []*order.Order
	for rows.Next() {
		o, err := scanOrder(rows)
		if err != nil {
			return nil, 0, false, fmt.Errorf("scan order: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, false, err
	}
	more := len(out) > p.First
	if more {
		out = out[:p.First]
	}
	return out, total, more, nil
}

// Claim is the holder of a checkout's (user, idempotency key).
type Claim struct {
	OrderID string
	Won     bool // this call took the claim
	Stale   bool // held longer than staleAfter: its checkout died
}

// ClaimCheckout takes the claim of (user, key) for orderID, or returns who
// holds it (staleness by the database's clock, the same for every
// instance). ok is false when the holder went away in between: try again.
func (s *Store) ClaimCheckout(ctx context.Context, userID, key, orderID string, staleAfter time.Duration) (c Claim, ok bool, err error) {
	err = s.db.QueryRow(ctx, `WITH ins AS (
			INSERT INTO checkout_claims (user_id, idempotency_key, order_id) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING RETURNING order_id)
		SELECT order_id::text, true, false FROM ins
		UNION ALL
		SELECT order_id::text, false, claimed_at < now() - $4::interval FROM checkout_claims
		WHERE user_id = $1 AND idempotency_key = $2 AND NOT EXISTS (SELECT 1 FROM ins)`,
		userID, key, orderID, staleAfter).Scan(&c.OrderID, &c.Won, &c.Stale)
	if pg.IsNoRows(err) {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("claim checkout: %w", err)
	}
	return c, true, nil
}

// TakeOverClaim moves a stale claim from oldOrderID to newOrderID and
// publishes order.checkout_abandoned for the dead checkout's order, in one
// transaction; false when someone else changed the claim first.
func (s *Store) TakeOverClaim(ctx context.Context, userID, key, oldOrderID, newOrderID string, at time.Time) (bool, error) {
	var took bool
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE checkout_claims SET order_id = $4, claimed_at = now()
			WHERE user_id = $1 AND idempotency_key = $2 AND order_id = $3`, userID, key, oldOrderID, newOrderID)
		if err != nil || tag.RowsAffected() != 1 {
			return err
		}
		took = true
		return s.abandoned(ctx, tx, order.CheckoutAbandoned{OrderID: oldOrderID, UserID: userID, At: at})
	})
	if err != nil {
		return false, fmt.Errorf("take over checkout claim: %w", err)
	}
	return took, nil
}

// ReleaseClaim drops orderID's claim of (user, key) after a failed checkout.
func (s *Store) ReleaseClaim(ctx context.Context, userID, key, orderID string) error {
	if _, err := s.db.Exec(ctx, `DELETE FROM checkout_claims WHERE user_id = $1 AND idempotency_key = $2
		AND order_id = $3`, userID, key, orderID); err != nil {
		return fmt.Errorf("release checkout claim: %w", err)
	}
	return nil
}
