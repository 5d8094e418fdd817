package app

import (
	"context"
	"slices"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// WishlistsOf is CartsOf for wishlists: only the caller's own is visible,
// created empty on first use.
func (a *App) WishlistsOf(ctx context.Context, userIDs []string) (map[string]*cart.Wishlist, error) {
	b, err := a.buyer(ctx)
	if err != nil || !slices.Contains(userIDs, b.ID) {
		return map[string]*cart.Wishlist{}, nil
	}
	found, err := a.store.WishlistsByUserIDs(ctx, []string{b.ID})
	if err != nil {
		return nil, err
	}
	if found[b.ID] != nil {
		return found, nil
	}
	if err := a.store.EnsureWishlist(ctx, newID(), b.ID); err != nil {
		return nil, err
	}
	return a.store.WishlistsByUserIDs(ctx, []string{b.ID})
}

// AddToWishlist saves variantID (which must be for sale) in the caller's wishlist.
func (a *App) AddToWishlist(ctx context.Context, variantID string) (*cart.Wishlist, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	variantID, ok := canonicalID(variantID)
	if !ok {
		return nil, errs.BadInput("variantId", "no such product variant").WithReason(cart.ReasonUnavailable)
	}
	v, err := a.catalog.Variant(ctx, variantID)
	if err != nil {
		return nil, err
	}
	if err := v.CheckPurchasable("variantId"); err != nil {
		return nil, err
	}
	now := a.now()
	return a.store.UpdateWishlist(ctx, b.ID, newID(), now, func(w *cart.Wishlist) error {
		return w.Save(a.rules, newID(), v, now)
	})
}

// RemoveFromWishlist takes variantID out of the caller's wishlist.
func (a *App) RemoveFromWishlist(ctx context.Context, variantID string) (*cart.Wishlist, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	variantID, ok := canonicalID(variantID)
	if !ok {
		return nil, cart.ErrWishlistItemNotFound
	}
	return a.store.UpdateWishlist(ctx, b.ID, newID(), a.now(), func(w *cart.Wishlist) error {
		return w.Remove(variantID)
	})
}

// MoveWishlistItemToCart adds quantity units of a saved variant to the cart
// and takes it out of the wishlist, in one transaction: if the cart refuses
// it (rules, limits), it stays saved.
func (a *App) MoveWishlistItemToCart(ctx context.Context, variantID string, quantity int) (*cart.Cart, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	variantID, ok := canonicalID(variantID)
	if !ok {
		return nil, cart.ErrWishlistItemNotFound
	}
	if err := a.rules.CheckRequested(b.Role, quantity); err != nil {
		return nil, err
	}
	v, err := a.catalog.Variant(ctx, variantID)
	if err != nil {
		return nil, err
	}
	now := a.now()
	return a.store.MoveToCart(ctx, b.ID, newID(), newID(), now, func(c *cart.Cart, w *cart.Wishlist) error {
		if !w.Contains(variantID) {
			return cart.ErrWishlistItemNotFound
		}
		if err := c.Add(a.rules, b.Role, newID(), v, quantity, now); err != nil {
			return err
		}
		return w.Remove(variantID)
	})
}
