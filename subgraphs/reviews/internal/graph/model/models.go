// Package model holds the GraphQL models: generated ones in models_gen.go and
// the hand-written ones below, which carry foreign keys (product, author) as
// ids and leave the references to field resolvers.
package model

import "time"

// Product is catalog's entity; rating and reviews are resolved through the
// per-request loaders.
type Product struct {
	ID string
}

// User is the users subgraph's entity; reviews are shown only to the user themself.
type User struct {
	ID string
}

// ProductReview is a review with its product and author as ids.
type ProductReview struct {
	ID              string
	ProductID       string
	AuthorID        string
	Rating          int
	Title           string
	Text            string
	Status          ReviewStatus
	RejectionReason *string
	Verified        bool
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// IsEntity marks Product as a federation entity (fedruntime.Entity).
func (Product) IsEntity() {}

// IsEntity marks User as a federation entity (fedruntime.Entity).
func (User) IsEntity() {}
