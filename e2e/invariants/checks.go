package invariants

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Order statuses (orders' OrderStatus) by what they mean for stock and money.
var (
	liveStatuses     = map[string]bool{"CONFIRMED": true, "PACKED": true, "SHIPPED": true, "DELIVERED": true}
	inFlightStatuses = map[string]bool{"PENDING_PAYMENT": true, "PAID": true}
)

// StockLedger: for each variant of Expect.Stocked, every unit stocked is
// available, reserved or sold (committed to a confirmed order):
// stocked = available + reserved + sold.
func StockLedger(ctx context.Context, db *DBs, e Expect) ([]string, error) {
	if len(e.Stocked) == 0 {
		return nil, nil
	}
	ids := make([]string, 0, len(e.Stocked))
	for id := range e.Stocked {
		ids = append(ids, id)
	}
	rows, err := db.Conn("inventory").Query(ctx, `SELECT l.variant_id::text, l.on_hand, l.reserved,
		COALESCE((SELECT sum(rl.quantity) FROM stock_reservation_lines rl JOIN stock_reservations r USING (order_id)
			WHERE rl.variant_id = l.variant_id AND r.status = 'COMMITTED'), 0)
		-- units sold and then returned resaleable are back on hand: not sold
		- COALESCE((SELECT sum(rr.quantity) FROM return_restocks rr WHERE rr.variant_id = l.variant_id), 0)
		FROM stock_levels l WHERE l.variant_id = ANY($1::uuid[])`, ids)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	var id string
	var onHand, reserved, sold int
	_, err = pgx.ForEachRow(rows, []any{&id, &onHand, &reserved, &sold}, func() error {
		seen[id] = true
		if available := onHand - reserved; e.Stocked[id] != available+reserved+sold {
			out = append(out, fmt.Sprintf("variant %s: stocked %d ≠ available %d + reserved %d + sold %d",
				id, e.Stocked[id], available, reserved, sold))
		}
		return nil
	})
	for _, id := range ids {
		if !seen[id] {
			out = append(out, fmt.Sprintf("variant %s has no stock level", id))
		}
	}
	return out, err
}

// ReservedMatchesReservations: a variant's reserved count is exactly the
// units of its live (RESERVED) reservations, for every variant.
func ReservedMatchesReservations(ctx context.Context, db *DBs, _ Expect) ([]string, error) {
	rows, err := db.Conn("inventory").Query(ctx, `SELECT l.variant_id::text, l.reserved,
		COALESCE((SELECT sum(rl.quantity) FROM stock_reservation_lines rl JOIN stock_reservations r USING (order_id)
			WHERE rl.variant_id = l.variant_id AND r.status = 'RESERVED'), 0) AS held
		FROM stock_levels l`)
	if err != nil {
		return nil, err
	}
	var out []string
	var id string
	var reserved, held int
	_, err = pgx.ForEachRow(rows, []any{&id, &reserved, &held}, func() error {
		if reserved != held {
			out = append(out, fmt.Sprintf("variant %s: reserved %d but live reservations hold %d", id, reserved, held))
		}
		return nil
	})
	return out, err
}

type order struct {
	number, status, method string
	total                  int64
}

func orders(ctx context.Context, db *DBs) (map[string]order, error) {
	rows, err := db.Conn("orders").Query(ctx, `SELECT id::text, order_number, status, payment_method, total_paise FROM orders`)
	if err != nil {
		return nil, err
	}
	out := map[string]order{}
	var id string
	var o order
	_, err = pgx.ForEachRow(rows, []any{&id, &o.number, &o.status, &o.method, &o.total}, func() error {
		out[id] = o
		return nil
	})
	return out, err
}

// OrdersMatchStock: a confirmed (or later) order has its stock committed, so
// no unit of it can be sold to anyone else; a cancelled order holds none.
// An order CONFIRMED over an EXPIRED reservation is the oversell this catches.
func OrdersMatchStock(ctx context.Context, db *DBs, _ Expect) ([]string, error) {
	all, err := orders(ctx, db)
	if err != nil {
		return nil, err
	}
	rows, err := db.Conn("inventory").Query(ctx, `SELECT order_id::text, status FROM stock_reservations`)
	if err != nil {
		return nil, err
	}
	reservations := map[string]string{}
	var id, status string
	if _, err := pgx.ForEachRow(rows, []any{&id, &status}, func() error { reservations[id] = status; return nil }); err != nil {
		return nil, err
	}
	var out []string
	for id, o := range all {
		r := reservations[id]
		switch {
		case liveStatuses[o.status] && r != "COMMITTED":
			out = append(out, fmt.Sprintf("order %s is %s but its reservation is %q", o.number, o.status, r))
		case o.status == "CANCELLED" && (r == "RESERVED" || r == "COMMITTED"):
			out = append(out, fmt.Sprintf("order %s is CANCELLED but its reservation is still %s", o.number, r))
		}
	}
	return out, nil
}

type paid struct {
	captures                      int
	captured, refunded, refunding int64
}

func payments(ctx context.Context, db *DBs) (map[string]paid, error) {
	rows, err := db.Conn("payments").Query(ctx, `SELECT order_id::text, count(*) FILTER (WHERE captured_paise > 0),
		sum(captured_paise), sum(refunded_paise), sum(refunding_paise) FROM payments GROUP BY order_id`)
	if err != nil {
		return nil, err
	}
	out := map[string]paid{}
	var id string
	var p paid
	_, err = pgx.ForEachRow(rows, []any{&id, &p.captures, &p.captured, &p.refunded, &p.refunding}, func() error {
		out[id] = p
		return nil
	})
	return out, err
}

// AtMostOneCapture: no order's money was taken twice.
func AtMostOneCapture(ctx context.Context, db *DBs, _ Expect) ([]string, error) {
	all, err := payments(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for id, p := range all {
		if p.captures > 1 {
			out = append(out, fmt.Sprintf("order %s was captured %d times", id, p.captures))
		}
	}
	return out, nil
}

// MoneyMatchesOrders: a live order paid online was captured for its total; a
// cancelled order keeps no money (every capture refunded, none pending); a
// capture for an order orders does not know is refunded. A live COD order
// has collected nothing or its total.
func MoneyMatchesOrders(ctx context.Context, db *DBs, _ Expect) ([]string, error) {
	all, err := orders(ctx, db)
	if err != nil {
		return nil, err
	}
	money, err := payments(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for id, o := range all {
		p := money[id]
		kept := p.captured - p.refunded
		switch {
		case liveStatuses[o.status] && o.method != "COD" && p.captured != o.total:
			out = append(out, fmt.Sprintf("order %s is %s for %d paise but %d were captured", o.number, o.status, o.total, p.captured))
		case liveStatuses[o.status] && o.method == "COD" && p.captured != 0 && p.captured != o.total:
			out = append(out, fmt.Sprintf("COD order %s of %d paise collected %d", o.number, o.total, p.captured))
		case o.status == "CANCELLED" && (kept != 0 || p.refunding != 0):
			out = append(out, fmt.Sprintf("order %s is CANCELLED but keeps %d paise (%d still refunding)", o.number, kept, p.refunding))
		}
	}
	for id, p := range money {
		if _, ok := all[id]; !ok && p.captured-p.refunded != 0 {
			out = append(out, fmt.Sprintf("order %s is unknown to orders but %d paise were kept", id, p.captured-p.refunded))
		}
	}
	return out, nil
}

// CouponLimits: no coupon is held or redeemed more times than its limits.
func CouponLimits(ctx context.Context, db *DBs, _ Expect) ([]string, error) {
	rows, err := db.Conn("promotions").Query(ctx, `SELECT c.code, c.usage_limit, count(*) FROM coupons c
		JOIN coupon_holds h ON h.coupon_id = c.id AND h.status IN ('PENDING', 'REDEEMED')
		WHERE c.usage_limit IS NOT NULL GROUP BY c.id HAVING count(*) > c.usage_limit
		UNION ALL
		SELECT c.code || ' for user ' || h.user_id, c.per_user_limit, count(*) FROM coupons c
		JOIN coupon_holds h ON h.coupon_id = c.id AND h.status IN ('PENDING', 'REDEEMED')
		WHERE c.per_user_limit IS NOT NULL GROUP BY c.id, h.user_id HAVING count(*) > c.per_user_limit`)
	if err != nil {
		return nil, err
	}
	var out []string
	var code string
	var limit, used int
	_, err = pgx.ForEachRow(rows, []any{&code, &limit, &used}, func() error {
		out = append(out, fmt.Sprintf("coupon %s used %d times, limit %d", code, used, limit))
		return nil
	})
	return out, err
}

// AcknowledgedSettled: every order checkout acknowledged exists and reached
// a final state (no lost order, none stuck waiting for an event).
func AcknowledgedSettled(ctx context.Context, db *DBs, e Expect) ([]string, error) {
	if len(e.Acknowledged) == 0 {
		return nil, nil
	}
	all, err := orders(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, id := range e.Acknowledged {
		o, ok := all[id]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("acknowledged order %s was lost", id))
		case inFlightStatuses[o.status]:
			out = append(out, fmt.Sprintf("order %s is still %s", o.number, o.status))
		}
	}
	return out, nil
}
