package remote

import (
	"context"

	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// Users reads the caller's addresses from the users subgraph (only the
// caller's own: someone else's address id is simply not in the list).
type Users struct {
	client *subgraph.Client
}

// NewUsers returns the users client.
func NewUsers(client *subgraph.Client) *Users { return &Users{client: client} }

const addressesQuery = `query CartAddresses { me { addresses { id state isDefault } } }`

// Addresses returns the caller's addresses; none when users does not know
// the caller.
func (u *Users) Addresses(ctx context.Context) ([]cart.Address, error) {
	var out struct {
		Me *struct {
			Addresses []struct {
				ID        string `json:"id"`
				State     string `json:"state"`
				IsDefault bool   `json:"isDefault"`
			} `json:"addresses"`
		} `json:"me"`
	}
	if err := u.client.Do(ctx, addressesQuery, nil, &out, subgraph.Idempotent()); err != nil {
		return nil, err
	}
	if out.Me == nil {
		return nil, nil
	}
	addrs := make([]cart.Address, len(out.Me.Addresses))
	for i, a := range out.Me.Addresses {
		addrs[i] = cart.Address{ID: a.ID, State: a.State, IsDefault: a.IsDefault}
	}
	return addrs, nil
}
