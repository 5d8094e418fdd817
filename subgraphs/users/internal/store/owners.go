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
	o, err := scanOwner(s.db.QueryRow(ctx, `SELECT `+ownerColumns+` FROM owners WHERE user_id = $1`, userID))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("owner by user: %w", err)
	}
	return &o, nil
}

const ownerColumns = `id, user_id, business_name, gstin, pan, status, rejection_reason, created_at, reviewed_at`

func scanOwner(row pgx.Row) (user.Owner, error) {
	var o user.Owner
	err := row.Scan(&o.ID, &o.UserID, &o.BusinessName, &o.GSTIN, &o.PAN, &o.Status, &o.RejectionReason, &o.CreatedAt, &o.ReviewedAt)
	return o, err
}

// ReviewOwner locks owner application id and then its user, lets fn review
// the application (and change the user), and saves both with fn's change in
// one transaction. ownerID must be a UUID; an unknown one is ErrOwnerNotFound.
func (s *Store) ReviewOwner(ctx context.Context, ownerID string, fn func(o *user.Owner, u *user.User) (UserChange, error)) (user.Owner, error) {
	var o user.Owner
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		o, err = scanOwner(tx.QueryRow(ctx, `SELECT `+ownerColumns+` FROM owners WHERE id = $1 FOR UPDATE`, ownerID))
		if errors.Is(err, pgx.ErrNoRows) {
			return user.ErrOwnerNotFound
		}
		if err != nil {
			return fmt.Errorf("lock owner: %w", err)
		}
		u, err := scanUser(tx.QueryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1 FOR UPDATE`, o.UserID))
		if err != nil {
			return fmt.Errorf("lock owner's user: %w", err)
		}
		c, err := fn(&o, &u)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE owners SET status = $2, reviewed_at = $3, rejection_reason = $4 WHERE id = $1`,
			o.ID, o.Status, o.ReviewedAt, o.RejectionReason); err != nil {
			return fmt.Errorf("update owner: %w", err)
		}
		return saveUser(ctx, tx, u, c)
	})
	return o, err
}

// OwnerPage lists owner applications with status (all when ""), oldest
// first (ids are UUIDv7), after the application afterID ("" from the start),
// at most limit of them, and how many match in all.
func (s *Store) OwnerPage(ctx context.Context, status user.OwnerStatus, afterID string, limit int) ([]user.Owner, int, error) {
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM owners WHERE ($1 = '' OR status = $1)`, string(status)).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count owners: %w", err)
	}
	var after *string // NULL: from the start
	if afterID != "" {
		after = &afterID
	}
	rows, err := s.db.Query(ctx, `SELECT `+ownerColumns+` FROM owners
		WHERE ($1 = '' OR status = $1) AND ($2::uuid IS NULL OR id > $2::uuid) ORDER BY id LIMIT $3`, string(status), after, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("owner page: %w", err)
	}
	page, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (user.Owner, error) { return scanOwner(r) })
	if err != nil {
		return nil, 0, fmt.Errorf("owner page: %w", err)
	}
	return page, total, nil
}
