package user

import (
	"errors"
	"github.com/purra/supergraph/platform/credential"
	"strings"
	"testing"

	"github.com/purra/supergraph/platform/errs"
)

// field returns the Field of a BAD_USER_INPUT error, or fails.
func field(t *testing.T, err error) string {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.BadUserInput {
		t.Fatalf("err = %v, want BAD_USER_INPUT", err)
	}
	return e.Field
}

func TestNormalizeEmail(t *testing.T) {
	t.Parallel()
	ok := map[string]string{
		"Rahul@Purra.in":             "rahul@purra.in",
		"  a.b+tag@mail.example.co ": "a.b+tag@mail.example.co",
		"x_y-z@sub-domain.in":        "x_y-z@sub-domain.in",
	}
	for in, want := range ok {
		if got, err := credential.NormalizeEmail("email", in); err != nil || got != want {
			t.Errorf("credential.NormalizeEmail(%q) = %q, %v", in, got, err)
		}
	}
	bad := []string{"", "rahul", "rahul@", "@purra.in", "rahul@purra", "ra hul@purra.in", "rahul@@purra.in",
		".rahul@purra.in", "ra..hul@purra.in", "rahul@-purra.in", "rahul@purra..in", "\"r\"@purra.in",
		"Rahul <rahul@purra.in>", "rahul@1.2.3.4", "rähul@purra.in", strings.Repeat("a", 250) + "@x.in",
		strings.Repeat("a", 65) + "@purra.in"}
	for _, in := range bad {
		if _, err := credential.NormalizeEmail("email", in); field(t, err) != "email" {
			t.Errorf("credential.NormalizeEmail(%q): wrong field", in)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"9876543210", "+91 98765 43210", "+919876543210", "+91-98765-43210", "09876543210", "919876543210"} {
		if got, err := NormalizePhone("phone", in); err != nil || got != "+919876543210" {
			t.Errorf("NormalizePhone(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "5876543210", "+1 415 555 0100", "+44 7911 123456", "987654321", "98765432100",
		"+92 98765 43210", "98765x3210", "+91 0876543210", strings.Repeat("9", 100)} {
		if _, err := NormalizePhone("phone", in); field(t, err) != "phone" {
			t.Errorf("NormalizePhone(%q): wrong field", in)
		}
	}
}

func TestValidatePassword(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"Purra@2026", "correct horse 9", strings.Repeat("a1", 64)} {
		if err := credential.ValidatePassword("password", ok, "rahul@purra.in"); err != nil {
			t.Errorf("credential.ValidatePassword(%q): %v", ok, err)
		}
	}
	for name, bad := range map[string]string{
		"short":     "abc123",
		"no digit":  "abcdefghijkl",
		"no letter": "1234567890123",
		"too long":  strings.Repeat("a1", 65),
		"is email":  "Rahul1@purra.in",
	} {
		if err := credential.ValidatePassword("password", bad, "rahul1@purra.in"); field(t, err) != "password" {
			t.Errorf("%s: wrong field", name)
		}
	}
}

func TestPasswordHash(t *testing.T) {
	t.Parallel()
	h, err := credential.HashPassword("Purra@2026")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(h, "Purra@2026") {
		t.Fatalf("hash %q", h)
	}
	h2, _ := credential.HashPassword("Purra@2026")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt missing")
	}
	if ok, err := credential.CheckPassword(h, "Purra@2026"); !ok || err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if ok, _ := credential.CheckPassword(h, "Purra@2027"); ok {
		t.Fatal("wrong password accepted")
	}
	for _, bad := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA"} {
		if _, err := credential.CheckPassword(bad, "x"); err == nil {
			t.Errorf("credential.CheckPassword(%q) accepted a malformed hash", bad)
		}
	}
}

func TestText(t *testing.T) {
	t.Parallel()
	if got, err := Text("name", "  राहुल शर्मा  ", 1, 100); err != nil || got != "राहुल शर्मा" {
		t.Fatalf("Text = %q, %v", got, err)
	}
	// Zero-width joiner/non-joiner are part of Indic spelling and stay allowed.
	if _, err := Text("name", "क्\u200dष", 1, 100); err != nil {
		t.Fatalf("ZWJ refused: %v", err)
	}
	bad := map[string]string{
		"empty":    "   ",
		"10 KB":    strings.Repeat("a", 10<<10),
		"101":      strings.Repeat("क", 101),
		"newline":  "Rahul\nSharma",
		"nul":      "Rahul\x00",
		"escape":   "Rahul\x1b[31m",
		"bidi":     "Rahul\u202eamrahS",
		"bad utf8": "Rahul\xff",
	}
	for name, in := range bad {
		if _, err := Text("name", in, 1, 100); field(t, err) != "name" {
			t.Errorf("%s: wrong field", name)
		}
	}
	if got, _ := Text("name", strings.Repeat("क", 100), 1, 100); got == "" {
		t.Error("100 characters refused")
	}
}

func TestRegistrationNormalize(t *testing.T) {
	t.Parallel()
	base := Registration{Name: " Rahul ", Email: " Rahul@Purra.in", Phone: "98765 43210", Password: "Purra@2026", Role: RoleCustomer}
	r, err := base.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Rahul" || r.Email != "rahul@purra.in" || r.Phone != "+919876543210" || r.GSTIN != "" {
		t.Fatalf("normalised = %+v", r)
	}
	cases := map[string]struct {
		mod   func(*Registration)
		field string
	}{
		"owner":            {func(r *Registration) { r.Role = RoleOwner }, "role"},
		"unknown role":     {func(r *Registration) { r.Role = "ADMIN" }, "role"},
		"retailer, no gst": {func(r *Registration) { r.Role = RoleRetailer }, "gstin"},
		"bad gstin":        {func(r *Registration) { r.Role = RoleRetailer; r.GSTIN = "29AAACR5055K1Z5" }, "gstin"},
		"bad email":        {func(r *Registration) { r.Email = "rahul" }, "email"},
		"bad phone":        {func(r *Registration) { r.Phone = "+1 415 555 0100" }, "phone"},
		"weak password":    {func(r *Registration) { r.Password = "password" }, "password"},
		"long name":        {func(r *Registration) { r.Name = strings.Repeat("x", 10<<10) }, "name"},
	}
	for name, c := range cases {
		r := base
		c.mod(&r)
		if _, err := r.Normalize(); field(t, err) != c.field {
			t.Errorf("%s: field %q", name, c.field)
		}
	}
	r = base
	r.Role, r.GSTIN = RoleRetailer, "24abcpp1234f1z6"
	if r, err = r.Normalize(); err != nil || r.GSTIN != "24ABCPP1234F1Z6" {
		t.Fatalf("retailer: %+v %v", r, err)
	}
	o := base
	o.Role = RoleOwner
	if _, err := o.NormalizeAnyRole(); err != nil {
		t.Fatalf("NormalizeAnyRole(owner): %v", err)
	}
}

func TestUpdateProfile(t *testing.T) {
	t.Parallel()
	u := User{Name: "Rahul", Phone: "+919876543210"}
	same := "98765 43210"
	if changed, err := u.UpdateProfile(ProfileUpdate{Phone: &same}, now()); err != nil || changed {
		t.Fatalf("same phone: changed=%v err=%v", changed, err)
	}
	name := "Rahul S"
	if changed, err := u.UpdateProfile(ProfileUpdate{Name: &name}, now()); err != nil || !changed || u.Name != "Rahul S" {
		t.Fatalf("new name: changed=%v err=%v u=%+v", changed, err, u)
	}
	bad := "12345"
	if _, err := u.UpdateProfile(ProfileUpdate{Name: &name, Phone: &bad}, now()); field(t, err) != "phone" || u.Phone != "+919876543210" {
		t.Fatalf("bad phone changed the user: %+v", u)
	}
}
