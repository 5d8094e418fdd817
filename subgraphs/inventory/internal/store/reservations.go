package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
)

// Reserve holds every line of req for the order, or none: it locks the
// lines' stock rows in variant-id order, refuses with OUT_OF_STOCK if any
// line is short, and otherwise raises each row's reserved count under the
// guard on_hand - reserved >= quantity. When the order already has a
// reservation it returns that one and true, without changing anything.
func (s *Store) Reserve(ctx context.Context, req stock.ReserveRequest) (stock.Reservation, bool, error) {
	var (
		out     stock.Reservation
		existed bool
	)
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		// The reservation row first: a concurrent duplicate waits here for
		// this transaction and then finds the reservation it committed.
		var expires time.Time
		err := tx.QueryRow(ctx, `INSERT INTO stock_reservations (order_id, user_id, status, expires_at)
			VALUES ($1, $2, 'RESERVED', now() + make_interval(secs => $3))
			ON CONFLICT (order_id) DO NOTHING RETURNING expires_at`,
			req.OrderID, req.UserID, req.TTL.Seconds()).Scan(&expires)
		if errors.Is(err, pgx.ErrNoRows) {
			existed = true
			rs, err := reservations(ctx, tx, []string{req.OrderID}, "")
			if err != nil {
				return err
			}
			if len(rs) == 0 {
				return fmt.Errorf("reservation %s vanished", req.OrderID)
			}
			out = rs[0]
			return nil
		}
		if err != nil {
			return fmt.Errorf("insert reservation: %w", err)
		}
		out = stock.Reservation{OrderID: req.OrderID, UserID: req.UserID, Status: stock.Reserved, Lines: req.Lines, ExpiresAt: expires}
		levels, err := lockLevels(ctx, tx, variantIDs(req.Lines))
		if err != nil {
			return err
		}
		if err := stock.Shortages(levels, req.Lines); err != nil {
			return err
		}
		evs, err := apply(ctx, tx, levels, out.Changes(0, +1))
		if err != nil {
			return err
		}
		if err := insertLines(ctx, tx, out); err != nil {
			return err
		}
		return s.appendEvents(ctx, tx, req.UserID, evs...)
	})
	return out, existed, err
}

func insertLines(ctx context.Context, tx pgx.Tx, r stock.Reservation) error {
	ids, qs := make([]string, len(r.Lines)), make([]int32, len(r.Lines))
	for i, l := range r.Lines {
		ids[i], qs[i] = l.VariantID, int32(l.Quantity)
	}
	_, err := tx.Exec(ctx, `INSERT INTO stock_reservation_lines (order_id, variant_id, quantity)
		SELECT $1, v, q FROM unnest($2::uuid[], $3::int[]) AS t(v, q)`, r.OrderID, ids, qs)
	if err != nil {
		return fmt.Errorf("insert reservation lines: %w", err)
	}
	return nil
}

// Release moves the order's reservation along the transition move picks
// (nil: nothing to do), after check approves the caller. It reports whether
// the reservation moved; an unknown order moves nothing.
func (s *Store) Release(ctx context.Context, orderID, actor string, check func(stock.Reservation) error) (bool, error) {
	var moved bool
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		rs, err := reservations(ctx, tx, []string{orderID}, "FOR UPDATE")
		if err != nil || len(rs) == 0 {
			return err
		}
		if err := check(rs[0]); err != nil {
			return err
		}
		moved, err = s.transition(ctx, tx, rs[0], actor, stock.Reservation.Release)
		return err
	})
	return moved, err
}

// ErrRetakeShort: an order was confirmed after its reservation expired and
// its units are no longer all available; nothing was committed.
var ErrRetakeShort = errors.New("confirmed order's expired reservation cannot be taken again")

// ConfirmOrder commits the order's reservation in tx (the consumer's
// transaction). Unknown orders and reservations already released or
// committed are left alone: false.
func (s *Store) ConfirmOrder(ctx context.Context, tx pgx.Tx, orderID string) (bool, error) {
	return s.onOrder(ctx, tx, orderID, stock.Reservation.Confirm)
}

// ErrNoReservation: commitStock for an order inventory never reserved.
var ErrNoReservation = errors.New("no reservation for the order")

// Commit makes the order's reservation COMMITTED in its own transaction and
// returns it: a reserved one at once, an expired one only if its units are
// all still available (ErrRetakeShort otherwise), a committed one unchanged.
// A released one is stock.ErrClosed, an unknown order ErrNoReservation.
func (s *Store) Commit(ctx context.Context, orderID string) (stock.Reservation, error) {
	var out stock.Reservation
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		rs, err := reservations(ctx, tx, []string{orderID}, "FOR UPDATE")
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return ErrNoReservation
		}
		out = rs[0]
		_, _, err = out.Commit() // the refusals; the move itself is transition's
		if err != nil {
			return err
		}
		if _, err := s.transition(ctx, tx, out, "", func(r stock.Reservation) (stock.Transition, bool) {
			t, ok, _ := r.Commit()
			return t, ok
		}); err != nil {
			return err
		}
		out.Status = stock.Committed
		return nil
	})
	return out, err
}

// AbandonOrder releases in tx the reservation of a checkout that died before
// placing its order (order.checkout_abandoned). Only a RESERVED one moves.
func (s *Store) AbandonOrder(ctx context.Context, tx pgx.Tx, orderID string) (bool, error) {
	return s.onOrder(ctx, tx, orderID, stock.Reservation.Release)
}

// CancelOrder releases the order's reservation in tx, or returns the units
// of a committed one to the stock on hand. Anything else is left alone: false.
func (s *Store) CancelOrder(ctx context.Context, tx pgx.Tx, orderID string) (bool, error) {
	return s.onOrder(ctx, tx, orderID, stock.Reservation.Cancel)
}

// CancelLines gives back, in tx, the lines of variantIDs of the order's
// reservation (one store's cancelled fulfilment) and marks them so that no
// later move of the order counts them again. False when nothing moved.
func (s *Store) CancelLines(ctx context.Context, tx pgx.Tx, orderID string, variantIDs []string) (bool, error) {
	rs, err := reservations(ctx, tx, []string{orderID}, "FOR UPDATE")
	if err != nil || len(rs) == 0 {
		return false, err
	}
	t, given, ok := rs[0].CancelLines(variantIDs)
	if !ok {
		return false, nil
	}
	levels, err := lockLevels(ctx, tx, given)
	if err != nil {
		return false, err
	}
	evs, err := apply(ctx, tx, levels, t.Changes)
	if err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, `UPDATE stock_reservation_lines SET cancelled = true
		WHERE order_id = $1 AND variant_id = ANY($2::uuid[])`, orderID, given); err != nil {
		return false, fmt.Errorf("cancel reservation lines: %w", err)
	}
	return true, s.appendEvents(ctx, tx, "", evs...)
}

func (s *Store) onOrder(ctx context.Context, tx pgx.Tx, orderID string, move func(stock.Reservation) (stock.Transition, bool)) (bool, error) {
	rs, err := reservations(ctx, tx, []string{orderID}, "FOR UPDATE")
	if err != nil || len(rs) == 0 {
		return false, err
	}
	return s.transition(ctx, tx, rs[0], "", move)
}

// transition applies move to the locked reservation r: the stock deltas,
// the new status and their events.
func (s *Store) transition(ctx context.Context, tx pgx.Tx, r stock.Reservation, actor string,
	move func(stock.Reservation) (stock.Transition, bool)) (bool, error) {
	t, ok := move(r)
	if !ok {
		return false, nil
	}
	levels, err := lockLevels(ctx, tx, variantIDs(r.Lines))
	if err != nil {
		return false, err
	}
	if t.Retake {
		if err := stock.Shortages(levels, r.Lines); err != nil {
			return false, fmt.Errorf("%w: %v", ErrRetakeShort, err)
		}
	}
	evs, err := apply(ctx, tx, levels, t.Changes)
	if err != nil {
		return false, err
	}
	if err := setStatus(ctx, tx, t.To, r.OrderID); err != nil {
		return false, err
	}
	return true, s.appendEvents(ctx, tx, actor, evs...)
}

// ReapExpired expires up to limit reservations whose TTL has passed, in one
// transaction: their units become available again and each order gets one
// stock.reservation_expired. Reservations another instance (or a consumer)
// holds are skipped, not waited for. It returns how many expired.
func (s *Store) ReapExpired(ctx context.Context, limit int) (int, error) {
	var n int
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		rs, err := expired(ctx, tx, limit)
		if err != nil || len(rs) == 0 {
			return err
		}
		var (
			changes []stock.Change
			lines   []stock.Line
			orders  = make([]string, 0, len(rs))
			evs     []stock.Event
		)
		for _, r := range rs {
			t, ok := r.Expire()
			if !ok {
				continue
			}
			changes = append(changes, t.Changes...)
			lines = append(lines, r.Lines...)
			orders = append(orders, r.OrderID)
			evs = append(evs, stock.ReservationExpired{OrderID: r.OrderID})
		}
		levels, err := lockLevels(ctx, tx, variantIDs(lines))
		if err != nil {
			return err
		}
		levelEvs, err := apply(ctx, tx, levels, changes)
		if err != nil {
			return err
		}
		if err := setStatus(ctx, tx, stock.Expired, orders...); err != nil {
			return err
		}
		n = len(orders)
		return s.appendEvents(ctx, tx, "", append(levelEvs, evs...)...)
	})
	return n, err
}

func setStatus(ctx context.Context, tx pgx.Tx, to stock.Status, orderIDs ...string) error {
	if _, err := tx.Exec(ctx, `UPDATE stock_reservations SET status = $1, updated_at = now()
		WHERE order_id = ANY($2::uuid[])`, string(to), orderIDs); err != nil {
		return fmt.Errorf("set reservation status %s: %w", to, err)
	}
	return nil
}

type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// reservations loads the reservations of orderIDs with their lines; lock
// ("" or "FOR UPDATE") is appended to the reservation query.
func reservations(ctx context.Context, q querier, orderIDs []string, lock string) ([]stock.Reservation, error) {
	return withLines(ctx, q, `SELECT order_id::text, user_id, status, expires_at FROM stock_reservations
		WHERE order_id = ANY($1::uuid[]) `+lock, orderIDs)
}

// expired claims up to limit RESERVED reservations past their expiry, oldest
// first, skipping those locked by anyone else.
func expired(ctx context.Context, tx pgx.Tx, limit int) ([]stock.Reservation, error) {
	return withLines(ctx, tx, `SELECT order_id::text, user_id, status, expires_at FROM stock_reservations
		WHERE status = 'RESERVED' AND expires_at <= now() ORDER BY expires_at LIMIT $1
		FOR UPDATE SKIP LOCKED`, limit)
}

// withLines runs a reservation query and loads the lines of its rows.
func withLines(ctx context.Context, q querier, sql string, args ...any) ([]stock.Reservation, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("reservations: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (stock.Reservation, error) {
		var r stock.Reservation
		err := row.Scan(&r.OrderID, &r.UserID, &r.Status, &r.ExpiresAt)
		return r, err
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	byID := make(map[string]int, len(out))
	ids := make([]string, len(out))
	for i, r := range out {
		byID[r.OrderID], ids[i] = i, r.OrderID
	}
	rows, err = q.Query(ctx, `SELECT order_id::text, variant_id::text, quantity, cancelled FROM stock_reservation_lines
		WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, variant_id`, ids)
	if err != nil {
		return nil, fmt.Errorf("reservation lines: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var order string
		var l stock.Line
		var cancelled bool
		if err := rows.Scan(&order, &l.VariantID, &l.Quantity, &cancelled); err != nil {
			return nil, fmt.Errorf("scan reservation line: %w", err)
		}
		i := byID[order]
		out[i].Lines = append(out[i].Lines, l)
		if cancelled {
			out[i].Cancelled = append(out[i].Cancelled, l.VariantID)
		}
	}
	return out, rows.Err()
}

func variantIDs(lines []stock.Line) []string {
	ids := make([]string, len(lines))
	for i, l := range lines {
		ids[i] = l.VariantID
	}
	return ids
}
