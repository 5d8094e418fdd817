package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/subgraphs/admin/seed"
)

// deliver applies an admin.action envelope through the registered consumer.
func (e *env) deliver(env kafka.Envelope) {
	e.t.Helper()
	h, found := e.d.Consumer.Handler("admin.action")
	if !found {
		e.t.Fatal("no admin.action handler registered")
	}
	if err := e.d.Consumer.Apply(context.Background(), env, h); err != nil {
		e.t.Fatalf("apply: %v", err)
	}
}

// action builds an admin.action envelope as another subgraph's audit.Record would.
func action(t *testing.T, a audit.Action) kafka.Envelope {
	t.Helper()
	raw, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: "admin.action", Version: 1,
		OccurredAt: a.At, AggregateID: a.TargetID, Actor: a.AdminID, Payload: raw}
}

type logEntry struct {
	ID         string                 `json:"id"`
	AdminID    string                 `json:"adminId"`
	Admin      *struct{ Name string } `json:"admin"`
	Action     string                 `json:"action"`
	TargetType string                 `json:"targetType"`
	TargetID   string                 `json:"targetId"`
	Permission string                 `json:"permission"`
	Before     json.RawMessage        `json:"before"`
	After      json.RawMessage        `json:"after"`
	IP         *string                `json:"ip"`
	Service    string                 `json:"service"`
	At         time.Time              `json:"at"`
}

type logPage struct {
	Edges []struct {
		Cursor string
		Node   logEntry
	}
	PageInfo struct {
		HasNextPage bool
		EndCursor   *string
	}
	TotalCount int
}

const auditLogsQuery = `query($f: AuditLogFilter, $first: Int, $after: String) { auditLogs(filter: $f, first: $first, after: $after) {
	edges { cursor node { id adminId admin { name } action targetType targetId permission before after ip service at } }
	pageInfo { hasNextPage endCursor } totalCount } }`

func (e *env) auditLogs(authz string, f map[string]any, first int, after *string) logPage {
	e.t.Helper()
	var out struct{ AuditLogs logPage }
	ok(e.t, e.do(authz, auditLogsQuery, map[string]any{"f": f, "first": first, "after": after}, &out))
	return out.AuditLogs
}

// The consumer stores an admin.action event once, however often it is
// delivered, keyed by the event id.
func TestAuditConsumerIsIdempotent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	env := action(t, audit.Action{AdminID: seed.ArjunID, SessionID: uuid.NewString(), Permission: "users:ban", Action: "user.ban",
		TargetType: "User", TargetID: uuid.NewString(), After: json.RawMessage(`{"banned":true}`), IP: "203.0.113.9",
		Service: "users", At: time.Now().UTC()})
	e.deliver(env)
	e.deliver(env)
	if n := count(t, e.d.DB, `SELECT count(*) FROM admin_audit_logs WHERE id = $1`, env.ID); n != 1 {
		t.Fatalf("rows = %d, want 1", n)
	}
	page := e.auditLogs(e.login("arjun@purra.in"), nil, 10, nil)
	if page.TotalCount != 1 || page.Edges[0].Node.ID != env.ID || page.Edges[0].Node.Admin == nil ||
		page.Edges[0].Node.Admin.Name != "Arjun Mehta" || string(page.Edges[0].Node.After) != `{"banned":true}` ||
		page.Edges[0].Node.Before != nil && string(page.Edges[0].Node.Before) != "null" || page.Edges[0].Node.Service != "users" {
		t.Fatalf("page = %+v", page)
	}
}

// Nobody can change or remove an audit entry, not even with SQL.
func TestAuditLogIsAppendOnly(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	env := action(t, audit.Action{AdminID: seed.PriyaID, Action: "banner.create", TargetType: "Banner", TargetID: "b1",
		Service: "banners", At: time.Now().UTC()})
	e.deliver(env)
	ctx := context.Background()
	for _, sql := range []string{
		`UPDATE admin_audit_logs SET action = 'nothing.happened'`,
		`DELETE FROM admin_audit_logs`,
		`TRUNCATE admin_audit_logs`,
	} {
		_, err := e.d.DB.Exec(ctx, sql)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("%s: err = %v, want append-only refusal", sql, err)
		}
	}
	var act string
	if err := e.d.DB.QueryRow(ctx, `SELECT action FROM admin_audit_logs WHERE id = $1`, env.ID).Scan(&act); err != nil || act != "banner.create" {
		t.Fatalf("entry = %q, %v", act, err)
	}
}

// auditLogs filters by admin, action, target and time, pages newest first
// with cursors, and counts all matches.
func TestAuditLogsFiltersAndPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	base := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	product := uuid.NewString()
	var ids []string
	for i := range 25 {
		a := audit.Action{AdminID: seed.MeeraID, Permission: "catalog:write", Action: "product.update", TargetType: "Product",
			TargetID: product, Service: "catalog", At: base.Add(time.Duration(i) * time.Minute)}
		if i%5 == 0 {
			a.AdminID, a.Permission, a.Action, a.TargetType, a.TargetID, a.Service = seed.ArjunID, "users:ban", "user.ban", "User", fmt.Sprint("u", i), "users"
		}
		env := action(t, a)
		ids = append(ids, env.ID)
		e.deliver(env)
	}
	// Two entries at the same instant still page deterministically (by id).
	same := action(t, audit.Action{AdminID: seed.KavyaID, Action: "banner.create", TargetType: "Banner", TargetID: "b", Service: "banners", At: base.Add(30 * time.Minute)})
	same2 := action(t, audit.Action{AdminID: seed.KavyaID, Action: "banner.create", TargetType: "Banner", TargetID: "c", Service: "banners", At: base.Add(30 * time.Minute)})
	e.deliver(same)
	e.deliver(same2)

	arjun := e.login("arjun@purra.in")
	// All 27 in pages of 10, newest first, no duplicates or gaps.
	var seen []logEntry
	var after *string
	for page := 0; ; page++ {
		p := e.auditLogs(arjun, nil, 10, after)
		if p.TotalCount != 27 {
			t.Fatalf("totalCount = %d", p.TotalCount)
		}
		for _, edge := range p.Edges {
			seen = append(seen, edge.Node)
		}
		if !p.PageInfo.HasNextPage {
			if page != 2 || len(p.Edges) != 7 {
				t.Fatalf("last page %d has %d edges", page, len(p.Edges))
			}
			break
		}
		after = p.PageInfo.EndCursor
	}
	if len(seen) != 27 || seen[0].At != base.Add(30*time.Minute) || seen[26].ID != ids[0] {
		t.Fatalf("order wrong: first %+v last %+v", seen[0], seen[26])
	}
	uniq := map[string]bool{}
	for i, s := range seen {
		uniq[s.ID] = true
		if i > 0 && s.At.After(seen[i-1].At) {
			t.Fatalf("entry %d newer than %d", i, i-1)
		}
	}
	if len(uniq) != 27 {
		t.Fatalf("%d distinct entries over the pages", len(uniq))
	}

	check := func(name string, f map[string]any, want int) {
		t.Helper()
		p := e.auditLogs(arjun, f, 100, nil)
		if p.TotalCount != want || len(p.Edges) != want {
			t.Fatalf("%s: totalCount %d, edges %d, want %d", name, p.TotalCount, len(p.Edges), want)
		}
	}
	check("by admin", map[string]any{"adminId": seed.ArjunID}, 5)
	check("by action", map[string]any{"action": "product.update"}, 20)
	check("by target", map[string]any{"targetType": "Product", "targetId": product}, 20)
	check("by target type", map[string]any{"targetType": "User"}, 5)
	check("from (inclusive)", map[string]any{"from": base.Add(20 * time.Minute)}, 7)
	check("to (exclusive)", map[string]any{"to": base.Add(5 * time.Minute)}, 5)
	check("range and admin", map[string]any{"adminId": seed.MeeraID, "from": base.Add(10 * time.Minute), "to": base.Add(20 * time.Minute)}, 8)
	check("nothing", map[string]any{"action": "no.such"}, 0)
	empty := e.auditLogs(arjun, map[string]any{"action": "no.such"}, 10, nil)
	if empty.PageInfo.HasNextPage || empty.PageInfo.EndCursor != nil {
		t.Fatalf("empty page info = %+v", empty.PageInfo)
	}
}

// The admin subgraph's own mutations reach its log through its own topic:
// what the outbox holds, once consumed, is what auditLogs shows.
func TestOwnMutationsReachTheLog(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	priya := e.login("priya@purra.in")
	ok(t, e.do(priya, createRoleMutation, map[string]any{"i": map[string]any{"name": "FINANCE", "permissions": []string{"payments:refund"}}}, nil))
	rows, err := e.d.DB.Query(context.Background(), `SELECT envelope FROM outbox WHERE type = 'admin.action' ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	var envs []kafka.Envelope
	for rows.Next() {
		var env kafka.Envelope
		if err := rows.Scan(&env); err != nil {
			t.Fatal(err)
		}
		envs = append(envs, env)
	}
	rows.Close()
	for _, env := range envs {
		e.deliver(env)
	}
	p := e.auditLogs(priya, nil, 10, nil)
	if p.TotalCount != 2 || p.Edges[0].Node.Action != "role.create" || p.Edges[1].Node.Action != "session.create" ||
		p.Edges[0].Node.AdminID != seed.PriyaID || p.Edges[0].Node.Permission != "admins:manage" || p.Edges[0].Node.Service != "admin" ||
		!strings.Contains(string(p.Edges[0].Node.After), "FINANCE") {
		t.Fatalf("log = %+v", p)
	}
}
