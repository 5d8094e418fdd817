// Package model holds the GraphQL models. The hand-written ones below keep
// foreign keys (BrandID, ProductID…) instead of nested objects: field
// resolvers load those edges through per-request dataloaders, unless the
// model came from a cached product page, which carries its edges preloaded.
package model

import (
	"time"

	"github.com/purra/supergraph/platform/money"
)

// Product is a product row; brand, category, media and variants are resolved.
type Product struct {
	ID             string
	Title          string
	Slug           string
	Description    string
	HsnCode        string
	GstRatePercent float64
	Status         ProductStatus
	Store          *Store
	CreatedBy      *User
	CreatedAt      time.Time
	UpdatedAt      time.Time
	PriceRange     *PriceRange

	BrandID    string
	CategoryID string
	// Page carries the edges when the product was read as a whole page; nil
	// means the resolvers load them.
	Page *ProductEdges
}

// ProductEdges are a product page's preloaded edges.
type ProductEdges struct {
	Brand    *Brand
	Category *Category
	Media    []*ProductMedia
	Variants []*ProductVariant
}

// ProductVariant is a variant row. Retailer-only fields are kept under names
// that gqlgen does not bind, so their resolvers can hide them.
type ProductVariant struct {
	ID    string
	Sku   string
	Title string
	Mrp   money.Money
	Price money.Money

	ProductID     string
	RetailerPaise *int64
	MOQ           int
	// Preloaded edges from a product page; nil means "load".
	Attrs  []*VariantAttributeValue
	Images []*VariantMedia
	Parent *Product
}

// Category is a category row; parent, children and breadcrumbs are resolved.
type Category struct {
	ID       string
	Name     string
	Slug     string
	Position int
	ParentID *string
	// Crumbs are the preloaded breadcrumbs (root → self), nil means "load".
	Crumbs []*Category
	// Kids are the preloaded children, nil means "load".
	Kids []*Category
}

// Attribute is an attribute row; its values are resolved unless preloaded.
type Attribute struct {
	ID   string
	Name string
	Slug string
	Vals []*AttributeValue
}

// Store is the catalogue's view of a store: its key; its products and its
// projection fields (owner, origin state) are resolved.
type Store struct {
	ID string
	// Known carries the projection row when it was read with the key
	// (_entities); nil means the resolvers load it.
	Known *StoreFacts
}

// StoreFacts are the store projection's fields served to other subgraphs.
type StoreFacts struct {
	OwnerID     string
	OriginState string // "" when not known
}

// IsEntity marks the federation entities (fedruntime.Entity).
func (Product) IsEntity()        {}
func (ProductVariant) IsEntity() {}
func (Store) IsEntity()          {}
