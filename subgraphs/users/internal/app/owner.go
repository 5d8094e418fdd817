package app

import (
	"context"

	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// ApplyForOwner records the caller's application to become a store owner;
// a user applies once. Approval (admin, later) makes the user an OWNER.
func (a *App) ApplyForOwner(ctx context.Context, in user.OwnerApplication) (user.Owner, error) {
	uid, err := callerID(ctx)
	if err != nil {
		return user.Owner{}, err
	}
	o, err := user.Apply(newID(), uid, in, a.now())
	if err != nil {
		return user.Owner{}, err
	}
	if _, err := a.store.CreateOwner(ctx, o); err != nil {
		return user.Owner{}, err
	}
	return o, nil
}

// MyOwnerApplication returns the caller's application, or nil.
func (a *App) MyOwnerApplication(ctx context.Context) (*user.Owner, error) {
	uid, err := callerID(ctx)
	if err != nil {
		return nil, err
	}
	return a.store.OwnerByUserID(ctx, uid)
}
