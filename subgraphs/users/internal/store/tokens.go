package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// execer is a pool or a transaction.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

func insertRefreshToken(ctx context.Context, db execer, t user.RefreshToken) error {
	_, err := db.Exec(ctx, `INSERT INTO refresh_tokens (id, token_hash, family_id, user_id, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, t.ID, t.Hash, t.FamilyID, t.UserID, t.CreatedAt, t.ExpiresAt)
	if err != nil {
		return fmt.Errorf("insert refresh token: %w", err)
	}
	return nil
}

// AddRefreshToken stores the first token of a new sign-in.
func (s *Store) AddRefreshToken(ctx context.Context, t user.RefreshToken) error {
	return insertRefreshToken(ctx, s.db, t)
}

// RotateRefreshToken exchanges the token with hash for next, which joins its
// family: the old token is marked used and next is stored, under a row lock
// so that two concurrent exchanges of one token cannot both succeed. It
// returns the token's user. A token that was used before is a replay: the
// whole family is revoked (and that revocation commits) and the error is
// user.ErrRefreshTokenReused.
func (s *Store) RotateRefreshToken(ctx context.Context, hash []byte, next user.RefreshToken, now time.Time) (user.User, user.RefreshToken, error) {
	var u user.User
	var replayed bool
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var old user.RefreshToken
		var banned bool
		err := tx.QueryRow(ctx, `SELECT t.id, t.family_id, t.user_id, t.expires_at, t.used_at, t.revoked_at, u.banned_at IS NOT NULL
			FROM refresh_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 FOR UPDATE OF t`, hash).
			Scan(&old.ID, &old.FamilyID, &old.UserID, &old.ExpiresAt, &old.UsedAt, &old.RevokedAt, &banned)
		if errors.Is(err, pgx.ErrNoRows) {
			return user.ErrRefreshTokenInvalid
		}
		if err != nil {
			return fmt.Errorf("lock refresh token: %w", err)
		}
		if banned {
			// A genuine token of a banned user (revoked by the ban): say why.
			return user.ErrBanned
		}
		switch err := old.Exchangeable(now); {
		case errors.Is(err, user.ErrRefreshTokenReused):
			replayed = true
			return revokeFamily(ctx, tx, old.FamilyID, now) // commit the revocation
		case err != nil:
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE refresh_tokens SET used_at = $2 WHERE id = $1`, old.ID, now); err != nil {
			return fmt.Errorf("use refresh token: %w", err)
		}
		next.FamilyID, next.UserID = old.FamilyID, old.UserID
		if err := insertRefreshToken(ctx, tx, next); err != nil {
			return err
		}
		u, err = scanUser(tx.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, old.UserID))
		if err != nil {
			return fmt.Errorf("refresh token user: %w", err)
		}
		return nil
	})
	if err == nil && replayed {
		err = user.ErrRefreshTokenReused
	}
	return u, next, err
}

func revokeFamily(ctx context.Context, tx pgx.Tx, familyID string, now time.Time) error {
	_, err := tx.Exec(ctx, `UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, familyID, now)
	if err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	}
	return nil
}

// RevokeRefreshFamily ends the sign-in the token with hash belongs to. An
// unknown token is not an error (logout is idempotent).
func (s *Store) RevokeRefreshFamily(ctx context.Context, hash []byte, now time.Time) error {
	_, err := s.db.Exec(ctx, `UPDATE refresh_tokens SET revoked_at = $2
		WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`, hash, now)
	if err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	}
	return nil
}

// DeleteExpiredRefreshTokens removes tokens that expired before cutoff;
// they can no longer be exchanged, and a replay of one is refused as unknown.
func (s *Store) DeleteExpiredRefreshTokens(ctx context.Context, cutoff time.Time) (int64, error) {
	tag, err := s.db.Exec(ctx, `DELETE FROM refresh_tokens WHERE expires_at < $1`, cutoff)
	if err != nil {
		return 0, fmt.Errorf("delete expired refresh tokens: %w", err)
	}
	return tag.RowsAffected(), nil
}
