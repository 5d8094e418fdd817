package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

const wishlistRows = `SELECT w.id, w.user_id, w.created_at, w.updated_at, i.id, i.variant_id, i.added_at
	FROM wishlists w LEFT JOIN wishlist_items i ON i.wishlist_id = w.id`

// WishlistsByUserIDs loads the wishlists of users in one query, items oldest
// first. Users without a wishlist are absent. ids must be UUIDs.
func (s *Store) WishlistsByUserIDs(ctx context.Context, userIDs []string) (map[string]*cart.Wishlist, error) {
	rows, err := s.db.Query(ctx, wishlistRows+` WHERE w.user_id = ANY($1::uuid[]) ORDER BY w.user_id, i.added_at, i.id`, userIDs)
	if err != nil {
		return nil, fmt.Errorf("wishlists by users: %w", err)
	}
	lists, err := collectWishlists(rows)
	if err != nil {
		return nil, fmt.Errorf("wishlists by users: %w", err)
	}
	out := make(map[string]*cart.Wishlist, len(lists))
	for _, w := range lists {
		out[w.UserID] = w
	}
	return out, nil
}

func collectWishlists(rows pgx.Rows) ([]*cart.Wishlist, error) {
	defer rows.Close()
	var (
		out   []*cart.Wishlist
		cur   *cart.Wishlist
		items []cart.SavedItem
	)
	flush := func() {
		if cur != nil {
			out = append(out, cart.LoadWishlist(cur.ID, cur.UserID, items, cur.CreatedAt, cur.UpdatedAt))
		}
	}
	for rows.Next() {
		var (
			w                 cart.Wishlist
			itemID, variantID *string
			addedAt           *time.Time
		)
		if err := rows.Scan(&w.ID, &w.UserID, &w.CreatedAt, &w.UpdatedAt, &itemID, &variantID, &addedAt); err != nil {
			return nil, err
		}
		if cur == nil || cur.ID != w.ID {
			flush()
			cur, items = &w, nil
		}
		if itemID != nil {
			items = append(items, cart.SavedItem{ID: *itemID, VariantID: *variantID, AddedAt: *addedAt})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// EnsureWishlist creates userID's wishlist as id unless the user has one.
func (s *Store) EnsureWishlist(ctx context.Context, id, userID string) error {
	if _, err := s.db.Exec(ctx, `INSERT INTO wishlists (id, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, id, userID); err != nil {
		return fmt.Errorf("create wishlist: %w", err)
	}
	return nil
}

// UpdateWishlist locks userID's wishlist (creating it as newID if missing),
// lets fn change it and saves the changes in one transaction.
func (s *Store) UpdateWishlist(ctx context.Context, userID, newID string, now time.Time, fn func(w *cart.Wishlist) error) (*cart.Wishlist, error) {
	var out *cart.Wishlist
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		w, err := lockWishlist(ctx, tx, userID, newID)
		if err != nil {
			return err
		}
		if err := fn(w); err != nil {
			return err
		}
		out = w
		return saveWishlist(ctx, tx, w, now)
	})
	return out, err
}

// MoveToCart locks userID's cart, then wishlist (always in this order, so
// it cannot deadlock with UpdateCart or UpdateWishlist), creating either if
// missing, lets fn change both and saves both in one transaction: an item
// leaves the wishlist only if it entered the cart.
func (s *Store) MoveToCart(ctx context.Context, userID, newCartID, newWishlistID string, now time.Time,
	fn func(c *cart.Cart, w *cart.Wishlist) error) (*cart.Cart, error) {
	var out *cart.Cart
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		c, err := lockCart(ctx, tx, userID, newCartID)
		if err != nil {
			return err
		}
		w, err := lockWishlist(ctx, tx, userID, newWishlistID)
		if err != nil {
			return err
		}
		if err := fn(c, w); err != nil {
			return err
		}
		if err := saveCart(ctx, tx, c, now); err != nil {
			return err
		}
		out = c
		return saveWishlist(ctx, tx, w, now)
	})
	return out, err
}

// lockWishlist is lockCart for wishlists (created as newID when missing).
func lockWishlist(ctx context.Context, tx pgx.Tx, userID, newID string) (*cart.Wishlist, error) {
	w, err := loadLockedWishlist(ctx, tx, userID)
	if !errors.Is(err, errNoWishlist) || newID == "" {
		return w, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO wishlists (id, user_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`, newID, userID); err != nil {
		return nil, fmt.Errorf("create wishlist: %w", err)
	}
	return loadLockedWishlist(ctx, tx, userID)
}

var errNoWishlist = errors.New("no wishlist")

func loadLockedWishlist(ctx context.Context, tx pgx.Tx, userID string) (*cart.Wishlist, error) {
	b := &pgx.Batch{}
	b.Queue(`SELECT 1 FROM wishlists WHERE user_id = $1 FOR UPDATE`, userID)
	b.Queue(wishlistRows+` WHERE w.user_id = $1 ORDER BY i.added_at, i.id`, userID)
	res := tx.SendBatch(ctx, b)
	defer res.Close()
	if _, err := res.Exec(); err != nil {
		return nil, fmt.Errorf("lock wishlist: %w", err)
	}
	rows, err := res.Query()
	if err != nil {
		return nil, fmt.Errorf("load wishlist: %w", err)
	}
	lists, err := collectWishlists(rows)
	if err != nil {
		return nil, fmt.Errorf("load wishlist: %w", err)
	}
	if len(lists) == 0 {
		return nil, errNoWishlist
	}
	return lists[0], nil
}

func saveWishlist(ctx context.Context, tx pgx.Tx, w *cart.Wishlist, now time.Time) error {
	added, deleted := w.Changes()
	if len(added) == 0 && len(deleted) == 0 {
		return nil
	}
	b := &pgx.Batch{}
	if len(deleted) > 0 {
		b.Queue(`DELETE FROM wishlist_items WHERE wishlist_id = $1 AND id = ANY($2::uuid[])`, w.ID, deleted)
	}
	for _, it := range added {
		b.Queue(`INSERT INTO wishlist_items (id, wishlist_id, variant_id, added_at) VALUES ($1, $2, $3, $4)`,
			it.ID, w.ID, it.VariantID, it.AddedAt)
	}
	b.Queue(`UPDATE wishlists SET updated_at = $2 WHERE id = $1`, w.ID, now)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("save wishlist %s: %w", w.ID, err)
	}
	w.UpdatedAt = now
	return nil
}
