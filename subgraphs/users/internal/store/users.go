package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

const userColumns = `id, name, email, phone, role, coalesce(gstin, ''), password_hash, created_at, updated_at`

func scanUser(row pgx.Row) (user.User, error) {
	var u user.User
	err := row.Scan(&u.ID, &u.Name, &u.Email, &u.Phone, &u.Role, &u.GSTIN, &u.PasswordHash, &u.CreatedAt, &u.UpdatedAt)
	return u, err
}

// CreateUser inserts u with its first refresh token (nil for none) and
// events, all in one transaction. It reports false, writing nothing, when a
// user with u.ID exists already (re-running the seed); an email in use by
// another account is user.ErrEmailTaken.
func (s *Store) CreateUser(ctx context.Context, u user.User, first *user.RefreshToken, events ...kafka.Message) (created bool, err error) {
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO users (id, name, email, phone, role, gstin, password_hash, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, nullif($6, ''), $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
			u.ID, u.Name, u.Email, u.Phone, u.Role, u.GSTIN, u.PasswordHash, u.CreatedAt, u.UpdatedAt)
		if pg.IsUniqueViolation(err, "users_email_key") {
			return user.ErrEmailTaken
		}
		if err != nil {
			return fmt.Errorf("insert user: %w", err)
		}
		if created = tag.RowsAffected() == 1; !created {
			return nil
		}
		if first != nil {
			if err := insertRefreshToken(ctx, tx, *first); err != nil {
				return err
			}
		}
		return outbox.Append(ctx, tx, events...)
	})
	return created, err
}

// UserByEmail finds the account with a normalised email.
func (s *Store) UserByEmail(ctx context.Context, email string) (user.User, error) {
	u, err := scanUser(s.db.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE lower(email) = lower($1)`, email))
	if errors.Is(err, pgx.ErrNoRows) {
		return user.User{}, user.ErrUserNotFound
	}
	if err != nil {
		return user.User{}, fmt.Errorf("user by email: %w", err)
	}
	return u, nil
}

// UsersByIDs loads the users with ids in one query; unknown ids are absent.
// ids must be UUIDs.
func (s *Store) UsersByIDs(ctx context.Context, ids []string) (map[string]user.User, error) {
	rows, err := s.db.Query(ctx, `SELECT `+userColumns+` FROM users WHERE id = ANY($1::uuid[])`, ids)
	if err != nil {
		return nil, fmt.Errorf("users by ids: %w", err)
	}
	found := make(map[string]user.User, len(ids))
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("scan user: %w", err)
		}
		found[u.ID] = u
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("users by ids: %w", err)
	}
	return found, nil
}

// UpdateUser locks user id, lets fn change it, and saves it with the events
// fn returns, in one transaction. Every change publishes an event, so no
// events means nothing changed and nothing is written; an error writes nothing.
func (s *Store) UpdateUser(ctx context.Context, id string, fn func(u *user.User) ([]kafka.Message, error)) (user.User, error) {
	var u user.User
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		u, err = scanUser(tx.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return user.ErrUserNotFound
		}
		if err != nil {
			return fmt.Errorf("lock user: %w", err)
		}
		events, err := fn(&u)
		if err != nil || len(events) == 0 {
			return err // nothing changed: nothing to save
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET name = $2, phone = $3, role = $4, gstin = nullif($5, ''), updated_at = $6 WHERE id = $1`,
			u.ID, u.Name, u.Phone, u.Role, u.GSTIN, u.UpdatedAt); err != nil {
			return fmt.Errorf("update user: %w", err)
		}
		return outbox.Append(ctx, tx, events...)
	})
	return u, err
}
