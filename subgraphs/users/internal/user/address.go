package user

import (
	"slices"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// MaxAddresses is how many addresses one user may keep.
const MaxAddresses = 20

var (
	ErrAddressNotFound  = errs.Missing("address")
	ErrTooManyAddresses = errs.Conflicting("an account can keep at most %d addresses", MaxAddresses).WithReason("ADDRESS_LIMIT_REACHED")
)

// Address is a delivery address.
type Address struct {
	ID, UserID             string
	Name, Phone            string
	Line1, Line2, Landmark string
	City                   string
	State                  State
	PinCode                string
	IsDefault              bool
	CreatedAt, UpdatedAt   time.Time
}

// AddressInput is what a user gives for an address.
type AddressInput struct {
	Name, Phone     string
	Line1           string
	Line2, Landmark *string
	City            string
	State           State
	PinCode         string
	// MakeDefault moves the default to this address; false leaves it.
	MakeDefault bool
}

// validated is a checked, normalised AddressInput.
type validated struct {
	name, phone, line1, line2, landmark, city, pin string
	state                                          State
}

func (in AddressInput) validate() (validated, error) {
	var v validated
	var err error
	if v.name, err = Text("name", in.Name, 1, MaxNameLen); err != nil {
		return v, err
	}
	if v.phone, err = NormalizePhone("phone", in.Phone); err != nil {
		return v, err
	}
	if v.line1, err = Text("line1", in.Line1, 1, MaxLineLen); err != nil {
		return v, err
	}
	if v.line2, err = OptionalText("line2", in.Line2, MaxLineLen); err != nil {
		return v, err
	}
	if v.landmark, err = OptionalText("landmark", in.Landmark, MaxLandmarkLen); err != nil {
		return v, err
	}
	if v.city, err = Text("city", in.City, 1, MaxCityLen); err != nil {
		return v, err
	}
	if !in.State.Valid() {
		return v, errs.BadInput("state", "is not an Indian state or union territory")
	}
	v.state = in.State
	if v.pin, err = NormalizePIN("pinCode", in.PinCode); err != nil {
		return v, err
	}
	return v, nil
}

func (a *Address) apply(v validated, now time.Time) {
	a.Name, a.Phone, a.Line1, a.Line2, a.Landmark = v.name, v.phone, v.line1, v.line2, v.landmark
	a.City, a.State, a.PinCode, a.UpdatedAt = v.city, v.state, v.pin, now
}

// NormalizePIN checks a postal PIN code: six digits, the first 1–9.
func NormalizePIN(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) != 6 || s[0] == '0' || !allDigits(s) {
		return "", errs.BadInput(field, "must be 6 digits, the first 1–9")
	}
	return s, nil
}

// AddressBook is all addresses of one user: the aggregate that keeps
// "exactly one default while there are addresses" and the 20-address limit.
// The store loads it under a lock and saves what changed.
type AddressBook struct {
	UserID  string
	addrs   []Address // oldest first
	changed map[string]bool
	deleted []string
}

// LoadAddressBook rebuilds a book from stored addresses, oldest first.
func LoadAddressBook(userID string, addrs []Address) *AddressBook {
	return &AddressBook{UserID: userID, addrs: addrs, changed: map[string]bool{}}
}

// Has reports whether the book holds an address with id.
func (b *AddressBook) Has(id string) bool { return b.index(id) >= 0 }

func (b *AddressBook) index(id string) int {
	return slices.IndexFunc(b.addrs, func(a Address) bool { return a.ID == id })
}

// Add validates in and adds it as address id. The first address becomes the default.
func (b *AddressBook) Add(id string, in AddressInput, now time.Time) (Address, error) {
	v, err := in.validate()
	if err != nil {
		return Address{}, err
	}
	if len(b.addrs) >= MaxAddresses {
		return Address{}, ErrTooManyAddresses
	}
	a := Address{ID: id, UserID: b.UserID, CreatedAt: now}
	a.apply(v, now)
	b.addrs = append(b.addrs, a)
	b.changed[id] = true
	if in.MakeDefault || len(b.addrs) == 1 {
		b.setDefault(id, now)
	}
	return b.get(id), nil
}

// Update replaces the fields of address id.
func (b *AddressBook) Update(id string, in AddressInput, now time.Time) (Address, error) {
	i := b.index(id)
	if i < 0 {
		return Address{}, ErrAddressNotFound
	}
	v, err := in.validate()
	if err != nil {
		return Address{}, err
	}
	b.addrs[i].apply(v, now)
	b.changed[id] = true
	if in.MakeDefault {
		b.setDefault(id, now)
	}
	return b.get(id), nil
}

// Delete removes address id; if it was the default, the oldest remaining
// address becomes the default.
func (b *AddressBook) Delete(id string, now time.Time) error {
	i := b.index(id)
	if i < 0 {
		return ErrAddressNotFound
	}
	wasDefault := b.addrs[i].IsDefault
	b.addrs = slices.Delete(b.addrs, i, i+1)
	delete(b.changed, id)
	b.deleted = append(b.deleted, id)
	if wasDefault && len(b.addrs) > 0 {
		b.setDefault(b.addrs[0].ID, now)
	}
	return nil
}

// SetDefault makes address id the default.
func (b *AddressBook) SetDefault(id string, now time.Time) (Address, error) {
	if b.index(id) < 0 {
		return Address{}, ErrAddressNotFound
	}
	b.setDefault(id, now)
	return b.get(id), nil
}

func (b *AddressBook) setDefault(id string, now time.Time) {
	for i := range b.addrs {
		a := &b.addrs[i]
		if want := a.ID == id; a.IsDefault != want {
			a.IsDefault, a.UpdatedAt = want, now
			b.changed[a.ID] = true
		}
	}
}

func (b *AddressBook) get(id string) Address { return b.addrs[b.index(id)] }

// Addresses returns the addresses, the default first, then oldest first.
func (b *AddressBook) Addresses() []Address { return SortAddresses(slices.Clone(b.addrs)) }

// Changes returns what to save: deleted ids and changed addresses, those
// losing the default before the one gaining it (so a unique "one default
// per user" index holds after every statement).
func (b *AddressBook) Changes() (upserts []Address, deleted []string) {
	for _, a := range b.addrs {
		if b.changed[a.ID] {
			upserts = append(upserts, a)
		}
	}
	slices.SortStableFunc(upserts, func(x, y Address) int {
		switch {
		case x.IsDefault == y.IsDefault:
			return 0
		case y.IsDefault:
			return -1
		default:
			return 1
		}
	})
	return upserts, slices.Clone(b.deleted)
}

// SortAddresses orders addresses the way User.addresses lists them: the
// default first, then by creation (oldest first).
func SortAddresses(addrs []Address) []Address {
	slices.SortStableFunc(addrs, func(x, y Address) int {
		if x.IsDefault != y.IsDefault {
			if x.IsDefault {
				return -1
			}
			return 1
		}
		if c := x.CreatedAt.Compare(y.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	return addrs
}
