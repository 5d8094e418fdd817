// Package shop is the stores domain: a store, its validation, its status
// transitions and the events that describe them. Plain Go: no SQL, no
// GraphQL. (Named shop because `store` is the SQL package.)
package shop

import (
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Status is where a store stands; only ACTIVE stores sell.
type Status string

const (
	Pending   Status = "PENDING"
	Active    Status = "ACTIVE"
	Suspended Status = "SUSPENDED"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s == Pending || s == Active || s == Suspended }

// MaxStoresPerOwner bounds how many stores one owner may open.
const MaxStoresPerOwner = 20

var (
	ErrNotFound         = errs.Missing("store")
	ErrSlugTaken        = errs.Conflicting("the slug is taken by another store").WithReason("SLUG_TAKEN")
	ErrNotOwner         = errs.Denied("only the store's owner may change it")
	ErrOwnerNotApproved = errs.Denied("only an approved owner may open a store").WithReason("OWNER_NOT_APPROVED")
	ErrStoreLimit       = errs.Conflicting("an owner may open at most %d stores", MaxStoresPerOwner).WithReason("STORE_LIMIT_REACHED")
)

// PickupAddress is where couriers collect a store's parcels.
type PickupAddress struct {
	Line1, Line2, City string
	State              State
	PinCode            string
}

// Store is a store selling on Purra.
type Store struct {
	ID, OwnerID      string
	Name, Slug       string
	Description      string // "" when none
	LogoURL          string // "" when none
	GSTIN            string
	Pickup           PickupAddress
	Status           Status
	SuspensionReason string // "" unless SUSPENDED
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// transitionError is an admin move the store's status does not allow (CONFLICT).
func transitionError(action string, from Status) error {
	return errs.Conflicting("cannot %s a %s store", action, from).WithReason("ILLEGAL_TRANSITION")
}

// Approve moves a PENDING store to ACTIVE.
func (s *Store) Approve(now time.Time) error {
	if s.Status != Pending {
		return transitionError("approve", s.Status)
	}
	s.Status, s.UpdatedAt = Active, now
	return nil
}

// Suspend moves a PENDING or ACTIVE store to SUSPENDED, giving the reason.
// Suspending a PENDING store is how an application is refused.
func (s *Store) Suspend(reason string, now time.Time) error {
	r, err := Text("reason", reason, 1, MaxReasonLen, true)
	if err != nil {
		return err
	}
	if s.Status != Pending && s.Status != Active {
		return transitionError("suspend", s.Status)
	}
	s.Status, s.SuspensionReason, s.UpdatedAt = Suspended, r, now
	return nil
}

// Reactivate moves a SUSPENDED store back to ACTIVE.
func (s *Store) Reactivate(now time.Time) error {
	if s.Status != Suspended {
		return transitionError("reactivate", s.Status)
	}
	s.Status, s.SuspensionReason, s.UpdatedAt = Active, "", now
	return nil
}
