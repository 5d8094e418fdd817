package app

import (
	"context"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// UsersByIDs loads users in one query, for entity resolution and loaders.
// Ids that are not UUIDs are simply not found.
func (a *App) UsersByIDs(ctx context.Context, ids []string) (map[string]user.User, error) {
	valid := validUUIDs(ids)
	if len(valid) == 0 {
		return map[string]user.User{}, nil
	}
	return a.store.UsersByIDs(ctx, valid)
}

// Me returns the caller's user id; the resolver loads the account through
// the request's loader.
func (a *App) Me(ctx context.Context) (id string, err error) {
	return callerID(ctx)
}

// UpdateProfile changes the caller's name and/or phone and publishes
// user.updated in the same transaction; no change publishes nothing.
func (a *App) UpdateProfile(ctx context.Context, p user.ProfileUpdate) (user.User, error) {
	uid, err := callerID(ctx)
	if err != nil {
		return user.User{}, err
	}
	return a.store.UpdateUser(ctx, uid, func(u *user.User) ([]kafka.Message, error) {
		changed, err := u.UpdateProfile(p, a.now())
		if err != nil || !changed {
			return nil, err
		}
		msg, err := kafka.NewMessage(ctx, a.topic, u.ID, u.ID, user.UpdatedEvent(*u))
		if err != nil {
			return nil, err
		}
		return []kafka.Message{msg}, nil
	})
}
