// Package catalog is the catalogue's domain: products, variants, categories,
// brands, attributes and media, the rules their inputs must follow, the
// search request, and the events the catalogue publishes. It has no I/O.
package catalog

import "time"

// Status is a product's lifecycle state.
type Status string

const (
	Draft    Status = "DRAFT"
	Active   Status = "ACTIVE"
	Archived Status = "ARCHIVED"
)

// Product is a product row with its denormalised price range.
type Product struct {
	ID          string    `json:"id"`
	StoreID     string    `json:"storeId"`
	BrandID     string    `json:"brandId"`
	CategoryID  string    `json:"categoryId"`
	Title       string    `json:"title"`
	Slug        string    `json:"slug"`
	Description string    `json:"description"`
	HSNCode     string    `json:"hsnCode"`
	GSTRate     float64   `json:"gstRate"`
	Status      Status    `json:"status"`
	CreatedBy   string    `json:"createdBy,omitempty"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
	MinPrice    *int64    `json:"minPrice,omitempty"`
	MaxPrice    *int64    `json:"maxPrice,omitempty"`
}

// Variant is a purchasable SKU of a product.
type Variant struct {
	ID            string             `json:"id"`
	ProductID     string             `json:"productId"`
	SKU           string             `json:"sku"`
	Title         string             `json:"title"`
	MRP           int64              `json:"mrp"`
	Price         int64              `json:"price"`
	RetailerPrice *int64             `json:"retailerPrice,omitempty"`
	MOQ           int                `json:"moq"`
	Position      int                `json:"position"`
	Attributes    []VariantAttribute `json:"attributes,omitempty"`
	Media         []Media            `json:"media,omitempty"`
}

// VariantAttribute is one attribute value of a variant, with the attribute's names.
type VariantAttribute struct {
	VariantID     string `json:"variantId"`
	AttributeID   string `json:"attributeId"`
	AttributeName string `json:"attributeName"`
	AttributeSlug string `json:"attributeSlug"`
	ValueID       string `json:"valueId"`
	Value         string `json:"value"`
}

// Media is an image of a product or a variant (OwnerID) in several renditions.
type Media struct {
	ID       string     `json:"id"`
	OwnerID  string     `json:"ownerId"`
	Alt      string     `json:"alt"`
	Position int        `json:"position"`
	URLs     []MediaURL `json:"urls"`
}

// MediaURL is one rendition of an image.
type MediaURL struct {
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Format string `json:"format"`
}

// Brand is a manufacturer.
type Brand struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Slug    string `json:"slug"`
	LogoURL string `json:"logoUrl,omitempty"`
}

// Category is a node of the category tree.
type Category struct {
	ID       string `json:"id"`
	ParentID string `json:"parentId,omitempty"`
	Name     string `json:"name"`
	Slug     string `json:"slug"`
	Position int    `json:"position"`
}

// Attribute is a variant dimension (Colour, Storage…).
type Attribute struct {
	ID     string           `json:"id"`
	Name   string           `json:"name"`
	Slug   string           `json:"slug"`
	Values []AttributeValue `json:"values,omitempty"`
}

// AttributeValue is one value of an attribute.
type AttributeValue struct {
	ID          string `json:"id"`
	AttributeID string `json:"attributeId"`
	Value       string `json:"value"`
	Position    int    `json:"position"`
}

// Page is everything a product page shows, read and cached as one value.
type Page struct {
	Product     Product    `json:"product"`
	Brand       Brand      `json:"brand"`
	Breadcrumbs []Category `json:"breadcrumbs"` // root → the product's category
	Media       []Media    `json:"media"`
	Variants    []Variant  `json:"variants"`
	// StoreStatus is the selling store's status: only an ACTIVE store's
	// products are shown to shoppers. A status change drops the store's pages.
	StoreStatus string `json:"storeStatus"`
}

// Store is the catalogue's projection of a store.
type Store struct {
	ID          string `json:"id"`
	OwnerUserID string `json:"ownerUserId"`
	Name        string `json:"name"`
	Status      string `json:"status"`
	// State is the IndianState name of the store's GST place of supply
	// (e.g. KARNATAKA); "" when not known yet.
	State string `json:"state,omitempty"`
}
