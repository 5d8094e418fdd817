// Package model holds the GraphQL models: generated ones in models_gen.go and
// the hand-written ones below.
package model

import "time"

// Store is the Store entity. It keeps its owner's id; the `owner` field
// resolver turns it into a User reference.
type Store struct {
	ID               string
	Name             string
	Slug             string
	Description      *string
	LogoURL          *string
	Gstin            string
	PickupAddress    *PickupAddress
	Status           StoreStatus
	SuspensionReason *string
	OwnerID          string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// IsEntity marks Store as a federation entity.
func (Store) IsEntity() {}

// User is the stores subgraph's part of the User entity: its id, from which
// the `stores` field resolver loads the user's stores.
type User struct {
	ID string
}

// IsEntity marks User as a federation entity.
func (User) IsEntity() {}
