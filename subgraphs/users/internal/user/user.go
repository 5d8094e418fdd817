// Package user is the users subgraph's domain: accounts, their addresses and
// owner applications, the rules that validate and normalise them, and the
// events they publish. It knows nothing of SQL or GraphQL; the errors it
// returns are client-facing errs.Error values whose Field is the GraphQL
// input field at fault.
package user

import (
	"github.com/purra/supergraph/platform/credential"
	"github.com/purra/supergraph/platform/india"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Role is what an account may do.
type Role string

const (
	RoleCustomer Role = "CUSTOMER"
	RoleRetailer Role = "RETAILER"
	RoleOwner    Role = "OWNER"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	return r == RoleCustomer || r == RoleRetailer || r == RoleOwner
}

// User is an account.
type User struct {
	ID    string
	Name  string
	Email string // lower-case
	Phone string // +91XXXXXXXXXX
	Role  Role
	// GSTIN is set for retailers (and customers who gave one for GST invoices).
	GSTIN        string
	PasswordHash string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	// BannedAt is set while the account is banned (BanReason says why);
	// UnbannedAt is when the last ban was lifted.
	BannedAt   *time.Time
	BanReason  string
	UnbannedAt *time.Time
}

var (
	ErrEmailTaken         = errs.Conflicting("email already registered").WithReason("EMAIL_TAKEN")
	ErrInvalidCredentials = errs.Unauthorized("wrong email or password").WithReason("INVALID_CREDENTIALS")
	ErrUserNotFound       = errs.Missing("user")
)

// Registration is the input of a new account.
type Registration struct {
	Name, Email, Phone, Password string
	Role                         Role
	GSTIN                        string
}

// Normalize validates r and returns it normalised (email lower-case, phone
// +91…, GSTIN upper-case). Only CUSTOMER and RETAILER may register; OWNER is
// granted by an approved owner application.
func (r Registration) Normalize() (Registration, error) {
	if r.Role != RoleCustomer && r.Role != RoleRetailer {
		return r, errs.BadInput("role", "choose CUSTOMER or RETAILER")
	}
	return r.normalize()
}

// NormalizeAnyRole validates r like Normalize but accepts every role; seed
// data and (later) admin tooling provision owners with it.
func (r Registration) NormalizeAnyRole() (Registration, error) {
	if !r.Role.Valid() {
		return r, errs.BadInput("role", "unknown role")
	}
	return r.normalize()
}

func (r Registration) normalize() (Registration, error) {
	var err error
	if r.Name, err = Text("name", r.Name, 1, MaxNameLen); err != nil {
		return r, err
	}
	if r.Email, err = credential.NormalizeEmail("email", r.Email); err != nil {
		return r, err
	}
	if r.Phone, err = NormalizePhone("phone", r.Phone); err != nil {
		return r, err
	}
	if err = credential.ValidatePassword("password", r.Password, r.Email); err != nil {
		return r, err
	}
	switch {
	case strings.TrimSpace(r.GSTIN) != "":
		if r.GSTIN, err = india.NormalizeGSTIN("gstin", r.GSTIN); err != nil {
			return r, err
		}
	case r.Role == RoleRetailer:
		return r, errs.BadInput("gstin", "a GSTIN is required to register as a retailer")
	default:
		r.GSTIN = ""
	}
	return r, nil
}

// New returns the account for a normalised registration.
func New(id string, r Registration, passwordHash string, now time.Time) User {
	return User{
		ID: id, Name: r.Name, Email: r.Email, Phone: r.Phone, Role: r.Role, GSTIN: r.GSTIN,
		PasswordHash: passwordHash, CreatedAt: now, UpdatedAt: now,
	}
}

// ProfileUpdate changes a user's name and/or phone; nil fields stay.
type ProfileUpdate struct {
	Name, Phone *string
}

// UpdateProfile applies p and reports whether anything changed.
func (u *User) UpdateProfile(p ProfileUpdate, now time.Time) (changed bool, err error) {
	name, phone := u.Name, u.Phone
	if p.Name != nil {
		if name, err = Text("name", *p.Name, 1, MaxNameLen); err != nil {
			return false, err
		}
	}
	if p.Phone != nil {
		if phone, err = NormalizePhone("phone", *p.Phone); err != nil {
			return false, err
		}
	}
	if name == u.Name && phone == u.Phone {
		return false, nil
	}
	u.Name, u.Phone, u.UpdatedAt = name, phone, now
	return true, nil
}
