// Package model holds the GraphQL models: generated ones in models_gen.go and
// the hand-written ones below, which keep fields that resolvers must guard.
package model

import "time"

// User is the User entity. Email, phone and GSTIN are personal: they are kept
// under names gqlgen cannot bind, so that the User.email/phone/gstin (and
// addresses) field resolvers decide who sees them.
type User struct {
	ID           string
	Name         string
	Role         Role
	CreatedAt    time.Time
	PrivateEmail string
	PrivatePhone string
	PrivateGSTIN string
	// PrivateBanned is shown only to the user and to admins.
	PrivateBanned bool
	// OwnView marks a User built for the user themself before the request
	// carries their identity: the AuthPayload of register, login and
	// refreshToken, whose caller just proved to be this user.
	OwnView bool
}

// IsEntity marks User as a federation entity (fedruntime.Entity).
func (User) IsEntity() {}

// Owner is an owner application; its applicant is resolved from UserID.
type Owner struct {
	ID              string
	UserID          string
	BusinessName    string
	Gstin           string
	Pan             string
	Status          OwnerStatus
	CreatedAt       time.Time
	ReviewedAt      *time.Time
	RejectionReason *string
}
