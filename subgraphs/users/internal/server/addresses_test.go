package server_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

const addressFields = `id name phone line1 line2 landmark city state pinCode isDefault createdAt`
const addAddressMutation = `mutation($input: AddressInput!) { addAddress(input: $input) { ` + addressFields + ` } }`
const updateAddressMutation = `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { ` + addressFields + ` } }`
const setDefaultMutation = `mutation($id: ID!) { setDefaultAddress(id: $id) { ` + addressFields + ` } }`
const deleteAddressMutation = `mutation($id: ID!) { deleteAddress(id: $id) { deletedAddressId user { id addresses { id isDefault } } } }`
const myAddressesQuery = `{ me { addresses { ` + addressFields + ` } } }`

type address struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	Phone     string  `json:"phone"`
	Line1     string  `json:"line1"`
	Line2     *string `json:"line2"`
	Landmark  *string `json:"landmark"`
	City      string  `json:"city"`
	State     string  `json:"state"`
	PinCode   string  `json:"pinCode"`
	IsDefault bool    `json:"isDefault"`
}

func addressInput() map[string]any {
	return map[string]any{
		"name": "Rahul Sharma", "phone": "98765 43210", "line1": "12, Sea Breeze Apartments, Carter Road",
		"line2": "Bandra West", "city": "Mumbai", "state": "MAHARASHTRA", "pinCode": "400050",
	}
}

func (e *env) addAddress(token string, in map[string]any) address {
	e.t.Helper()
	var out struct{ AddAddress address }
	ok(e.t, e.do(token, addAddressMutation, map[string]any{"input": in}, &out))
	return out.AddAddress
}

func (e *env) myAddresses(token string) []address {
	e.t.Helper()
	var out struct{ Me struct{ Addresses []address } }
	ok(e.t, e.do(token, myAddressesQuery, nil, &out))
	return out.Me.Addresses
}

func ids(addrs []address) string {
	var s []string
	for _, a := range addrs {
		d := ""
		if a.IsDefault {
			d = "*"
		}
		s = append(s, a.ID+d)
	}
	return strings.Join(s, " ")
}

// exactlyOneDefault checks the invariant in the database itself.
func (e *env) exactlyOneDefault(userID string) {
	e.t.Helper()
	n := count(e.t, e.d.DB, `SELECT count(*) FROM addresses WHERE user_id = $1`, userID)
	d := count(e.t, e.d.DB, `SELECT count(*) FROM addresses WHERE user_id = $1 AND is_default`, userID)
	if n > 0 && d != 1 || n == 0 && d != 0 {
		e.t.Fatalf("user %s has %d addresses and %d defaults", userID, n, d)
	}
}

func TestAddressesCRUDKeepOneDefault(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	tok := bearer(reg.AccessToken)

	home := e.addAddress(tok, addressInput())
	if !home.IsDefault || home.Phone != "+919876543210" || home.State != "MAHARASHTRA" || *home.Line2 != "Bandra West" || home.Landmark != nil {
		t.Fatalf("first address = %+v", home)
	}
	office := addressInput()
	office["city"], office["pinCode"], office["line2"] = "Pune", "411001", nil
	off := e.addAddress(tok, office)
	if off.IsDefault || off.Line2 != nil {
		t.Fatalf("second address = %+v", off)
	}
	e.exactlyOneDefault(reg.User.ID)

	third := addressInput()
	third["city"], third["isDefault"] = "Thane", true
	th := e.addAddress(tok, third)
	if !th.IsDefault {
		t.Fatal("isDefault: true ignored")
	}
	e.exactlyOneDefault(reg.User.ID)
	if got, want := ids(e.myAddresses(tok)), th.ID+"* "+home.ID+" "+off.ID; got != want {
		t.Fatalf("addresses = %s, want %s (default first, then oldest)", got, want)
	}

	// updateAddress replaces the fields; isDefault omitted leaves the default alone.
	upd := addressInput()
	upd["line1"], upd["landmark"], upd["pinCode"], upd["state"] = "Flat 4, Koregaon Park", "Near Osho Ashram", "411001", "MAHARASHTRA"
	delete(upd, "line2")
	var u struct{ UpdateAddress address }
	ok(t, e.do(tok, updateAddressMutation, map[string]any{"id": off.ID, "input": upd}, &u))
	if u.UpdateAddress.Line1 != "Flat 4, Koregaon Park" || u.UpdateAddress.Line2 != nil || *u.UpdateAddress.Landmark != "Near Osho Ashram" || u.UpdateAddress.IsDefault {
		t.Fatalf("updated = %+v", u.UpdateAddress)
	}

	var sd struct{ SetDefaultAddress address }
	ok(t, e.do(tok, setDefaultMutation, map[string]any{"id": off.ID}, &sd))
	if !sd.SetDefaultAddress.IsDefault {
		t.Fatal("setDefaultAddress did not set it")
	}
	e.exactlyOneDefault(reg.User.ID)

	// Deleting the default promotes the oldest remaining address (home).
	var del struct {
		DeleteAddress struct {
			DeletedAddressID string
			User             struct{ Addresses []address }
		}
	}
	ok(t, e.do(tok, deleteAddressMutation, map[string]any{"id": off.ID}, &del))
	if del.DeleteAddress.DeletedAddressID != off.ID {
		t.Fatalf("deleted = %+v", del)
	}
	if got, want := ids(del.DeleteAddress.User.Addresses), home.ID+"* "+th.ID; got != want {
		t.Fatalf("after delete = %s, want %s", got, want)
	}
	e.exactlyOneDefault(reg.User.ID)

	for _, a := range []address{home, th} {
		ok(t, e.do(tok, deleteAddressMutation, map[string]any{"id": a.ID}, nil))
		e.exactlyOneDefault(reg.User.ID)
	}
	if got := e.myAddresses(tok); len(got) != 0 {
		t.Fatalf("addresses left: %v", got)
	}
	wantErr(t, e.do(tok, deleteAddressMutation, map[string]any{"id": home.ID}, nil), "NOT_FOUND", "", "")
}

// Someone else's address id answers NOT_FOUND, exactly like one that does
// not exist, and nothing changes.
func TestSomeoneElsesAddressIsNotFound(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	owner := e.register("Rahul Sharma", "rahul@example.in")
	thief := e.register("Mallory", "mallory@example.in")
	addr := e.addAddress(bearer(owner.AccessToken), addressInput())
	thiefsOwn := e.addAddress(bearer(thief.AccessToken), addressInput())
	before := e.rows()

	tok := bearer(thief.AccessToken)
	for _, id := range []string{addr.ID, "01937a00-0000-7000-8000-00000000dead", "not-a-uuid"} {
		in := addressInput()
		in["isDefault"] = true
		wantErr(t, e.do(tok, updateAddressMutation, map[string]any{"id": id, "input": in}, nil), "NOT_FOUND", "", "")
		wantErr(t, e.do(tok, setDefaultMutation, map[string]any{"id": id}, nil), "NOT_FOUND", "", "")
		wantErr(t, e.do(tok, deleteAddressMutation, map[string]any{"id": id}, nil), "NOT_FOUND", "", "")
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("rows changed: %v → %v", before, after)
	}
	got := e.myAddresses(bearer(owner.AccessToken))
	if len(got) != 1 || got[0].ID != addr.ID || !got[0].IsDefault || got[0].Line1 != addr.Line1 {
		t.Fatalf("owner's addresses changed: %+v", got)
	}
	if mine := e.myAddresses(tok); len(mine) != 1 || mine[0].ID != thiefsOwn.ID || !mine[0].IsDefault {
		t.Fatalf("thief's own addresses: %+v", mine)
	}
}

func TestAddressBadInputWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	tok := bearer(reg.AccessToken)
	existing := e.addAddress(tok, addressInput())
	cases := []struct {
		name  string
		mod   func(map[string]any)
		field string
	}{
		{"PIN starting with 0", func(in map[string]any) { in["pinCode"] = "040050" }, "pinCode"},
		{"PIN of 5 digits", func(in map[string]any) { in["pinCode"] = "40005" }, "pinCode"},
		{"PIN with letters", func(in map[string]any) { in["pinCode"] = "4000AB" }, "pinCode"},
		{"phone not +91", func(in map[string]any) { in["phone"] = "+44 7911 123456" }, "phone"},
		{"10 KB line1", func(in map[string]any) { in["line1"] = strings.Repeat("x", 10<<10) }, "line1"},
		{"empty line1", func(in map[string]any) { in["line1"] = "" }, "line1"},
		{"201-char line2", func(in map[string]any) { in["line2"] = strings.Repeat("x", 201) }, "line2"},
		{"10 KB recipient", func(in map[string]any) { in["name"] = strings.Repeat("x", 10<<10) }, "name"},
		{"control chars in city", func(in map[string]any) { in["city"] = "Mumbai\r\n" + "X-Injected: 1" }, "city"},
	}
	before := e.rows()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := addressInput()
			c.mod(in)
			wantErr(t, e.do(tok, addAddressMutation, map[string]any{"input": in}, nil), "BAD_USER_INPUT", c.field, "")
			wantErr(t, e.do(tok, updateAddressMutation, map[string]any{"id": existing.ID, "input": in}, nil), "BAD_USER_INPUT", c.field, "")
		})
	}
	// A state outside the enum is refused by the schema.
	in := addressInput()
	in["state"] = "CALIFORNIA"
	if resp := e.do(tok, addAddressMutation, map[string]any{"input": in}, nil); resp.Code() == "" {
		t.Fatal("state CALIFORNIA accepted")
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("bad input wrote rows: %v → %v", before, after)
	}
	if got := e.myAddresses(tok); len(got) != 1 || got[0].Line1 != existing.Line1 || got[0].PinCode != "400050" {
		t.Fatalf("existing address changed: %+v", got)
	}
}

func TestAddressLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	tok := bearer(reg.AccessToken)
	for range 17 {
		e.addAddress(tok, addressInput())
	}
	// Five concurrent adds with room for three: the user row lock makes
	// the count exact.
	start := make(chan struct{}) // release all at once
	var wg sync.WaitGroup
	codes := make([]string, 5)
	for i := range 5 {
		wg.Go(func() {
			<-start
			codes[i] = e.do(tok, addAddressMutation, map[string]any{"input": addressInput()}, nil).Code()
		})
	}
	close(start)
	wg.Wait()
	tally := map[string]int{}
	for _, c := range codes {
		tally[c]++
	}
	if tally[""] != 3 || tally["CONFLICT"] != 2 {
		t.Fatalf("codes = %q, want 3 successes and 2 CONFLICT", codes)
	}
	if n := count(t, e.d.DB, `SELECT count(*) FROM addresses WHERE user_id = $1`, reg.User.ID); n != 20 {
		t.Fatalf("addresses = %d, want 20", n)
	}
	wantErr(t, e.do(tok, addAddressMutation, map[string]any{"input": addressInput()}, nil), "CONFLICT", "", "ADDRESS_LIMIT_REACHED")
	e.exactlyOneDefault(reg.User.ID)
}

// A new user adding several addresses at once still ends with one default.
func TestConcurrentFirstAddresses(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	tok := bearer(reg.AccessToken)
	start := make(chan struct{}) // release all at once
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			<-start
			in := addressInput()
			in["isDefault"] = true
			ok(t, e.do(tok, addAddressMutation, map[string]any{"input": in}, nil))
		})
	}
	close(start)
	wg.Wait()
	e.exactlyOneDefault(reg.User.ID)
	if got := e.myAddresses(tok); len(got) != 6 || !got[0].IsDefault {
		t.Fatalf("addresses = %s", ids(got))
	}
}
