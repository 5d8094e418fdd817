package server_test

import (
	"fmt"
	"testing"

	"github.com/purra/supergraph/subgraphs/admin/seed"
)

// operation is one admin query or mutation with valid variables.
type operation struct {
	name, query string
	vars        map[string]any
}

func managerOperations() []operation {
	return []operation{
		{"admins", `{ admins { id } }`, nil},
		{"adminRoles", `{ adminRoles { id } }`, nil},
		{"adminPermissions", `{ adminPermissions { name } }`, nil},
		{"createAdmin", `mutation($i: CreateAdminInput!) { createAdmin(input: $i) { id } }`, map[string]any{"i": map[string]any{
			"name": "Ravi", "email": "ravi@purra.in", "password": "Secret12345", "roleIds": []string{seed.SupportRoleID}}}},
		{"updateAdmin", `mutation($id: ID!, $i: UpdateAdminInput!) { updateAdmin(id: $id, input: $i) { id } }`, map[string]any{
			"id": seed.KavyaID, "i": map[string]any{"name": "Kavya R"}}},
		{"createRole", `mutation($i: CreateRoleInput!) { createRole(input: $i) { id } }`, map[string]any{"i": map[string]any{
			"name": "FINANCE", "permissions": []string{"payments:refund"}}}},
		{"updateRole", `mutation($id: ID!, $i: UpdateRoleInput!) { updateRole(id: $id, input: $i) { id } }`, map[string]any{
			"id": seed.MarketingRoleID, "i": map[string]any{"description": "Campaigns"}}},
	}
}

// Every admins:manage operation: no token → UNAUTHENTICATED, a shopper's
// token → FORBIDDEN, an admin without admins:manage → FORBIDDEN, nothing
// written; auditLogs likewise needs audit:read; adminMe needs an admin.
func TestPermissionChecks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	meera := e.login("meera@purra.in") // CATALOG_MANAGER: neither admins:manage nor audit:read
	shopper := e.shopper()
	forged := e.iss.Token(t, "01937a00-0000-7000-8000-000000000002", "CUSTOMER", "admins:manage", "audit:read")
	before := e.rows()
	ops := append(managerOperations(), operation{"auditLogs", `{ auditLogs { totalCount } }`, nil})
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			wantErr(t, e.do("", op.query, op.vars, nil), "UNAUTHENTICATED", "", "")
			wantErr(t, e.do(shopper, op.query, op.vars, nil), "FORBIDDEN", "", "")
			wantErr(t, e.do(meera, op.query, op.vars, nil), "FORBIDDEN", "", "")
			// A shopper token carrying admin permissions is not a token at
			// all: the users issuer may not grant them (platform/auth/issuers.go).
			wantErr(t, e.do(forged, op.query, op.vars, nil), "UNAUTHENTICATED", "", "")
		})
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("refused operations wrote rows: %v → %v", before, after)
	}
	wantErr(t, e.do("", `{ adminMe { id } }`, nil, nil), "UNAUTHENTICATED", "", "")
	wantErr(t, e.do(shopper, `{ adminMe { id } }`, nil, nil), "FORBIDDEN", "", "NOT_ADMIN")
	wantErr(t, e.do("Bearer not-a-jwt", `{ adminMe { id } }`, nil, nil), "UNAUTHENTICATED", "", "TOKEN_INVALID")

	// SUPPORT has audit:read; SUPER_ADMIN everything.
	ok(t, e.do(e.login("arjun@purra.in"), `{ auditLogs { totalCount } }`, nil, nil))
	priya := e.login("priya@purra.in")
	for _, op := range ops {
		ok(t, e.do(priya, op.query, op.vars, nil))
	}
}
