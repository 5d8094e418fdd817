package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
)

type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

const ownerCols = `user_id::text, owner_id::text, business_name, gstin, pan, approved`

func owner(ctx context.Context, q querier, userID, suffix string) (shop.Owner, bool, error) {
	var o shop.Owner
	err := q.QueryRow(ctx, `SELECT `+ownerCols+` FROM store_owners WHERE user_id = $1`+suffix, userID).
		Scan(&o.UserID, &o.OwnerID, &o.BusinessName, &o.GSTIN, &o.PAN, &o.Approved)
	if errors.Is(err, pgx.ErrNoRows) {
		return o, false, nil
	}
	if err != nil {
		return o, false, fmt.Errorf("owner %s: %w", userID, err)
	}
	return o, true, nil
}

// Owner returns what the projection knows of user userID as an owner.
func (s *Store) Owner(ctx context.Context, userID string) (shop.Owner, bool, error) {
	return owner(ctx, s.db, userID, "")
}

// SaveOwner records in tx an owner's approval or rejection that happened at
// at. An event older than the one the row holds changes nothing (false).
func (s *Store) SaveOwner(ctx context.Context, tx pgx.Tx, o shop.Owner, at time.Time) (bool, error) {
	tag, err := tx.Exec(ctx, `INSERT INTO store_owners (user_id, owner_id, business_name, gstin, pan, approved, event_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (user_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, business_name = EXCLUDED.business_name,
			gstin = EXCLUDED.gstin, pan = EXCLUDED.pan, approved = EXCLUDED.approved, event_at = EXCLUDED.event_at
		WHERE store_owners.event_at <= EXCLUDED.event_at`,
		o.UserID, o.OwnerID, o.BusinessName, o.GSTIN, o.PAN, o.Approved, at)
	if err != nil {
		return false, fmt.Errorf("save owner %s: %w", o.UserID, err)
	}
	return tag.RowsAffected() == 1, nil
}

// SeedOwner inserts an approved owner unless the projection knows the user
// already (the seed never overrides what events said).
func (s *Store) SeedOwner(ctx context.Context, tx pgx.Tx, o shop.Owner, at time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO store_owners (user_id, owner_id, business_name, gstin, pan, approved, event_at)
		VALUES ($1, $2, $3, $4, $5, true, $6) ON CONFLICT (user_id) DO NOTHING`,
		o.UserID, o.OwnerID, o.BusinessName, o.GSTIN, o.PAN, at)
	if err != nil {
		return fmt.Errorf("seed owner %s: %w", o.UserID, err)
	}
	return nil
}
