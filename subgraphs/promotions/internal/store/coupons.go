package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// ErrCodeTaken: another coupon has the code (codes are unique ignoring case).
var ErrCodeTaken = errs.Conflicting("a coupon with this code already exists").WithReason("COUPON_CODE_TAKEN")

// ErrCouponNotFound: no coupon has the id.
var ErrCouponNotFound = errs.Missing("coupon")

const couponCols = `c.id, c.code, c.description, c.type, c.percent_off, c.amount_off_paise, c.max_discount_paise,
	c.min_order_paise, c.starts_at, c.ends_at, c.usage_limit, c.per_user_limit, c.category_ids::text[],
	c.brand_ids::text[], c.buyer_roles, c.assigned_only, c.active, c.created_at, c.updated_at`

// counted is the SQL condition of the holds the limits count.
const counted = `h.status IN ('PENDING', 'REDEEMED')`

func scanCoupon(row pgx.Row, extra ...any) (promo.Coupon, error) {
	var c promo.Coupon
	dest := append([]any{&c.ID, &c.Code, &c.Description, &c.Type, &c.PercentOff, &c.AmountOff, &c.MaxDiscount,
		&c.MinOrder, &c.StartsAt, &c.EndsAt, &c.UsageLimit, &c.PerUserLimit, &c.CategoryIDs, &c.BrandIDs,
		&c.BuyerRoles, &c.AssignedOnly, &c.Active, &c.CreatedAt, &c.UpdatedAt}, extra...)
	err := row.Scan(dest...)
	return c, err
}

// seenCols adds whether the caller ($2, NULL when anonymous) is assigned.
const seenCols = couponCols + `, EXISTS (SELECT 1 FROM coupon_users u WHERE u.coupon_id = c.id AND u.user_id = $2)`

func scanSeen(row pgx.Row) (promo.SeenCoupon, error) {
	var s promo.SeenCoupon
	var err error
	s.Coupon, err = scanCoupon(row, &s.Assigned)
	return s, err
}

// CouponsByIDs loads coupons in one query, with whether callerID ("" for
// anonymous) is assigned to each. ids must be UUIDs.
func (s *Store) CouponsByIDs(ctx context.Context, ids []string, callerID string) (map[string]promo.SeenCoupon, error) {
	list, err := collect(ctx, s.db, `SELECT `+seenCols+` FROM coupons c WHERE c.id = ANY($1::uuid[])`,
		scanSeen, ids, nullable(callerID))
	if err != nil {
		return nil, fmt.Errorf("coupons by ids: %w", err)
	}
	out := make(map[string]promo.SeenCoupon, len(list))
	for _, c := range list {
		out[c.ID] = c
	}
	return out, nil
}

// CouponByCode loads the coupon with code (upper-case), or nil.
func (s *Store) CouponByCode(ctx context.Context, code, callerID string) (*promo.SeenCoupon, error) {
	c, err := scanSeen(s.db.QueryRow(ctx, `SELECT `+seenCols+` FROM coupons c WHERE c.code = $1`, code, nullable(callerID)))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("coupon by code: %w", err)
	}
	return &c, nil
}

// CouponForBuyer loads the coupon with code and its usage as seen from
// userID ("" for no user), in one query; nil when no coupon has the code.
func (s *Store) CouponForBuyer(ctx context.Context, code, userID string) (*promo.Coupon, promo.Usage, error) {
	var u promo.Usage
	c, err := scanCoupon(s.db.QueryRow(ctx, `SELECT `+couponCols+`,
		EXISTS (SELECT 1 FROM coupon_users u WHERE u.coupon_id = c.id AND u.user_id = $2),
		(SELECT count(*) FROM coupon_holds h WHERE h.coupon_id = c.id AND `+counted+`),
		(SELECT count(*) FROM coupon_holds h WHERE h.coupon_id = c.id AND h.user_id = $2 AND `+counted+`)
		FROM coupons c WHERE c.code = $1`, code, nullable(userID)), &u.Assigned, &u.Total, &u.ByBuyer)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, u, nil
	}
	if err != nil {
		return nil, u, fmt.Errorf("coupon for buyer: %w", err)
	}
	return &c, u, nil
}

// UsableCoupons lists the coupons userID with role can use at now: public
// or assigned to them, switched on, within their window, open to the role,
// not used up in total or by them. Soonest-ending first.
func (s *Store) UsableCoupons(ctx context.Context, userID, role string, now time.Time, limit int) ([]promo.SeenCoupon, error) {
	list, err := collect(ctx, s.db, `SELECT `+seenCols+` FROM coupons c
		WHERE c.active AND c.starts_at <= $3 AND (c.ends_at IS NULL OR c.ends_at > $3)
		  AND (cardinality(c.buyer_roles) = 0 OR $4 = ANY (c.buyer_roles))
		  AND (NOT c.assigned_only OR EXISTS (SELECT 1 FROM coupon_users u WHERE u.coupon_id = c.id AND u.user_id = $2))
		  AND (c.usage_limit IS NULL OR c.usage_limit >
		       (SELECT count(*) FROM coupon_holds h WHERE h.coupon_id = c.id AND `+counted+`))
		  AND (c.per_user_limit IS NULL OR c.per_user_limit >
		       (SELECT count(*) FROM coupon_holds h WHERE h.coupon_id = c.id AND h.user_id = $2 AND `+counted+`))
		ORDER BY c.ends_at NULLS LAST, c.code
		LIMIT $1`, scanSeen, limit, userID, now, role)
	if err != nil {
		return nil, fmt.Errorf("usable coupons: %w", err)
	}
	return list, nil
}

// CouponCounts returns the usage figures of coupons in one query.
func (s *Store) CouponCounts(ctx context.Context, ids []string) (map[string]promo.CouponCounts, error) {
	type row struct {
		id string
		n  promo.CouponCounts
	}
	list, err := collect(ctx, s.db, `SELECT c.id,
		(SELECT count(*) FROM coupon_holds h WHERE h.coupon_id = c.id AND `+counted+`),
		(SELECT count(*) FROM coupon_redemptions r WHERE r.coupon_id = c.id AND r.released_at IS NULL)
		FROM coupons c WHERE c.id = ANY($1::uuid[])`, func(r pgx.Row) (row, error) {
		var x row
		err := r.Scan(&x.id, &x.n.Used, &x.n.Redeemed)
		return x, err
	}, ids)
	if err != nil {
		return nil, fmt.Errorf("coupon counts: %w", err)
	}
	out := make(map[string]promo.CouponCounts, len(list))
	for _, x := range list {
		out[x.id] = x.n
	}
	return out, nil
}

// AssignedUsers returns the users assigned to coupons, with their uses, in
// one query.
func (s *Store) AssignedUsers(ctx context.Context, ids []string) (map[string][]promo.CouponUser, error) {
	list, err := collect(ctx, s.db, `SELECT u.coupon_id, u.user_id, u.assigned_at,
		(SELECT count(*) FROM coupon_holds h WHERE h.coupon_id = u.coupon_id AND h.user_id = u.user_id AND `+counted+`)
		FROM coupon_users u WHERE u.coupon_id = ANY($1::uuid[])
		ORDER BY u.coupon_id, u.assigned_at, u.user_id`, func(r pgx.Row) (promo.CouponUser, error) {
		var cu promo.CouponUser
		err := r.Scan(&cu.CouponID, &cu.UserID, &cu.AssignedAt, &cu.TimesUsed)
		return cu, err
	}, ids)
	if err != nil {
		return nil, fmt.Errorf("assigned users: %w", err)
	}
	out := make(map[string][]promo.CouponUser, len(ids))
	for _, cu := range list {
		out[cu.CouponID] = append(out[cu.CouponID], cu)
	}
	return out, nil
}

// CreateCoupon inserts c with its assigned users and publishes coupon.created.
func (s *Store) CreateCoupon(ctx context.Context, c promo.Coupon, assigned []string, actor string, act AdminAction) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := s.insertCoupon(ctx, tx, c, assigned, false); err != nil {
			return err
		}
		if err := s.appendEvents(ctx, tx, actor, event{c.ID, promo.CouponCreatedEvent(c)}); err != nil {
			return err
		}
		return s.audit(ctx, tx, act, "Coupon", c.ID, nil, summarizeCoupon(c))
	})
}

// SeedCoupon inserts c unless a coupon with its id or code exists, and
// publishes coupon.created only when it inserted it.
func (s *Store) SeedCoupon(ctx context.Context, c promo.Coupon, assigned []string) (bool, error) {
	var inserted bool
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		if inserted, err = s.insertCoupon(ctx, tx, c, assigned, true); err != nil || !inserted {
			return err
		}
		return s.appendEvents(ctx, tx, "", event{c.ID, promo.CouponCreatedEvent(c)})
	})
	return inserted, err
}

func (s *Store) insertCoupon(ctx context.Context, tx pgx.Tx, c promo.Coupon, assigned []string, skipExisting bool) (bool, error) {
	onConflict := ""
	if skipExisting {
		onConflict = ` ON CONFLICT DO NOTHING`
	}
	tag, err := tx.Exec(ctx, `INSERT INTO coupons (id, code, description, type, percent_off, amount_off_paise,
		max_discount_paise, min_order_paise, starts_at, ends_at, usage_limit, per_user_limit, category_ids, brand_ids,
		buyer_roles, assigned_only, active, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`+onConflict,
		c.ID, c.Code, c.Description, c.Type, c.PercentOff, c.AmountOff, c.MaxDiscount, c.MinOrder, c.StartsAt, c.EndsAt,
		c.UsageLimit, c.PerUserLimit, nonNil(c.CategoryIDs), nonNil(c.BrandIDs), nonNil(c.BuyerRoles), c.AssignedOnly,
		c.Active, c.CreatedAt, c.UpdatedAt)
	if pg.IsUniqueViolation(err, "coupons_code") {
		return false, ErrCodeTaken
	}
	if err != nil {
		return false, fmt.Errorf("insert coupon: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	return true, replaceAssigned(ctx, tx, c.ID, assigned, c.CreatedAt)
}

// UpdateCoupon locks coupon id, lets edit change it, and saves the change
// with a coupon.updated event (and, for an admin, the audit entry act), all
// in one transaction. Nothing is written when edit fails or changes nothing.
func (s *Store) UpdateCoupon(ctx context.Context, id, actor string, act AdminAction, edit func(promo.Coupon) (promo.CouponEdit, error)) (promo.Coupon, error) {
	var out promo.Coupon
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		c, err := scanCoupon(tx.QueryRow(ctx, `SELECT `+couponCols+` FROM coupons c WHERE c.id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrCouponNotFound
		}
		if err != nil {
			return fmt.Errorf("lock coupon: %w", err)
		}
		e, err := edit(c)
		if err != nil {
			return err
		}
		out = e.Coupon
		if len(e.Changed) == 0 {
			return nil
		}
		n := e.Coupon
		if _, err := tx.Exec(ctx, `UPDATE coupons SET description = $2, percent_off = $3, amount_off_paise = $4,
			max_discount_paise = $5, min_order_paise = $6, starts_at = $7, ends_at = $8, usage_limit = $9,
			per_user_limit = $10, category_ids = $11, brand_ids = $12, buyer_roles = $13, assigned_only = $14,
			active = $15, updated_at = $16 WHERE id = $1`,
			n.ID, n.Description, n.PercentOff, n.AmountOff, n.MaxDiscount, n.MinOrder, n.StartsAt, n.EndsAt,
			n.UsageLimit, n.PerUserLimit, nonNil(n.CategoryIDs), nonNil(n.BrandIDs), nonNil(n.BuyerRoles),
			n.AssignedOnly, n.Active, n.UpdatedAt); err != nil {
			return fmt.Errorf("update coupon: %w", err)
		}
		if e.Assigned.Set {
			// Users who stay keep their assigned_at.
			if _, err := tx.Exec(ctx, `DELETE FROM coupon_users WHERE coupon_id = $1 AND NOT (user_id = ANY ($2::uuid[]))`,
				n.ID, nonNil(e.Assigned.Value)); err != nil {
				return fmt.Errorf("clear assigned users: %w", err)
			}
			if err := replaceAssigned(ctx, tx, n.ID, e.Assigned.Value, n.UpdatedAt); err != nil {
				return err
			}
		}
		if err := s.appendEvents(ctx, tx, actor, event{n.ID, promo.CouponUpdatedEvent(n, e.Changed)}); err != nil {
			return err
		}
		return s.audit(ctx, tx, act, "Coupon", n.ID, summarizeCoupon(c), summarizeCoupon(n))
	})
	return out, err
}

func replaceAssigned(ctx context.Context, tx pgx.Tx, couponID string, users []string, at time.Time) error {
	if len(users) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO coupon_users (coupon_id, user_id, assigned_at)
		SELECT $1, u, $3 FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`, couponID, users, at)
	if err != nil {
		return fmt.Errorf("assign users: %w", err)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
