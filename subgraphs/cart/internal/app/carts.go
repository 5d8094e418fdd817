package app

import (
	"context"
	"slices"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// CartsOf returns the carts among userIDs that the caller may see: only
// their own, created empty on first use if user.registered has not arrived
// yet. The others are absent (null in the API). One query when the cart exists.
func (a *App) CartsOf(ctx context.Context, userIDs []string) (map[string]*cart.Cart, error) {
	b, err := a.buyer(ctx)
	if err != nil || !slices.Contains(userIDs, b.ID) {
		return map[string]*cart.Cart{}, nil
	}
	found, err := a.store.CartsByUserIDs(ctx, []string{b.ID})
	if err != nil {
		return nil, err
	}
	if found[b.ID] != nil {
		return found, nil
	}
	if err := a.store.EnsureCart(ctx, newID(), b.ID); err != nil {
		return nil, err
	}
	return a.store.CartsByUserIDs(ctx, []string{b.ID})
}

// AddToCart puts quantity units of variantID in the caller's cart: one
// catalog lookup (cached), then one transaction.
func (a *App) AddToCart(ctx context.Context, variantID string, quantity int) (*cart.Cart, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	variantID, ok := canonicalID(variantID)
	if !ok {
		return nil, errs.BadInput("variantId", "no such product variant").WithReason(cart.ReasonUnavailable)
	}
	if err := a.rules.CheckRequested(b.Role, quantity); err != nil {
		return nil, err
	}
	v, err := a.catalog.Variant(ctx, variantID)
	if err != nil {
		return nil, err
	}
	if err := v.CheckPurchasable("variantId"); err != nil {
		return nil, err
	}
	now := a.now()
	return a.store.UpdateCart(ctx, b.ID, newID(), now, func(c *cart.Cart) error {
		return c.Add(a.rules, b.Role, newID(), v, quantity, now)
	})
}

// UpdateCartItem sets the quantity of one of the caller's lines (0 removes
// it). Another user's line is NOT_FOUND, like a line that does not exist.
func (a *App) UpdateCartItem(ctx context.Context, itemID string, quantity int) (*cart.Cart, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	itemID, ok := canonicalID(itemID)
	if !ok {
		return nil, cart.ErrItemNotFound
	}
	if quantity < 0 {
		return nil, errs.BadInput("quantity", "must be 0 (to remove the item) or more").WithReason(cart.ReasonNotPositive)
	}
	var v cart.Variant
	if quantity > 0 {
		if err := a.rules.CheckRequested(b.Role, quantity); err != nil {
			return nil, err
		}
		// The line's variant decides the rules (retailer MOQ, still for sale).
		carts, err := a.store.CartsByUserIDs(ctx, []string{b.ID})
		if err != nil {
			return nil, err
		}
		c := carts[b.ID]
		if c == nil {
			return nil, cart.ErrItemNotFound
		}
		line, ok := c.Line(itemID)
		if !ok {
			return nil, cart.ErrItemNotFound
		}
		if v, err = a.catalog.Variant(ctx, line.VariantID); err != nil {
			return nil, err
		}
	}
	now := a.now()
	return a.store.UpdateCart(ctx, b.ID, newID(), now, func(c *cart.Cart) error {
		return c.SetQuantity(a.rules, b.Role, itemID, v, quantity, now)
	})
}

// RemoveCartItem removes one of the caller's lines.
func (a *App) RemoveCartItem(ctx context.Context, itemID string) (*cart.Cart, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	itemID, ok := canonicalID(itemID)
	if !ok {
		return nil, cart.ErrItemNotFound
	}
	return a.store.UpdateCart(ctx, b.ID, newID(), a.now(), func(c *cart.Cart) error {
		return c.Remove(itemID)
	})
}

// ClearCart empties the caller's cart and drops its coupon.
func (a *App) ClearCart(ctx context.Context) (*cart.Cart, error) {
	b, err := a.buyer(ctx)
	if err != nil {
		return nil, err
	}
	return a.store.UpdateCart(ctx, b.ID, newID(), a.now(), func(c *cart.Cart) error {
		c.Clear()
		return nil
	})
}
