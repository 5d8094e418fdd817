package admin

import (
	"strings"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

func field(err error) string {
	if e, ok := err.(*errs.Error); ok && e.Code == errs.BadUserInput {
		return e.Field
	}
	return ""
}

func TestRoleName(t *testing.T) {
	for _, good := range []string{"SUPER_ADMIN", "FINANCE", "L2_SUPPORT", "QA"} {
		if _, err := RoleName("name", good); err != nil {
			t.Errorf("%q refused: %v", good, err)
		}
	}
	for _, bad := range []string{"", "A", "finance", "_X", "2FA", "SUPER ADMIN", "ÄDMIN", strings.Repeat("A", 51)} {
		if _, err := RoleName("name", bad); field(err) != "name" {
			t.Errorf("%q accepted or wrong error: %v", bad, err)
		}
	}
}

func TestValidatePermissions(t *testing.T) {
	got, err := ValidatePermissions("permissions", []string{"users:ban", "audit:read"})
	if err != nil || strings.Join(got, ",") != "audit:read,users:ban" {
		t.Fatalf("got %v, %v", got, err)
	}
	if got, err := ValidatePermissions("permissions", []string{}); err != nil || len(got) != 0 {
		t.Fatalf("empty: %v, %v", got, err)
	}
	for _, bad := range [][]string{{"users:ban", "users:ban"}, {"users:delete"}, {strings.Repeat("x", 10_000)}, make([]string, 14)} {
		if _, err := ValidatePermissions("permissions", bad); field(err) != "permissions" {
			t.Errorf("%.40v accepted or wrong error: %v", bad, err)
		}
	}
}

func TestRoleIDs(t *testing.T) {
	a, b := "01937a00-0000-7000-8000-0000000000c2", "01937a00-0000-7000-8000-0000000000c1"
	got, err := RoleIDs("roleIds", []string{a, b})
	if err != nil || got[0] != b || got[1] != a {
		t.Fatalf("got %v, %v", got, err)
	}
	for _, bad := range [][]string{nil, {}, {a, a}, {"SUPPORT"}, {"{" + a + "}"}, make([]string, 21)} {
		if _, err := RoleIDs("roleIds", bad); field(err) != "roleIds" {
			t.Errorf("%v accepted or wrong error: %v", bad, err)
		}
	}
}

func TestDevice(t *testing.T) {
	if got := Device(""); got != "unknown" {
		t.Fatalf("empty: %q", got)
	}
	if got := Device("curl/8.0\r\nX-Evil: 1\u202e"); got != "curl/8.0X-Evil: 1" {
		t.Fatalf("controls kept: %q", got)
	}
	if got := Device(strings.Repeat("é", 10_000)); len([]rune(got)) != MaxDeviceLen {
		t.Fatalf("long UA kept %d characters", len([]rune(got)))
	}
}

func TestParsePageAndCursor(t *testing.T) {
	e := LogEntry{ID: "01937a00-0000-7000-8000-0000000000e1", At: time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)}
	c := e.Cursor()
	p, err := ParsePage(nil, &c)
	if err != nil || p.First != 20 || p.After == nil || p.After.ID != e.ID || !p.After.At.Equal(e.At) {
		t.Fatalf("round trip: %+v, %v", p, err)
	}
	zero, big := 0, 101
	for _, bad := range []struct {
		first *int
		after string
		field string
	}{{&zero, "", "first"}, {&big, "", "first"}, {nil, "!!", "after"}, {nil, strings.Repeat("A", 200), "after"}, {nil, "eDp5", "after"}} {
		after := bad.after
		if _, err := ParsePage(bad.first, &after); field(err) != bad.field {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}

func TestUnionAndSessionActive(t *testing.T) {
	got := Union([]Role{{Permissions: []string{"b", "a"}}, {Permissions: []string{"a", "c"}}})
	if strings.Join(got, ",") != "a,b,c" {
		t.Fatalf("union = %v", got)
	}
	now := time.Now()
	s := Session{ExpiresAt: now.Add(time.Hour)}
	if !s.Active(now) || s.Active(now.Add(2*time.Hour)) {
		t.Fatal("expiry not respected")
	}
	s.RevokedAt = &now
	if s.Active(now) {
		t.Fatal("revoked session active")
	}
}
