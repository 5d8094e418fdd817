package shop

import (
	"github.com/purra/supergraph/platform/india"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Owner is an approved owner as the stores subgraph knows them (from users'
// owner.approved / owner.rejected events).
type Owner struct {
	UserID, OwnerID, BusinessName, GSTIN, PAN string
	Approved                                  bool
}

// AddressInput is a pickup address as given by a client.
type AddressInput struct {
	Line1   string
	Line2   *string
	City    string
	State   string
	PinCode string
}

func (in AddressInput) validate() (PickupAddress, error) {
	var a PickupAddress
	var err error
	if a.Line1, err = Text("pickupAddress.line1", in.Line1, 1, MaxLineLen, false); err != nil {
		return a, err
	}
	if a.Line2, err = optionalText("pickupAddress.line2", in.Line2, MaxLineLen, false); err != nil {
		return a, err
	}
	if a.City, err = Text("pickupAddress.city", in.City, 1, MaxCityLen, false); err != nil {
		return a, err
	}
	if a.State = State(strings.TrimSpace(in.State)); len(in.State) > 64 || !a.State.Valid() {
		return a, errs.BadInput("pickupAddress.state", "is not an IndianState name (like KARNATAKA)")
	}
	if a.PinCode, err = pinCode("pickupAddress.pinCode", in.PinCode); err != nil {
		return a, err
	}
	return a, nil
}

func pinCode(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) != 6 || s[0] == '0' || strings.Trim(s, "0123456789") != "" {
		return "", errs.BadInput(field, "must be 6 digits, the first 1–9")
	}
	return s, nil
}

// CreateInput is a new store as given by its owner.
type CreateInput struct {
	Name        string
	Slug        *string
	Description *string
	LogoURL     *string
	GSTIN       *string
	Pickup      AddressInput
}

// New validates in and returns a PENDING store of owner with id. SlugGiven
// reports whether the slug was chosen (taken: CONFLICT) or derived from the
// name (taken: the store tries -2, -3…).
func New(id string, owner Owner, in CreateInput, now time.Time) (s Store, slugGiven bool, err error) {
	s = Store{ID: id, OwnerID: owner.UserID, Status: Pending, CreatedAt: now, UpdatedAt: now}
	if s.Name, err = Text("name", in.Name, MinNameLen, MaxNameLen, false); err != nil {
		return s, false, err
	}
	if in.Slug != nil && strings.TrimSpace(*in.Slug) != "" {
		if s.Slug, err = Slug("slug", *in.Slug); err != nil {
			return s, false, err
		}
		slugGiven = true
	} else {
		s.Slug = SlugOf(s.Name)
	}
	if s.Description, err = optionalText("description", in.Description, MaxDescriptionLen, true); err != nil {
		return s, false, err
	}
	if in.LogoURL != nil {
		if s.LogoURL, err = LogoURL("logoUrl", *in.LogoURL); err != nil {
			return s, false, err
		}
	}
	if s.Pickup, err = in.Pickup.validate(); err != nil {
		return s, false, err
	}
	gstin := owner.GSTIN
	if in.GSTIN != nil && strings.TrimSpace(*in.GSTIN) != "" {
		gstin = *in.GSTIN
	}
	if s.GSTIN, err = s.checkGSTIN(owner, gstin); err != nil {
		return s, false, err
	}
	return s, slugGiven, nil
}

// checkGSTIN validates gstin and checks it belongs to the owner's business
// (same PAN) and is registered in the pickup state.
func (s *Store) checkGSTIN(owner Owner, gstin string) (string, error) {
	g, err := india.NormalizeGSTIN("gstin", gstin)
	if err != nil {
		return "", err
	}
	if owner.PAN != "" && india.PANOfGSTIN(g) != owner.PAN {
		return "", errs.BadInput("gstin", "must belong to the owner's business (PAN %s)", owner.PAN).WithReason("GSTIN_PAN_MISMATCH")
	}
	if !s.Pickup.State.RegisteredIn(g) {
		return "", errs.BadInput("gstin", "must be registered in the pickup address's state (%s)", s.Pickup.State).WithReason("GSTIN_STATE_MISMATCH")
	}
	return g, nil
}

// UpdateInput is a change to a store; nil fields stay as they are.
type UpdateInput struct {
	Name, Slug, Description, LogoURL, GSTIN *string
	Pickup                                  *AddressInput
}

// Update validates in and applies it to s. It reports whether anything
// changed; on an error s is unchanged.
func (s *Store) Update(owner Owner, in UpdateInput, now time.Time) (bool, error) {
	next := *s
	var err error
	if in.Name != nil {
		if next.Name, err = Text("name", *in.Name, MinNameLen, MaxNameLen, false); err != nil {
			return false, err
		}
	}
	if in.Slug != nil {
		if next.Slug, err = Slug("slug", *in.Slug); err != nil {
			return false, err
		}
	}
	if in.Description != nil {
		if next.Description, err = optionalText("description", in.Description, MaxDescriptionLen, true); err != nil {
			return false, err
		}
	}
	if in.LogoURL != nil {
		if next.LogoURL, err = LogoURL("logoUrl", *in.LogoURL); err != nil {
			return false, err
		}
	}
	if in.Pickup != nil {
		if next.Pickup, err = in.Pickup.validate(); err != nil {
			return false, err
		}
	}
	gstin := next.GSTIN
	if in.GSTIN != nil {
		gstin = *in.GSTIN
	}
	if in.GSTIN != nil || in.Pickup != nil {
		if next.GSTIN, err = next.checkGSTIN(owner, gstin); err != nil {
			return false, err
		}
	}
	if next == *s {
		return false, nil
	}
	next.UpdatedAt = now
	*s = next
	return true, nil
}
