package app

import (
	"context"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// Price quotes the caller's cart lines and coupon (req) for the state of
// the shipping address: addressID when given (one of the caller's, else
// NOT_FOUND), else the default address, else none (all IGST). An empty cart
// costs nothing and asks nobody.
func (a *App) Price(ctx context.Context, req cart.QuoteRequest, addressID string) (cart.Pricing, error) {
	if _, err := a.buyer(ctx); err != nil {
		return cart.Pricing{}, err
	}
	if addressID != "" {
		id, ok := canonicalID(addressID)
		if !ok { // names no address: NOT_FOUND without asking users
			_, _, err := cart.ShippingAddress(nil, addressID)
			return cart.Pricing{}, err
		}
		addressID = id
	}
	if len(req.Lines) == 0 && addressID == "" {
		return cart.Pricing{}, nil
	}
	addrs, err := a.addresses.Addresses(ctx)
	if err != nil {
		return cart.Pricing{}, err
	}
	addr, _, err := cart.ShippingAddress(addrs, addressID)
	if err != nil {
		return cart.Pricing{}, err
	}
	if len(req.Lines) == 0 {
		return cart.Pricing{AddressID: addr.ID}, nil
	}
	req.ShippingState = addr.State
	p, err := a.pricer.Quote(ctx, req)
	if err != nil {
		return cart.Pricing{}, err
	}
	p.AddressID = addr.ID
	return p, nil
}
