package server_test

import (
	"context"
	"testing"

	"github.com/purra/supergraph/subgraphs/users/internal/server"
	"github.com/purra/supergraph/subgraphs/users/seed"
)

func TestSeedIsIdempotent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	spec := server.Spec()
	for range 2 {
		if err := spec.Seed(context.Background(), e.d); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]int{"users": 3, "addresses": 4, "owners": 1, "refresh_tokens": 0, "outbox": 3}
	got := e.rows()
	for table, n := range want {
		if got[table] != n {
			t.Fatalf("%s = %d, want %d (all: %v)", table, got[table], n, got)
		}
	}
	if n := len(outboxRows(t, e, "user.registered")); n != 3 {
		t.Fatalf("user.registered events = %d", n)
	}
	if n := count(t, e.d.DB, `SELECT count(*) FROM owners WHERE id = $1 AND user_id = $2 AND status = 'APPROVED' AND reviewed_at IS NOT NULL`,
		seed.VikramOwnerID, seed.VikramID); n != 1 {
		t.Fatal("Vikram's approved owner profile is missing")
	}

	cases := []struct{ email, id, role string }{
		{seed.RahulEmail, seed.RahulID, "CUSTOMER"},
		{seed.AmitEmail, seed.AmitID, "RETAILER"},
		{seed.VikramEmail, seed.VikramID, "OWNER"},
	}
	for _, c := range cases {
		s, resp := e.login(c.email, seed.Password)
		ok(t, resp)
		if s.User.ID != c.id || s.User.Role != c.role {
			t.Fatalf("%s: %+v", c.email, s.User)
		}
	}
	rahul, _ := e.login(seed.RahulEmail, seed.Password)
	addrs := e.myAddresses(bearer(rahul.AccessToken))
	if len(addrs) != 2 || addrs[0].ID != seed.RahulHomeAddressID || !addrs[0].IsDefault || addrs[0].PinCode != "400050" ||
		addrs[1].ID != seed.RahulOfficeAddressID || addrs[1].City != "Pune" || addrs[1].PinCode != "411001" {
		t.Fatalf("Rahul's addresses = %+v", addrs)
	}
	vikram, _ := e.login(seed.VikramEmail, seed.Password)
	var mine struct{ MyOwnerApplication *ownerApp }
	ok(t, e.do(bearer(vikram.AccessToken), myApplicationQuery, nil, &mine))
	if a := mine.MyOwnerApplication; a == nil || a.Status != "APPROVED" || a.BusinessName != seed.VikramBusinessName || a.Gstin[:2] != "29" {
		t.Fatalf("Vikram's owner profile = %+v", a)
	}
	var me meData
	amit, _ := e.login(seed.AmitEmail, seed.Password)
	ok(t, e.do(bearer(amit.AccessToken), meQuery, nil, &me))
	if me.Me.Gstin == nil || (*me.Me.Gstin)[:2] != "24" || len(me.Me.Addresses) != 1 {
		t.Fatalf("Amit = %+v", me.Me)
	}
}
