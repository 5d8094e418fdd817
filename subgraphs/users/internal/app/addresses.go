package app

import (
	"context"

	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// AddressesByUserIDs loads the address books of userIDs in one query. It
// does not check who asks: User.addresses shows them only to their owner
// (IsSelf) before loading.
func (a *App) AddressesByUserIDs(ctx context.Context, userIDs []string) (map[string][]user.Address, error) {
	valid := validUUIDs(userIDs)
	if len(valid) == 0 {
		return map[string][]user.Address{}, nil
	}
	return a.store.AddressesByUserIDs(ctx, valid)
}

// AddAddress adds an address to the caller's book (at most 20; the first
// becomes the default).
func (a *App) AddAddress(ctx context.Context, in user.AddressInput) (user.Address, error) {
	return a.changeAddress(ctx, func(b *user.AddressBook) (user.Address, error) {
		return b.Add(newID(), in, a.now())
	})
}

// UpdateAddress replaces the fields of one of the caller's addresses. Another
// user's address id is NOT_FOUND, exactly like an id that does not exist.
func (a *App) UpdateAddress(ctx context.Context, id string, in user.AddressInput) (user.Address, error) {
	return a.changeAddress(ctx, func(b *user.AddressBook) (user.Address, error) {
		return b.Update(id, in, a.now())
	})
}

// SetDefaultAddress makes one of the caller's addresses the default.
func (a *App) SetDefaultAddress(ctx context.Context, id string) (user.Address, error) {
	return a.changeAddress(ctx, func(b *user.AddressBook) (user.Address, error) {
		return b.SetDefault(id, a.now())
	})
}

// DeleteAddress deletes one of the caller's addresses (the oldest remaining
// one becomes the default if needed) and returns the caller's id.
func (a *App) DeleteAddress(ctx context.Context, id string) (userID string, err error) {
	uid, err := callerID(ctx)
	if err != nil {
		return "", err
	}
	err = a.store.UpdateAddressBook(ctx, uid, func(b *user.AddressBook) error {
		return b.Delete(id, a.now())
	})
	return uid, err
}

func (a *App) changeAddress(ctx context.Context, fn func(b *user.AddressBook) (user.Address, error)) (user.Address, error) {
	uid, err := callerID(ctx)
	if err != nil {
		return user.Address{}, err
	}
	var out user.Address
	err = a.store.UpdateAddressBook(ctx, uid, func(b *user.AddressBook) error {
		var err error
		out, err = fn(b)
		return err
	})
	return out, err
}
