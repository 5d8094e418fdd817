package server_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/server"
	"github.com/purra/supergraph/subgraphs/admin/seed"
)

// The seed makes the four roles and admins of the story with fixed ids and
// publishes admin.created for each admin; running it again adds nothing.
func TestSeedIsIdempotent(t *testing.T) {
	t.Parallel()
	e := newEnv(t) // seeded once
	before := e.rows()
	if err := server.Spec().Seed(context.Background(), e.d); err != nil {
		t.Fatal(err)
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("second seed wrote: %v → %v", before, after)
	}
	if n := count(t, e.d.DB, `SELECT count(*) FROM outbox WHERE type = 'admin.created'`); n != 4 {
		t.Fatalf("admin.created events = %d, want 4", n)
	}
	var roles struct{ AdminRoles []role }
	ok(t, e.do(e.login("priya@purra.in"), `{ adminRoles { id name permissions } }`, nil, &roles))
	want := map[string][]string{
		"SUPER_ADMIN":     slices.Sorted(slices.Values(admin.PermissionNames())),
		"CATALOG_MANAGER": {"catalog:write", "inventory:write"},
		"SUPPORT":         {"audit:read", "orders:update", "payments:refund", "reviews:moderate", "users:ban"},
		"MARKETING":       {"banners:write", "notifications:send", "promotions:write"},
	}
	if len(roles.AdminRoles) != 4 {
		t.Fatalf("roles = %+v", roles.AdminRoles)
	}
	for _, r := range roles.AdminRoles {
		if !slices.Equal(r.Permissions, want[r.Name]) {
			t.Fatalf("%s permissions = %v, want %v", r.Name, r.Permissions, want[r.Name])
		}
	}
	for _, a := range seed.Admins {
		s, resp := e.loginAs(req{xff: "192.0.2.9"}, a.Email, seed.Password)
		ok(t, resp)
		if s.Admin.ID != a.ID || len(s.Admin.Roles) != 1 || s.Admin.Roles[0].ID != a.RoleIDs[0] {
			t.Fatalf("%s = %+v", a.Email, s.Admin)
		}
	}
}

// The permission list in Go and in the database are the same list.
func TestPermissionListMatchesDatabase(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rows, err := e.d.DB.Query(context.Background(), `SELECT name, description FROM admin_permissions ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var db []admin.Permission
	for rows.Next() {
		var p admin.Permission
		if err := rows.Scan(&p.Name, &p.Description); err != nil {
			t.Fatal(err)
		}
		db = append(db, p)
	}
	code := slices.SortedFunc(slices.Values(admin.Permissions), func(a, b admin.Permission) int {
		return cmpString(a.Name, b.Name)
	})
	if !slices.Equal(db, code) {
		t.Fatalf("database %v\ncode     %v", db, code)
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
