package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// ErrNoCart: the user has no cart (UpdateCartTx does not create one).
var ErrNoCart = errors.New("no cart")

// cartRows selects carts with their lines, one row per line (a cart without
// lines gives one row of NULL line columns).
const cartRows = `SELECT c.id, c.user_id, coalesce(c.coupon_code, ''), c.version, c.created_at, c.updated_at,
	i.id, i.variant_id, i.quantity, i.created_version, i.added_at, i.updated_at
	FROM carts c LEFT JOIN cart_items i ON i.cart_id = c.id`

// CartsByUserIDs loads the carts of users in one query, lines oldest first.
// Users without a cart are absent. ids must be UUIDs.
func (s *Store) CartsByUserIDs(ctx context.Context, userIDs []string) (map[string]*cart.Cart, error) {
	rows, err := s.db.Query(ctx, cartRows+` WHERE c.user_id = ANY($1::uuid[]) ORDER BY c.user_id, i.added_at, i.id`, userIDs)
	if err != nil {
		return nil, fmt.Errorf("carts by users: %w", err)
	}
	carts, err := collectCarts(rows)
	if err != nil {
		return nil, fmt.Errorf("carts by users: %w", err)
	}
	out := make(map[string]*cart.Cart, len(carts))
	for _, c := range carts {
		out[c.UserID] = c
	}
	return out, nil
}

// collectCarts folds cartRows (ordered by cart) into carts.
func collectCarts(rows pgx.Rows) ([]*cart.Cart, error) {
	defer rows.Close()
	var (
		out   []*cart.Cart
		cur   *cart.Cart
		lines []cart.Line
	)
	flush := func() {
		if cur != nil {
			out = append(out, cart.Load(cur.ID, cur.UserID, cur.CouponCode, cur.Version, lines, cur.CreatedAt, cur.UpdatedAt))
		}
	}
	for rows.Next() {
		var (
			c                      cart.Cart
			lineID, variantID      *string
			quantity, created      *int
			addedAt, lineUpdatedAt *time.Time
		)
		if err := rows.Scan(&c.ID, &c.UserID, &c.CouponCode, &c.Version, &c.CreatedAt, &c.UpdatedAt,
			&lineID, &variantID, &quantity, &created, &addedAt, &lineUpdatedAt); err != nil {
			return nil, err
		}
		if cur == nil || cur.ID != c.ID {
			flush()
			cur, lines = &c, nil
		}
		if lineID != nil {
			lines = append(lines, cart.Line{ID: *lineID, VariantID: *variantID, Quantity: *quantity, CreatedVersion: *created,
				AddedAt: *addedAt, UpdatedAt: *lineUpdatedAt})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// EnsureCart creates userID's cart as id unless the user has one.
func (s *Store) EnsureCart(ctx context.Context, id, userID string) error {
	if _, err := s.db.Exec(ctx, `INSERT INTO carts (id, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, id, userID); err != nil {
		return fmt.Errorf("create cart: %w", err)
	}
	return nil
}

// UpdateCart locks userID's cart (creating it as newID first if the user
// has none), lets fn change it and saves the changes, in one transaction.
// An error from fn writes nothing.
func (s *Store) UpdateCart(ctx context.Context, userID, newID string, now time.Time, fn func(c *cart.Cart) error) (*cart.Cart, error) {
	var out *cart.Cart
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		c, err := lockCart(ctx, tx, userID, newID)
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
		out = c
		return saveCart(ctx, tx, c, now)
	})
	return out, err
}

// UpdateCartTx is UpdateCart inside the caller's transaction (an event
// handler's) for a cart that must exist already: ErrNoCart otherwise.
func (s *Store) UpdateCartTx(ctx context.Context, tx pgx.Tx, userID string, now time.Time, fn func(c *cart.Cart) error) error {
	c, err := lockCart(ctx, tx, userID, "")
	if err != nil {
		return err
	}
	if err := fn(c); err != nil {
		return err
	}
	return saveCart(ctx, tx, c, now)
}

// lockCart loads userID's cart FOR UPDATE with its lines in one round trip.
// The lines are read by a statement that starts after the lock is held, so
// they are current. A missing cart is created as newID first (when newID is
// not ""): the common case, an existing cart, costs no insert.
func lockCart(ctx context.Context, tx pgx.Tx, userID, newID string) (*cart.Cart, error) {
	c, err := loadLocked(ctx, tx, userID)
	if !errors.Is(err, ErrNoCart) || newID == "" {
		return c, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO carts (id, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, newID, userID); err != nil {
		return nil, fmt.Errorf("create cart: %w", err)
	}
	return loadLocked(ctx, tx, userID)
}

func loadLocked(ctx context.Context, tx pgx.Tx, userID string) (*cart.Cart, error) {
	b := &pgx.Batch{}
	b.Queue(`SELECT 1 FROM carts WHERE user_id = $1 FOR UPDATE`, userID)
	b.Queue(cartRows+` WHERE c.user_id = $1 ORDER BY i.added_at, i.id`, userID)
	res := tx.SendBatch(ctx, b)
	defer res.Close()
	if _, err := res.Exec(); err != nil {
		return nil, fmt.Errorf("lock cart: %w", err)
	}
	rows, err := res.Query()
	if err != nil {
		return nil, fmt.Errorf("load cart: %w", err)
	}
	carts, err := collectCarts(rows)
	if err != nil {
		return nil, fmt.Errorf("load cart: %w", err)
	}
	if len(carts) == 0 {
		return nil, ErrNoCart
	}
	return carts[0], nil
}

// saveCart writes what changed in c since it was loaded, as one more
// version of the cart (a new line carries that version already).
func saveCart(ctx context.Context, tx pgx.Tx, c *cart.Cart, now time.Time) error {
	upserts, deleted, couponChanged := c.Changes()
	if len(upserts) == 0 && len(deleted) == 0 && !couponChanged {
		return nil
	}
	b := &pgx.Batch{}
	if len(deleted) > 0 {
		b.Queue(`DELETE FROM cart_items WHERE cart_id = $1 AND id = ANY($2::uuid[])`, c.ID, deleted)
	}
	for _, l := range upserts {
		b.Queue(`INSERT INTO cart_items (id, cart_id, variant_id, quantity, created_version, added_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (id) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = EXCLUDED.updated_at`,
			l.ID, c.ID, l.VariantID, l.Quantity, l.CreatedVersion, l.AddedAt, l.UpdatedAt)
	}
	b.Queue(`UPDATE carts SET coupon_code = NULLIF($2, ''), version = $3, updated_at = $4 WHERE id = $1`,
		c.ID, c.CouponCode, c.NextVersion(), now)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("save cart %s: %w", c.ID, err)
	}
	c.Version, c.UpdatedAt = c.NextVersion(), now
	return nil
}
