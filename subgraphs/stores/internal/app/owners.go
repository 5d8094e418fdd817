package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
	"github.com/purra/supergraph/subgraphs/stores/internal/store"
)

// ErrInvalidEvent marks an event no retry can apply (a malformed id); the
// consumer logs and skips it.
var ErrInvalidEvent = errors.New("invalid event")

// OwnerDecision is users' owner.approved / owner.rejected as stores reads it.
type OwnerDecision struct {
	OwnerID, UserID, BusinessName, GSTIN, PAN string
	Approved                                  bool
	At                                        time.Time
}

// RecordOwnerDecision updates the projection of who may open stores, in tx.
// An event older than what the projection holds changes nothing (false).
func (a *App) RecordOwnerDecision(ctx context.Context, tx pgx.Tx, d OwnerDecision) (bool, error) {
	uid, ok1 := store.ParseID(d.UserID)
	oid, ok2 := store.ParseID(d.OwnerID)
	if !ok1 || !ok2 || len(d.BusinessName) > 1000 || len(d.GSTIN) > 64 || len(d.PAN) > 64 {
		return false, fmt.Errorf("%w: owner %q of user %q", ErrInvalidEvent, d.OwnerID, d.UserID)
	}
	return a.store.SaveOwner(ctx, tx, shop.Owner{
		UserID: uid, OwnerID: oid, BusinessName: d.BusinessName, GSTIN: d.GSTIN, PAN: d.PAN, Approved: d.Approved,
	}, d.At)
}

// Seed loads one demo store with its owner's approved record (idempotent).
func (a *App) Seed(ctx context.Context, st shop.Store, o shop.Owner) (bool, error) {
	return a.store.Seed(ctx, st, o)
}
