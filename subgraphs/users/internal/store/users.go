package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

const userColumns = `id, name, email, phone, role, coalesce(gstin, ''), password_hash, created_at, updated_at,
	banned_at, ban_reason, unbanned_at`

func scanUser(row pgx.Row) (user.User, error) {
	var u user.User
	err := row.Scan(&u.ID, &u.Name, &u.Email, &u.Phone, &u.Role, &u.GSTIN, &u.PasswordHash, &u.CreatedAt, &u.UpdatedAt,
		&u.BannedAt, &u.BanReason, &u.UnbannedAt)
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

// TxHook runs inside a store transaction, after the change it belongs to
// (audit.Record for admin actions).
type TxHook func(ctx context.Context, tx pgx.Tx) error

// UserChange is what a change to a user writes besides the row itself.
type UserChange struct {
	Events []kafka.Message
	// RevokeSessions ends every sign-in of the user (revokes all their refresh tokens).
	RevokeSessions bool
	// Hooks run last, in the same transaction.
	Hooks []TxHook
}

func (c UserChange) empty() bool { return len(c.Events) == 0 && len(c.Hooks) == 0 && !c.RevokeSessions }

// UpdateUser locks user id, lets fn change it, and saves it with the events
// fn returns, in one transaction. Every change publishes an event, so no
// events means nothing changed and nothing is written; an error writes nothing.
func (s *Store) UpdateUser(ctx context.Context, id string, fn func(u *user.User) ([]kafka.Message, error)) (user.User, error) {
	return s.ChangeUser(ctx, id, func(u *user.User) (UserChange, error) {
		events, err := fn(u)
		return UserChange{Events: events}, err
	})
}

// ChangeUser locks user id, lets fn change it, and saves it with fn's
// events, revocations and hooks in one transaction. An empty change writes
// nothing; an error writes nothing.
func (s *Store) ChangeUser(ctx context.Context, id string, fn func(u *user.User) (UserChange, error)) (user.User, error) {
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
		c, err := fn(&u)
		if err != nil || c.empty() {
			return err // nothing changed: nothing to save
		}
		return saveUser(ctx, tx, u, c)
	})
	return u, err
}

// saveUser writes u and the rest of its change in tx.
func saveUser(ctx context.Context, tx pgx.Tx, u user.User, c UserChange) error {
	if _, err := tx.Exec(ctx, `UPDATE users SET name = $2, phone = $3, role = $4, gstin = nullif($5, ''), updated_at = $6,
		banned_at = $7, ban_reason = $8, unbanned_at = $9 WHERE id = $1`,
		u.ID, u.Name, u.Phone, u.Role, u.GSTIN, u.UpdatedAt, u.BannedAt, u.BanReason, u.UnbannedAt); err != nil {
		return fmt.Errorf("update user: %w", err)
	}
	if c.RevokeSessions {
		if _, err := tx.Exec(ctx, `UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
			u.ID, u.UpdatedAt); err != nil {
			return fmt.Errorf("revoke user sessions: %w", err)
		}
	}
	if err := outbox.Append(ctx, tx, c.Events...); err != nil {
		return err
	}
	for _, h := range c.Hooks {
		if err := h(ctx, tx); err != nil {
			return err
		}
	}
	return nil
}

// BannedUserIDs lists every banned user (few), for the ban sync.
func (s *Store) BannedUserIDs(ctx context.Context) ([]string, error) {
	return s.ids(ctx, `SELECT id::text FROM users WHERE banned_at IS NOT NULL`)
}

// UnbannedSince lists users whose ban was lifted after t and who are not
// banned again, for the ban sync.
func (s *Store) UnbannedSince(ctx context.Context, t time.Time) ([]string, error) {
	return s.ids(ctx, `SELECT id::text FROM users WHERE unbanned_at > $1 AND banned_at IS NULL`, t)
}

func (s *Store) ids(ctx context.Context, sql string, args ...any) ([]string, error) {
	rows, err := s.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("user ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("user ids: %w", err)
	}
	return ids, nil
}
