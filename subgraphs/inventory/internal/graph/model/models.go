// Package model holds the GraphQL models: generated ones in models_gen.go and
// the hand-written ones below.
package model

// ProductVariant is inventory's part of the ProductVariant entity. The count
// is kept under a name gqlgen cannot bind, so the `stock` field resolver
// decides who sees it; StoreID is what that decision needs.
type ProductVariant struct {
	ID        string
	StoreID   string // "" when inventory holds no stock for the variant
	Available int
}

// IsEntity marks ProductVariant as a federation entity (fedruntime.Entity).
func (ProductVariant) IsEntity() {}

// InStock resolves ProductVariant.inStock: public.
func (v ProductVariant) InStock() bool { return v.Available > 0 }
