// Package model holds the GraphQL models: generated ones in models_gen.go and
// the hand-written ones below, which leave to field resolvers what must be
// checked (who may see a user's cart) or computed on demand (pricing).
package model

import "time"

// User is the users subgraph's entity; cart and wishlist are resolved only
// for the caller themself.
type User struct {
	ID string
}

// Cart is a cart with its lines; pricing is resolved only when selected.
type Cart struct {
	ID         string
	Items      []*CartItem
	ItemCount  int
	CouponCode *string
	UpdatedAt  time.Time
	Version    int
}

// CartItem is one line; Variant is the catalogue's reference by id.
type CartItem struct {
	ID        string
	Variant   *ProductVariant
	VariantID string
	Quantity  int
	AddedAt   time.Time
}

// Wishlist is a wishlist with its items.
type Wishlist struct {
	ID        string
	Items     []*WishlistItem
	ItemCount int
	UpdatedAt time.Time
}

// WishlistItem is a saved variant.
type WishlistItem struct {
	ID      string
	Variant *ProductVariant
	AddedAt time.Time
}

// IsEntity marks User as a federation entity (fedruntime.Entity).
func (User) IsEntity() {}
