package user

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func now() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

func addrIn() AddressInput {
	return AddressInput{Name: "Rahul", Phone: "9876543210", Line1: "12 Carter Road", City: "Mumbai", State: "MAHARASHTRA", PinCode: "400050"}
}

func defaults(b *AddressBook) []string {
	var ids []string
	for _, a := range b.Addresses() {
		if a.IsDefault {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

func TestAddressValidation(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 201)
	cases := map[string]struct {
		mod   func(*AddressInput)
		field string
	}{
		"pin leading 0": {func(a *AddressInput) { a.PinCode = "040005" }, "pinCode"},
		"pin 5 digits":  {func(a *AddressInput) { a.PinCode = "40005" }, "pinCode"},
		"pin letters":   {func(a *AddressInput) { a.PinCode = "40005A" }, "pinCode"},
		"state":         {func(a *AddressInput) { a.State = "CALIFORNIA" }, "state"},
		"line1 empty":   {func(a *AddressInput) { a.Line1 = " " }, "line1"},
		"line1 201":     {func(a *AddressInput) { a.Line1 = long }, "line1"},
		"line2 201":     {func(a *AddressInput) { a.Line2 = &long }, "line2"},
		"landmark 201":  {func(a *AddressInput) { a.Landmark = &long }, "landmark"},
		"city empty":    {func(a *AddressInput) { a.City = "" }, "city"},
		"phone":         {func(a *AddressInput) { a.Phone = "12345" }, "phone"},
		"name control":  {func(a *AddressInput) { a.Name = "a\tb" }, "name"},
	}
	for name, c := range cases {
		in := addrIn()
		c.mod(&in)
		b := LoadAddressBook("u1", nil)
		if _, err := b.Add("a1", in, now()); field(t, err) != c.field {
			t.Errorf("%s: want field %s", name, c.field)
		}
		if up, del := b.Changes(); len(up)+len(del) != 0 {
			t.Errorf("%s: invalid input changed the book", name)
		}
	}
	a, err := LoadAddressBook("u1", nil).Add("a1", addrIn(), now())
	if err != nil || a.Phone != "+919876543210" || a.Line2 != "" {
		t.Fatalf("Add = %+v, %v", a, err)
	}
}

func TestAddressBookDefaults(t *testing.T) {
	t.Parallel()
	b := LoadAddressBook("u1", nil)
	mustAdd := func(id string, makeDefault bool) {
		t.Helper()
		in := addrIn()
		in.MakeDefault = makeDefault
		if _, err := b.Add(id, in, now()); err != nil {
			t.Fatal(err)
		}
	}
	mustAdd("a1", false)
	if got := defaults(b); fmt.Sprint(got) != "[a1]" {
		t.Fatalf("first address not default: %v", got)
	}
	mustAdd("a2", false)
	if got := defaults(b); fmt.Sprint(got) != "[a1]" {
		t.Fatalf("second address stole the default: %v", got)
	}
	mustAdd("a3", true)
	if got := defaults(b); fmt.Sprint(got) != "[a3]" {
		t.Fatalf("isDefault ignored: %v", got)
	}
	// Changes put the address losing the default before the one gaining it.
	up, _ := b.Changes()
	if last := up[len(up)-1]; last.ID != "a3" || !last.IsDefault {
		t.Fatalf("changes order: %+v", up)
	}
	if _, err := b.SetDefault("a2", now()); err != nil || fmt.Sprint(defaults(b)) != "[a2]" {
		t.Fatalf("SetDefault: %v %v", err, defaults(b))
	}
	if err := b.Delete("a2", now()); err != nil {
		t.Fatal(err)
	}
	if got := defaults(b); fmt.Sprint(got) != "[a1]" { // the oldest remaining
		t.Fatalf("after deleting the default: %v", got)
	}
	in := addrIn()
	in.City = "Pune"
	if a, err := b.Update("a3", in, now()); err != nil || a.City != "Pune" || a.IsDefault {
		t.Fatalf("Update: %+v %v", a, err)
	}
	for _, err := range []error{b.Delete("zz", now()), func() error { _, e := b.SetDefault("zz", now()); return e }(),
		func() error { _, e := b.Update("zz", addrIn(), now()); return e }()} {
		if !errors.Is(err, ErrAddressNotFound) {
			t.Errorf("unknown id: %v", err)
		}
	}
	_ = b.Delete("a1", now())
	_ = b.Delete("a3", now())
	if len(b.Addresses()) != 0 || len(defaults(b)) != 0 {
		t.Fatal("book not empty")
	}
}

func TestAddressBookLimit(t *testing.T) {
	t.Parallel()
	b := LoadAddressBook("u1", nil)
	for i := range MaxAddresses {
		if _, err := b.Add(fmt.Sprint("a", i), addrIn(), now()); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Add("one-too-many", addrIn(), now()); !errors.Is(err, ErrTooManyAddresses) {
		t.Fatalf("21st address: %v", err)
	}
}

func TestSortAddresses(t *testing.T) {
	t.Parallel()
	t0 := now()
	got := SortAddresses([]Address{
		{ID: "new", CreatedAt: t0.Add(2 * time.Hour)},
		{ID: "def", CreatedAt: t0.Add(time.Hour), IsDefault: true},
		{ID: "old", CreatedAt: t0},
	})
	if got[0].ID != "def" || got[1].ID != "old" || got[2].ID != "new" {
		t.Fatalf("order %v", got)
	}
}
