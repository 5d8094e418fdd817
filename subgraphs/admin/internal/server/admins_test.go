package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/purra/supergraph/subgraphs/admin/seed"
)

const createAdminMutation = `mutation($i: CreateAdminInput!) { createAdmin(input: $i) { id name email active roles { id name } permissions } }`
const updateAdminMutation = `mutation($id: ID!, $i: UpdateAdminInput!) { updateAdmin(id: $id, input: $i) { id name email active roles { id name } permissions } }`
const createRoleMutation = `mutation($i: CreateRoleInput!) { createRole(input: $i) { id name description permissions } }`
const updateRoleMutation = `mutation($id: ID!, $i: UpdateRoleInput!) { updateRole(id: $id, input: $i) { id name description permissions } }`

type role struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Permissions []string `json:"permissions"`
}

// auditEvent is the payload of an admin.action event in the outbox.
type auditEvent struct {
	AdminID, SessionID, Permission, Action, TargetType, TargetID, Service string
	Before, After                                                         json.RawMessage
}

func (e *env) audits(action string) []auditEvent {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(), `SELECT envelope->'payload' FROM outbox
		WHERE type = 'admin.action' AND envelope->'payload'->>'action' = $1 ORDER BY seq`, action)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []auditEvent
	for rows.Next() {
		var raw []byte
		var a auditEvent
		if err := rows.Scan(&raw); err != nil {
			e.t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// createAdmin stores the admin with its roles, publishes admin.created and
// its audit entry; the new admin signs in with the roles' permissions.
// updateAdmin changes name and roles (audited with before and after);
// deactivating revokes every session and refuses sign-in.
func TestCreateAndUpdateAdmin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	priya := e.login("priya@purra.in")
	var created struct{ CreateAdmin adminUser }
	ok(t, e.do(priya, createAdminMutation, map[string]any{"i": map[string]any{
		"name": " Ravi Kumar ", "email": "Ravi@Purra.in", "password": "Secret12345",
		"roleIds": []string{seed.MarketingRoleID, seed.CatalogManagerRoleID}}}, &created))
	ravi := created.CreateAdmin
	if ravi.Name != "Ravi Kumar" || ravi.Email != "ravi@purra.in" || !ravi.Active || len(ravi.Roles) != 2 ||
		ravi.Roles[0].Name != "CATALOG_MANAGER" || ravi.Roles[1].Name != "MARKETING" {
		t.Fatalf("created = %+v", ravi)
	}
	wantPerms := []string{"banners:write", "catalog:write", "inventory:write", "notifications:send", "promotions:write"}
	if !slices.Equal(ravi.Permissions, wantPerms) {
		t.Fatalf("permissions = %v", ravi.Permissions)
	}
	var payload struct{ AdminID, Name, Email string }
	if err := e.d.DB.QueryRow(context.Background(), `SELECT envelope->'payload' FROM outbox WHERE type = 'admin.created' AND key = $1`, ravi.ID).Scan(&payload); err != nil {
		t.Fatalf("admin.created: %v", err)
	}
	if payload.AdminID != ravi.ID || payload.Name != "Ravi Kumar" || payload.Email != "ravi@purra.in" {
		t.Fatalf("admin.created payload = %+v", payload)
	}
	audits := e.audits("admin.create")
	if len(audits) != 1 || audits[0].AdminID != seed.PriyaID || audits[0].TargetID != ravi.ID || audits[0].Permission != "admins:manage" ||
		audits[0].SessionID == "" || audits[0].Service != "admin" || strings.Contains(string(audits[0].After), "argon2") {
		t.Fatalf("admin.create audit = %+v", audits)
	}

	s, resp := e.loginAs(req{}, "ravi@purra.in", "Secret12345")
	ok(t, resp)
	if !slices.Equal(s.Admin.Permissions, wantPerms) {
		t.Fatalf("Ravi signs in with %v", s.Admin.Permissions)
	}
	raviToken := bearer(s.AccessToken)

	// Same email again: CONFLICT, nothing written.
	before := e.rows()
	wantErr(t, e.do(priya, createAdminMutation, map[string]any{"i": map[string]any{
		"name": "Ravi 2", "email": "ravi@purra.in", "password": "Secret12345", "roleIds": []string{seed.SupportRoleID}}}, nil), "CONFLICT", "", "EMAIL_TAKEN")
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("rows changed: %v → %v", before, after)
	}

	// Rename and change roles.
	var updated struct{ UpdateAdmin adminUser }
	ok(t, e.do(priya, updateAdminMutation, map[string]any{"id": ravi.ID, "i": map[string]any{
		"name": "Ravi K", "roleIds": []string{seed.SupportRoleID}}}, &updated))
	if updated.UpdateAdmin.Name != "Ravi K" || len(updated.UpdateAdmin.Roles) != 1 || updated.UpdateAdmin.Roles[0].Name != "SUPPORT" {
		t.Fatalf("updated = %+v", updated.UpdateAdmin)
	}
	up := e.audits("admin.update")
	if len(up) != 1 || !strings.Contains(string(up[0].Before), `"Ravi Kumar"`) || !strings.Contains(string(up[0].After), `"Ravi K"`) {
		t.Fatalf("admin.update audit = %+v", up)
	}
	// A no-op update writes nothing.
	before = e.rows()
	ok(t, e.do(priya, updateAdminMutation, map[string]any{"id": ravi.ID, "i": map[string]any{"name": "Ravi K"}}, nil))
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("no-op update wrote: %v → %v", before, after)
	}

	// Deactivation revokes his sessions at once and refuses sign-in.
	ok(t, e.do(raviToken, `{ adminMe { id } }`, nil, nil))
	ok(t, e.do(priya, updateAdminMutation, map[string]any{"id": ravi.ID, "i": map[string]any{"active": false}}, &updated))
	if updated.UpdateAdmin.Active {
		t.Fatal("still active")
	}
	wantErr(t, e.do(raviToken, `{ adminMe { id } }`, nil, nil), "UNAUTHENTICATED", "", "")
	if n := count(t, e.d.DB, `SELECT count(*) FROM admin_sessions WHERE admin_id = $1 AND revoked_at IS NULL`, ravi.ID); n != 0 {
		t.Fatalf("live sessions after deactivation = %d", n)
	}
	_, resp = e.loginAs(req{}, "ravi@purra.in", "Secret12345")
	wantErr(t, resp, "FORBIDDEN", "", "INACTIVE")

	// Nobody deactivates themself; unknown admins are NOT_FOUND.
	wantErr(t, e.do(priya, updateAdminMutation, map[string]any{"id": seed.PriyaID, "i": map[string]any{"active": false}}, nil), "CONFLICT", "", "SELF_DEACTIVATION")
	wantErr(t, e.do(priya, updateAdminMutation, map[string]any{"id": "01937a00-0000-7000-8000-00000000dead", "i": map[string]any{"name": "X"}}, nil), "NOT_FOUND", "", "")
	wantErr(t, e.do(priya, updateAdminMutation, map[string]any{"id": "x", "i": map[string]any{"name": "X"}}, nil), "NOT_FOUND", "", "")

	var list struct{ Admins []adminUser }
	ok(t, e.do(priya, `{ admins { id name active roles { name } permissions } }`, nil, &list))
	if len(list.Admins) != 5 {
		t.Fatalf("admins = %+v", list.Admins)
	}
}

// Roles: create (audited), rename, change permissions, duplicate names.
func TestRoles(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	priya := e.login("priya@purra.in")
	var perms struct {
		AdminPermissions []struct{ Name, Description string }
	}
	ok(t, e.do(priya, `{ adminPermissions { name description } }`, nil, &perms))
	if len(perms.AdminPermissions) != 15 { // 13 + payments:read (migration 004) + settlements:manage (005)
		t.Fatalf("permissions = %+v", perms.AdminPermissions)
	}
	var created struct{ CreateRole role }
	ok(t, e.do(priya, createRoleMutation, map[string]any{"i": map[string]any{
		"name": "FINANCE", "description": "Refunds", "permissions": []string{"payments:refund", "audit:read"}}}, &created))
	r := created.CreateRole
	if r.Name != "FINANCE" || r.Description != "Refunds" || !slices.Equal(r.Permissions, []string{"audit:read", "payments:refund"}) {
		t.Fatalf("role = %+v", r)
	}
	if a := e.audits("role.create"); len(a) != 1 || a[0].TargetID != r.ID {
		t.Fatalf("role.create audits = %+v", a)
	}
	wantErr(t, e.do(priya, createRoleMutation, map[string]any{"i": map[string]any{"name": "SUPPORT", "permissions": []string{}}}, nil), "CONFLICT", "", "ROLE_NAME_TAKEN")

	var updated struct{ UpdateRole role }
	ok(t, e.do(priya, updateRoleMutation, map[string]any{"id": r.ID, "i": map[string]any{
		"name": "FINANCE_TEAM", "permissions": []string{"payments:refund"}}}, &updated))
	if updated.UpdateRole.Name != "FINANCE_TEAM" || updated.UpdateRole.Description != "Refunds" || !slices.Equal(updated.UpdateRole.Permissions, []string{"payments:refund"}) {
		t.Fatalf("updated = %+v", updated.UpdateRole)
	}
	if a := e.audits("role.update"); len(a) != 1 || !strings.Contains(string(a[0].Before), "audit:read") || strings.Contains(string(a[0].After), "audit:read") {
		t.Fatalf("role.update audits = %+v", a)
	}
	wantErr(t, e.do(priya, updateRoleMutation, map[string]any{"id": r.ID, "i": map[string]any{"name": "MARKETING"}}, nil), "CONFLICT", "", "ROLE_NAME_TAKEN")
	wantErr(t, e.do(priya, updateRoleMutation, map[string]any{"id": "01937a00-0000-7000-8000-00000000dead", "i": map[string]any{"name": "X_Y"}}, nil), "NOT_FOUND", "", "")

	// A new admin with the role gets its permissions at sign-in.
	ok(t, e.do(priya, createAdminMutation, map[string]any{"i": map[string]any{
		"name": "Neha", "email": "neha@purra.in", "password": "Secret12345", "roleIds": []string{r.ID}}}, nil))
	s, resp := e.loginAs(req{}, "neha@purra.in", "Secret12345")
	ok(t, resp)
	if !slices.Equal(s.Admin.Permissions, []string{"payments:refund"}) {
		t.Fatalf("Neha's permissions = %v", s.Admin.Permissions)
	}
	var roles struct{ AdminRoles []role }
	ok(t, e.do(priya, `{ adminRoles { id name permissions } }`, nil, &roles))
	if len(roles.AdminRoles) != 5 || roles.AdminRoles[0].Name != "CATALOG_MANAGER" {
		t.Fatalf("roles = %+v", roles.AdminRoles)
	}
}

// No change may leave the platform without an active admin holding
// admins:manage: not demoting, not deactivating the last SUPER_ADMIN, not
// taking the permission from the SUPER_ADMIN role.
func TestLastSuperAdminGuard(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	priya := e.login("priya@purra.in")
	before := e.rows()
	wantErr(t, e.do(priya, updateAdminMutation, map[string]any{"id": seed.PriyaID, "i": map[string]any{
		"roleIds": []string{seed.SupportRoleID}}}, nil), "CONFLICT", "", "LAST_SUPER_ADMIN")
	all := []string{"catalog:write", "users:ban", "audit:read"} // not admins:manage
	wantErr(t, e.do(priya, updateRoleMutation, map[string]any{"id": seed.SuperAdminRoleID, "i": map[string]any{
		"permissions": all}}, nil), "CONFLICT", "", "LAST_SUPER_ADMIN")
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("refused changes wrote: %v → %v", before, after)
	}
	var me struct{ AdminMe adminUser }
	ok(t, e.do(priya, `{ adminMe { roles { name } permissions } }`, nil, &me))
	if !slices.Contains(me.AdminMe.Permissions, "admins:manage") {
		t.Fatalf("Priya lost admins:manage: %+v", me.AdminMe)
	}

	// With a second SUPER_ADMIN, one of them may step down or be deactivated…
	var created struct{ CreateAdmin adminUser }
	ok(t, e.do(priya, createAdminMutation, map[string]any{"i": map[string]any{
		"name": "Ravi", "email": "ravi@purra.in", "password": "Secret12345", "roleIds": []string{seed.SuperAdminRoleID}}}, &created))
	ravi := e.login2("ravi@purra.in", "Secret12345")
	ok(t, e.do(ravi, updateAdminMutation, map[string]any{"id": seed.PriyaID, "i": map[string]any{"active": false}}, nil))
	// …but then Ravi is the last one.
	wantErr(t, e.do(ravi, updateAdminMutation, map[string]any{"id": created.CreateAdmin.ID, "i": map[string]any{
		"roleIds": []string{seed.MarketingRoleID}}}, nil), "CONFLICT", "", "LAST_SUPER_ADMIN")
	// Another role granting admins:manage to an active admin keeps the guard satisfied.
	var r struct{ CreateRole role }
	ok(t, e.do(ravi, createRoleMutation, map[string]any{"i": map[string]any{"name": "ADMIN_MANAGER", "permissions": []string{"admins:manage"}}}, &r))
	ok(t, e.do(ravi, updateAdminMutation, map[string]any{"id": seed.KavyaID, "i": map[string]any{
		"roleIds": []string{seed.MarketingRoleID, r.CreateRole.ID}}}, nil))
	ok(t, e.do(ravi, updateRoleMutation, map[string]any{"id": seed.SuperAdminRoleID, "i": map[string]any{"permissions": all}}, nil))
}

// login2 signs in any admin with a password.
func (e *env) login2(email, pw string) string {
	e.t.Helper()
	s, resp := e.loginAs(req{}, email, pw)
	ok(e.t, resp)
	return bearer(s.AccessToken)
}
