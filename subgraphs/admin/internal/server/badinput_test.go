package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/purra/supergraph/subgraphs/admin/seed"
)

// Every mutation refuses bad input with BAD_USER_INPUT naming the field,
// and writes nothing.
func TestBadInputWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	priya := e.login("priya@purra.in")
	huge := strings.Repeat("x", 10_000)
	goodAdmin := func(k string, v any) map[string]any {
		in := map[string]any{"name": "Ravi", "email": "ravi@purra.in", "password": "Secret12345", "roleIds": []string{seed.SupportRoleID}}
		in[k] = v
		return map[string]any{"i": in}
	}
	goodRole := func(k string, v any) map[string]any {
		in := map[string]any{"name": "FINANCE", "description": "Refunds", "permissions": []string{"payments:refund"}}
		in[k] = v
		return map[string]any{"i": in}
	}
	update := func(id, k string, v any) map[string]any {
		return map[string]any{"id": id, "i": map[string]any{k: v}}
	}
	cases := []struct {
		name, query string
		vars        map[string]any
		field       string
	}{
		{"admin name empty", createAdminMutation, goodAdmin("name", "  "), "name"},
		{"admin name 10 KB", createAdminMutation, goodAdmin("name", huge), "name"},
		{"admin name control", createAdminMutation, goodAdmin("name", "Ravi\x00"), "name"},
		{"admin email", createAdminMutation, goodAdmin("email", "ravi@"), "email"},
		{"admin email 10 KB", createAdminMutation, goodAdmin("email", huge+"@purra.in"), "email"},
		{"admin password short", createAdminMutation, goodAdmin("password", "Short1"), "password"},
		{"admin password 10 KB", createAdminMutation, goodAdmin("password", huge+"1"), "password"},
		{"admin password no digit", createAdminMutation, goodAdmin("password", "OnlyLettersHere"), "password"},
		{"admin no roles", createAdminMutation, goodAdmin("roleIds", []string{}), "roleIds"},
		{"admin unknown role", createAdminMutation, goodAdmin("roleIds", []string{"01937a00-0000-7000-8000-00000000dead"}), "roleIds"},
		{"admin malformed role", createAdminMutation, goodAdmin("roleIds", []string{"SUPPORT"}), "roleIds"},
		{"admin repeated role", createAdminMutation, goodAdmin("roleIds", []string{seed.SupportRoleID, seed.SupportRoleID}), "roleIds"},
		{"update name empty", updateAdminMutation, update(seed.KavyaID, "name", ""), "name"},
		{"update name 10 KB", updateAdminMutation, update(seed.KavyaID, "name", huge), "name"},
		{"update no roles", updateAdminMutation, update(seed.KavyaID, "roleIds", []string{}), "roleIds"},
		{"update unknown role", updateAdminMutation, update(seed.KavyaID, "roleIds", []string{seed.SupportRoleID, "01937a00-0000-7000-8000-00000000dead"}), "roleIds"},
		{"role name lower", createRoleMutation, goodRole("name", "finance"), "name"},
		{"role name 10 KB", createRoleMutation, goodRole("name", huge), "name"},
		{"role description 10 KB", createRoleMutation, goodRole("description", huge), "description"},
		{"role unknown permission", createRoleMutation, goodRole("permissions", []string{"money:print"}), "permissions"},
		{"role 10 KB permission", createRoleMutation, goodRole("permissions", []string{huge}), "permissions"},
		{"role repeated permission", createRoleMutation, goodRole("permissions", []string{"users:ban", "users:ban"}), "permissions"},
		{"update role name", updateRoleMutation, update(seed.MarketingRoleID, "name", "Marketing Team"), "name"},
		{"update role description", updateRoleMutation, update(seed.MarketingRoleID, "description", huge), "description"},
		{"update role permission", updateRoleMutation, update(seed.MarketingRoleID, "permissions", []string{"banners:write", "nope"}), "permissions"},
		{"audit first 0", `{ auditLogs(first: 0) { totalCount } }`, nil, "first"},
		{"audit first 101", `{ auditLogs(first: 101) { totalCount } }`, nil, "first"},
		{"audit cursor", `{ auditLogs(after: "garbage!") { totalCount } }`, nil, "after"},
		{"audit filter 10 KB", `query($a: String) { auditLogs(filter: {action: $a}) { totalCount } }`, map[string]any{"a": huge}, "filter.action"},
		{"audit range", `{ auditLogs(filter: {from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z"}) { totalCount } }`, nil, "filter.to"},
	}
	before := e.rows()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantErr(t, e.do(priya, c.query, c.vars, nil), "BAD_USER_INPUT", c.field, "")
		})
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("bad input wrote rows: %v → %v", before, after)
	}
}
