package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// CreateOwner stores an owner application. It reports false, writing
// nothing, when one with o.ID exists (re-running the seed); a second
// application by the same user is user.ErrOwnerApplicationExists.
func (s *Store) CreateOwner(ctx context.Context, o user.Owner) (bool, error) {
	tag, err := s.db.Exec(ctx, `INSERT INTO owners (id, user_id, business_name, gstin, pan, status, rejection_reason, created_at, reviewed_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
		o.ID, o.UserID, o.BusinessName, o.GSTIN, o.PAN, o.Status, o.RejectionReason, o.CreatedAt, o.ReviewedAt)
	if pg.IsUniqueViolation(err, "owners_user_key") {
		return false, user.ErrOwnerApplicationExists
	}
	if pg.IsForeignKeyViolation(err, "") {
		return false, user.ErrUserNotFound
	}
	if err != nil {
		return false, fmt.Errorf("insert owner: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// OwnerByUserID returns the user's owner application, or nil.
func (s *Store) OwnerByUserID(ctx context.Context, userID string) (*user.Owner, error) {
	var o user.Owner
	err := s.db.QueryRow(ctx, `SELECT id, user_id, business_name, gstin, pan, status, rejection_reason, created_at, reviewed_at
		FROM owners WHERE user_id = $1`, userID).
		Scan(&o.ID, &o.UserID, &o.BusinessName, &o.GSTIN, &o.PAN, &o.Status, &o.RejectionReason, &o.CreatedAt, &o.ReviewedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("owner by user: %w", err)
	}
	return &o, nil
}
