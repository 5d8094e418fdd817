package app

import (
	"context"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"

	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
	"github.com/purra/supergraph/subgraphs/stores/internal/store"
)

// CreateStore opens a PENDING store for the caller, who must be an approved
// owner (the schema already asked for the OWNER role).
func (a *App) CreateStore(ctx context.Context, in shop.CreateInput) (shop.Store, error) {
	caller, err := auth.Require(ctx)
	if err != nil {
		return shop.Store{}, err
	}
	if err := a.limiter.Allow(ctx, "create-store:"+caller.Subject, CreatesPerMinute); err != nil {
		return shop.Store{}, err
	}
	if _, ok := store.ParseID(caller.Subject); !ok {
		return shop.Store{}, shop.ErrOwnerNotApproved // not a user id: no owner record can exist
	}
	id, err := uuid.NewV7()
	if err != nil {
		return shop.Store{}, err
	}
	return a.store.Create(ctx, caller.Subject, func(o shop.Owner) (shop.Store, bool, error) {
		return shop.New(id.String(), o, in, a.now())
	})
}

// UpdateStore changes one of the caller's stores.
func (a *App) UpdateStore(ctx context.Context, id string, in shop.UpdateInput) (shop.Store, error) {
	caller, err := auth.Require(ctx)
	if err != nil {
		return shop.Store{}, err
	}
	sid, err := parseID(id)
	if err != nil {
		return shop.Store{}, err
	}
	return a.store.Update(ctx, sid, caller.Subject, func(st *shop.Store, o shop.Owner) (bool, error) {
		if st.OwnerID != caller.Subject {
			return false, shop.ErrNotOwner
		}
		return st.Update(o, in, a.now())
	})
}

// ApproveStore makes a PENDING store ACTIVE (admin, audited).
func (a *App) ApproveStore(ctx context.Context, id string) (shop.Store, error) {
	return a.transition(ctx, id, "store.approve", func(st *shop.Store) error { return st.Approve(a.now()) })
}

// SuspendStore suspends a PENDING or ACTIVE store (admin, audited).
func (a *App) SuspendStore(ctx context.Context, id, reason string) (shop.Store, error) {
	// Validated before anything is locked: a bad reason writes nothing.
	if _, err := shop.Text("reason", reason, 1, shop.MaxReasonLen, true); err != nil {
		return shop.Store{}, err
	}
	return a.transition(ctx, id, "store.suspend", func(st *shop.Store) error { return st.Suspend(reason, a.now()) })
}

// ReactivateStore makes a SUSPENDED store ACTIVE again (admin, audited).
func (a *App) ReactivateStore(ctx context.Context, id string) (shop.Store, error) {
	return a.transition(ctx, id, "store.reactivate", func(st *shop.Store) error { return st.Reactivate(a.now()) })
}

func (a *App) transition(ctx context.Context, id, action string, apply func(*shop.Store) error) (shop.Store, error) {
	caller, err := auth.Require(ctx)
	if err != nil {
		return shop.Store{}, err
	}
	sid, err := parseID(id)
	if err != nil {
		return shop.Store{}, err
	}
	return a.store.Transition(ctx, sid, caller.Subject, store.Transition{Permission: AdminScope, Action: action, Apply: apply})
}
