package app

import (
	"context"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// Provisioning creates fixed records for seed data (and, later, admin
// tooling): any role, caller-chosen ids, and nothing written when the id
// exists already, so running it twice changes nothing. It goes through the
// same store code as the API, so a new user still publishes user.registered.

// ProvisionUser creates user id from r unless it exists; it reports whether
// it created it.
func (a *App) ProvisionUser(ctx context.Context, id string, r user.Registration) (bool, error) {
	r, err := r.NormalizeAnyRole()
	if err != nil {
		return false, err
	}
	hash, err := a.hashPassword(ctx, r.Password)
	if err != nil {
		return false, err
	}
	u := user.New(id, r, hash, a.now())
	msg, err := kafka.NewMessage(ctx, a.topic, u.ID, "", user.RegisteredEvent(u))
	if err != nil {
		return false, err
	}
	return a.store.CreateUser(ctx, u, nil, msg)
}

// ProvisionAddress adds address id to userID's book unless it is there.
func (a *App) ProvisionAddress(ctx context.Context, userID, id string, in user.AddressInput) error {
	return a.store.UpdateAddressBook(ctx, userID, func(b *user.AddressBook) error {
		if b.Has(id) {
			return nil
		}
		_, err := b.Add(id, in, a.now())
		return err
	})
}

// ProvisionOwner stores o unless an owner with its id exists.
func (a *App) ProvisionOwner(ctx context.Context, o user.Owner) (bool, error) {
	return a.store.CreateOwner(ctx, o)
}
