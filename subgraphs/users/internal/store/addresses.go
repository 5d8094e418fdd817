package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

const addressColumns = `id, user_id, name, phone, line1, line2, landmark, city, state, pin_code, is_default, created_at, updated_at`

func scanAddress(row pgx.Row) (user.Address, error) {
	var a user.Address
	err := row.Scan(&a.ID, &a.UserID, &a.Name, &a.Phone, &a.Line1, &a.Line2, &a.Landmark, &a.City, &a.State,
		&a.PinCode, &a.IsDefault, &a.CreatedAt, &a.UpdatedAt)
	return a, err
}

func queryAddresses(ctx context.Context, q pgx.Tx, sql string, args ...any) ([]user.Address, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (user.Address, error) { return scanAddress(r) })
}

// AddressesByUserIDs loads the addresses of users in one query, each user's
// in display order (default first, then oldest first). ids must be UUIDs.
func (s *Store) AddressesByUserIDs(ctx context.Context, userIDs []string) (map[string][]user.Address, error) {
	rows, err := s.db.Query(ctx, `SELECT `+addressColumns+` FROM addresses WHERE user_id = ANY($1::uuid[])
		ORDER BY user_id, is_default DESC, created_at, id`, userIDs)
	if err != nil {
		return nil, fmt.Errorf("addresses by users: %w", err)
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (user.Address, error) { return scanAddress(r) })
	if err != nil {
		return nil, fmt.Errorf("addresses by users: %w", err)
	}
	out := make(map[string][]user.Address, len(userIDs))
	for _, a := range all {
		out[a.UserID] = append(out[a.UserID], a)
	}
	return out, nil
}

// UpdateAddressBook locks the user's row (serialising every change to one
// user's addresses), loads the book, lets fn change it and saves the changes
// in one transaction. An error from fn writes nothing.
func (s *Store) UpdateAddressBook(ctx context.Context, userID string, fn func(b *user.AddressBook) error) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var one int
		err := tx.QueryRow(ctx, `SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, userID).Scan(&one)
		if errors.Is(err, pgx.ErrNoRows) {
			return user.ErrUserNotFound
		}
		if err != nil {
			return fmt.Errorf("lock user: %w", err)
		}
		addrs, err := queryAddresses(ctx, tx, `SELECT `+addressColumns+` FROM addresses WHERE user_id = $1 ORDER BY created_at, id`, userID)
		if err != nil {
			return fmt.Errorf("load address book: %w", err)
		}
		book := user.LoadAddressBook(userID, addrs)
		if err := fn(book); err != nil {
			return err
		}
		upserts, deleted := book.Changes()
		if len(deleted) > 0 {
			if _, err := tx.Exec(ctx, `DELETE FROM addresses WHERE user_id = $1 AND id = ANY($2::uuid[])`, userID, deleted); err != nil {
				return fmt.Errorf("delete addresses: %w", err)
			}
		}
		for _, a := range upserts { // losing defaults first: see AddressBook.Changes
			if err := upsertAddress(ctx, tx, a); err != nil {
				return err
			}
		}
		return nil
	})
}

func upsertAddress(ctx context.Context, tx pgx.Tx, a user.Address) error {
	_, err := tx.Exec(ctx, `INSERT INTO addresses (id, user_id, name, phone, line1, line2, landmark, city, state, pin_code, is_default, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (id) DO UPDATE SET name = $3, phone = $4, line1 = $5, line2 = $6, landmark = $7, city = $8,
			state = $9, pin_code = $10, is_default = $11, updated_at = $13
		WHERE addresses.user_id = $2`,
		a.ID, a.UserID, a.Name, a.Phone, a.Line1, a.Line2, a.Landmark, a.City, a.State, a.PinCode, a.IsDefault, a.CreatedAt, a.UpdatedAt)
	if err != nil {
		return fmt.Errorf("save address %s: %w", a.ID, err)
	}
	return nil
}
