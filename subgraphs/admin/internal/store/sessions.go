package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
)

const sessionColumns = `id, admin_id, device, ip, created_at, last_seen_at, expires_at, revoked_at`

func scanSession(row pgx.Row) (admin.Session, error) {
	var s admin.Session
	err := row.Scan(&s.ID, &s.AdminID, &s.Device, &s.IP, &s.CreatedAt, &s.LastSeenAt, &s.ExpiresAt, &s.RevokedAt)
	return s, err
}

// CreateSession inserts a new sign-in with c.
func (s *Store) CreateSession(ctx context.Context, sess admin.Session, c Change) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO admin_sessions (`+sessionColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			sess.ID, sess.AdminID, sess.Device, sess.IP, sess.CreatedAt, sess.LastSeenAt, sess.ExpiresAt, sess.RevokedAt); err != nil {
			return fmt.Errorf("insert session: %w", err)
		}
		return s.commit(ctx, tx, c)
	})
}

// SessionsOf returns the admin's latest sessions, newest first.
func (s *Store) SessionsOf(ctx context.Context, adminID string, limit int) ([]admin.Session, error) {
	rows, err := s.db.Query(ctx, `SELECT `+sessionColumns+` FROM admin_sessions
		WHERE admin_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, adminID, limit)
	if err != nil {
		return nil, fmt.Errorf("sessions: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (admin.Session, error) { return scanSession(row) })
}

// Session returns session id.
func (s *Store) Session(ctx context.Context, id string) (admin.Session, error) {
	sess, err := scanSession(s.db.QueryRow(ctx, `SELECT `+sessionColumns+` FROM admin_sessions WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return sess, admin.ErrSessionNotFound
	}
	if err != nil {
		return sess, fmt.Errorf("session: %w", err)
	}
	return sess, nil
}

// RevokeSession locks session id and lets fn decide (it may refuse); unless
// the session is already revoked, it is marked revoked at now, revoke runs
// and fn's change is written, all in one transaction.
func (s *Store) RevokeSession(ctx context.Context, id string, now time.Time, revoke Revoker, fn func(sess admin.Session) (Change, error)) (admin.Session, error) {
	var sess admin.Session
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		sess, err = scanSession(tx.QueryRow(ctx, `SELECT `+sessionColumns+` FROM admin_sessions WHERE id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return admin.ErrSessionNotFound
		}
		if err != nil {
			return fmt.Errorf("lock session: %w", err)
		}
		c, err := fn(sess)
		if err != nil || sess.RevokedAt != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE admin_sessions SET revoked_at = $2 WHERE id = $1`, id, now); err != nil {
			return fmt.Errorf("revoke session: %w", err)
		}
		sess.RevokedAt = &now
		if err := revoke(ctx, []string{id}); err != nil {
			return err
		}
		return s.commit(ctx, tx, c)
	})
	return sess, err
}

// TouchSession records activity on a live session, at most once a minute
// (the condition makes concurrent instances write once).
func (s *Store) TouchSession(ctx context.Context, id string, now time.Time) error {
	_, err := s.db.Exec(ctx, `UPDATE admin_sessions SET last_seen_at = $2
		WHERE id = $1 AND revoked_at IS NULL AND last_seen_at < $2::timestamptz - interval '1 minute'`, id, now)
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}
