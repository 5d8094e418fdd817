package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/auth"
)

const (
	banMutation     = `mutation($id: ID!, $r: String!) { banUser(id: $id, reason: $r) { id email phone banned } }`
	unbanMutation   = `mutation($id: ID!) { unbanUser(id: $id) { id email banned } }`
	approveMutation = `mutation($id: ID!) { approveOwnerApplication(id: $id) { id status reviewedAt rejectionReason user { id role email } } }`
	rejectMutation  = `mutation($id: ID!, $r: String!) { rejectOwnerApplication(id: $id, reason: $r) { id status reviewedAt rejectionReason user { id role } } }`
	userQuery       = `query($id: ID!) { user(id: $id) { id name email phone gstin banned role addresses { id } } }`
	applicationsQ   = `query($s: OwnerStatus, $first: Int, $after: String) { ownerApplications(status: $s, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status businessName user { id name email } } } } }`
)

// adminToken is an admin access token (role ADMIN, the given permissions, a session id).
func (e *env) adminToken(perms ...string) (token, adminID string) {
	e.t.Helper()
	adminID = uuid.NewString()
	tok, _, err := e.iss.AdminSigner.Issue(adminID, auth.RoleAdmin, perms, uuid.NewString())
	if err != nil {
		e.t.Fatal(err)
	}
	return bearer(tok), adminID
}

type bannedUser struct {
	ID     string  `json:"id"`
	Email  *string `json:"email"`
	Phone  *string `json:"phone"`
	Banned *bool   `json:"banned"`
}

// adminActions returns the audit payloads in the outbox.
func adminActions(t *testing.T, e *env) []audit.Action {
	t.Helper()
	var out []audit.Action
	for _, r := range outboxRows(t, e, "admin.action") {
		var a audit.Action
		if err := json.Unmarshal(r.Envelope.Payload, &a); err != nil {
			t.Fatal(err)
		}
		if r.Key != a.TargetID {
			t.Fatalf("admin.action key %s, target %s", r.Key, a.TargetID)
		}
		out = append(out, a)
	}
	return out
}

// revoked asks Redis, as every subgraph's verifier does, whether userID's tokens are refused.
func (e *env) revoked(userID string) bool {
	rev := auth.NewRevocations(e.d.Cache.Redis(), e.d.Log)
	rev.CacheFor = 0
	return rev.Revoked(context.Background(), auth.Identity{Subject: userID}, time.Now())
}

func TestBanAndUnban(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Ravi Kumar", "ravi@example.in")
	second, _ := e.login("ravi@example.in", password) // a second session
	uid := reg.User.ID
	t.Cleanup(func() { _ = auth.Unban(context.Background(), e.d.Cache.Redis(), uid) })
	admin, adminID := e.adminToken("users:ban")

	var me meData
	ok(t, e.do(bearer(reg.AccessToken), meQuery, nil, &me))

	var banned struct{ BanUser bannedUser }
	ok(t, e.do(admin, banMutation, map[string]any{"id": uid, "r": "  Fraudulent chargebacks  "}, &banned))
	if b := banned.BanUser; b.ID != uid || b.Banned == nil || !*b.Banned || b.Email == nil || *b.Email != "ravi@example.in" || b.Phone == nil {
		t.Fatalf("banUser = %+v (admins see email, phone and banned)", b)
	}
	var reason string
	if err := e.d.DB.QueryRow(context.Background(), `SELECT ban_reason FROM users WHERE id = $1 AND banned_at IS NOT NULL`, uid).Scan(&reason); err != nil || reason != "Fraudulent chargebacks" {
		t.Fatalf("stored ban: %q %v", reason, err)
	}
	// Every session ended, the event and exactly one audit entry written.
	if n := count(t, e.d.DB, `SELECT count(*) FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, uid); n != 0 {
		t.Fatalf("%d refresh tokens still live", n)
	}
	evs := outboxRows(t, e, "user.banned")
	if len(evs) != 1 || evs[0].Key != uid || evs[0].Envelope.Actor != adminID {
		t.Fatalf("user.banned rows = %+v", evs)
	}
	var p struct{ UserID, Reason string }
	if err := json.Unmarshal(evs[0].Envelope.Payload, &p); err != nil || p.UserID != uid || p.Reason != "Fraudulent chargebacks" {
		t.Fatalf("user.banned payload %s", evs[0].Envelope.Payload)
	}
	acts := adminActions(t, e)
	if len(acts) != 1 || acts[0].AdminID != adminID || acts[0].Action != "user.ban" || acts[0].Permission != "users:ban" ||
		acts[0].TargetType != "User" || acts[0].TargetID != uid || acts[0].Service != "users" || !strings.Contains(string(acts[0].After), "Fraudulent") {
		t.Fatalf("admin.action = %+v", acts)
	}

	// Redis carries the ban: the user's access token stops working.
	if !e.revoked(uid) {
		t.Fatal("ban not in Redis")
	}
	wantErr(t, e.do(bearer(reg.AccessToken), meQuery, nil, nil), "UNAUTHENTICATED", "", "")
	// Sign-in: right password → FORBIDDEN BANNED; wrong password says nothing about the ban.
	_, resp := e.login("ravi@example.in", password)
	wantErr(t, resp, "FORBIDDEN", "", "BANNED")
	_, resp = e.login("ravi@example.in", "Wrong123456")
	wantErr(t, resp, "UNAUTHENTICATED", "", "INVALID_CREDENTIALS")
	wantErr(t, e.do("", refreshMutation, map[string]any{"t": second.RefreshToken}, nil), "FORBIDDEN", "", "BANNED")
	// Banning twice: CONFLICT, nothing more written.
	before := e.rows()
	wantErr(t, e.do(admin, banMutation, map[string]any{"id": uid, "r": "again"}, nil), "CONFLICT", "", "ALREADY_BANNED")
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("second ban wrote rows: %v → %v", before, after)
	}

	var unbanned struct{ UnbanUser bannedUser }
	ok(t, e.do(admin, unbanMutation, map[string]any{"id": uid}, &unbanned))
	if b := unbanned.UnbanUser; b.Banned == nil || *b.Banned {
		t.Fatalf("unbanUser = %+v", b)
	}
	if e.revoked(uid) {
		t.Fatal("unban not in Redis")
	}
	if evs := outboxRows(t, e, "user.unbanned"); len(evs) != 1 || evs[0].Key != uid {
		t.Fatalf("user.unbanned rows = %+v", evs)
	}
	if acts := adminActions(t, e); len(acts) != 2 || acts[1].Action != "user.unban" {
		t.Fatalf("admin.action = %+v", acts)
	}
	wantErr(t, e.do(admin, unbanMutation, map[string]any{"id": uid}, nil), "CONFLICT", "", "NOT_BANNED")
	// Signs in again; the sessions the ban ended stay ended.
	again, resp := e.login("ravi@example.in", password)
	ok(t, resp)
	ok(t, e.do(bearer(again.AccessToken), meQuery, nil, &me))
	wantErr(t, e.do("", refreshMutation, map[string]any{"t": second.RefreshToken}, nil), "UNAUTHENTICATED", "", "REFRESH_TOKEN_REVOKED")
}

func TestBanNeedsPermissionAndValidInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Sunita Rao", "sunita@example.in")
	uid := reg.User.ID
	admin, _ := e.adminToken("users:ban")
	approver, _ := e.adminToken("users:approve", "catalog:write")

	before := e.rows()
	vars := map[string]any{"id": uid, "r": "spam"}
	wantErr(t, e.do("", banMutation, vars, nil), "UNAUTHENTICATED", "", "")
	wantErr(t, e.do(bearer(reg.AccessToken), banMutation, vars, nil), "FORBIDDEN", "", "")
	owner, _, err := e.signer.Issue(uuid.NewString(), "OWNER", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, e.do(bearer(owner), banMutation, vars, nil), "FORBIDDEN", "", "")
	wantErr(t, e.do(approver, banMutation, vars, nil), "FORBIDDEN", "", "")
	wantErr(t, e.do(approver, unbanMutation, map[string]any{"id": uid}, nil), "FORBIDDEN", "", "")
	for name, r := range map[string]string{"short": "no", "blank": "    ", "10 KB": strings.Repeat("x", 10_000), "501": strings.Repeat("é", 501), "control": "bad\x00reason"} {
		t.Run(name, func(t *testing.T) {
			wantErr(t, e.do(admin, banMutation, map[string]any{"id": uid, "r": r}, nil), "BAD_USER_INPUT", "reason", "")
		})
	}
	wantErr(t, e.do(admin, banMutation, map[string]any{"id": uuid.NewString(), "r": "spam"}, nil), "NOT_FOUND", "", "")
	wantErr(t, e.do(admin, banMutation, map[string]any{"id": "not-a-uuid", "r": "spam"}, nil), "NOT_FOUND", "", "")
	wantErr(t, e.do(admin, unbanMutation, map[string]any{"id": uuid.NewString()}, nil), "NOT_FOUND", "", "")
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("refused bans wrote rows: %v → %v", before, after)
	}
	if e.revoked(uid) {
		t.Fatal("a refused ban reached Redis")
	}
}

// User.banned and the personal fields: the user and admins see them, nobody else.
func TestAdminUserLookupAndBannedVisibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Meena Iyer", "meena@example.in")
	other := e.register("Other", "other@example.in")
	uid := reg.User.ID
	admin, _ := e.adminToken("users:ban")
	approver, _ := e.adminToken("users:approve")
	marketing, _ := e.adminToken("banners:write")

	type lookup struct {
		User *struct {
			ID        string  `json:"id"`
			Email     *string `json:"email"`
			Phone     *string `json:"phone"`
			Banned    *bool   `json:"banned"`
			Addresses *[]any  `json:"addresses"`
		} `json:"user"`
	}
	for _, tok := range []string{admin, approver} {
		var out lookup
		ok(t, e.do(tok, userQuery, map[string]any{"id": uid}, &out))
		u := out.User
		if u == nil || u.Email == nil || *u.Email != "meena@example.in" || u.Phone == nil || u.Banned == nil || *u.Banned || u.Addresses != nil {
			t.Fatalf("admin lookup = %+v", u)
		}
	}
	var none lookup
	ok(t, e.do(admin, userQuery, map[string]any{"id": uuid.NewString()}, &none))
	ok(t, e.do(admin, userQuery, map[string]any{"id": "garbage"}, &none))
	if none.User != nil {
		t.Fatalf("unknown user = %+v", none.User)
	}
	wantErr(t, e.do(bearer(reg.AccessToken), userQuery, map[string]any{"id": uid}, nil), "FORBIDDEN", "", "")
	wantErr(t, e.do(marketing, userQuery, map[string]any{"id": uid}, nil), "FORBIDDEN", "", "")
	wantErr(t, e.do("", userQuery, map[string]any{"id": uid}, nil), "UNAUTHENTICATED", "", "")

	// Through _entities (as the router resolves User for other subgraphs).
	q := `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id email banned } } }`
	reps := map[string]any{"reps": []map[string]any{{"__typename": "User", "id": uid}}}
	var ents struct {
		Entities []struct {
			Email  *string `json:"email"`
			Banned *bool   `json:"banned"`
		} `json:"_entities"`
	}
	ok(t, e.do(bearer(reg.AccessToken), q, reps, &ents))
	if ents.Entities[0].Banned == nil || *ents.Entities[0].Banned || ents.Entities[0].Email == nil {
		t.Fatalf("self sees %+v", ents.Entities[0])
	}
	ok(t, e.do(bearer(other.AccessToken), q, reps, &ents))
	if ents.Entities[0].Banned != nil || ents.Entities[0].Email != nil {
		t.Fatalf("another user sees %+v", ents.Entities[0])
	}
	// One rule for admins: through _entities too, personal data needs the
	// permission user(id) needs; the ADMIN role alone (MARKETING) sees nothing.
	ok(t, e.do(marketing, q, reps, &ents))
	if ents.Entities[0].Banned != nil || ents.Entities[0].Email != nil {
		t.Fatalf("a MARKETING admin sees %+v", ents.Entities[0])
	}
	for _, tok := range []string{admin, approver} {
		ok(t, e.do(tok, q, reps, &ents))
		if ents.Entities[0].Banned == nil || ents.Entities[0].Email == nil {
			t.Fatalf("an admin holding users:ban or users:approve sees %+v", ents.Entities[0])
		}
	}
}

// adminVisibleFields are every field of User an admin may read about another
// user, with the permissions that show it (any one of them): the same as
// user(id), the query that offers users to admins. A field added to User
// that admins may see belongs here.
var adminVisibleFields = map[string][]string{
	"email": {"users:ban", "users:approve"}, "phone": {"users:ban", "users:approve"},
	"gstin": {"users:ban", "users:approve"}, "banned": {"users:ban", "users:approve"},
}

func TestAdminReads_needTheQueryPermission(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	in := registration("Kiran Rao", "kiran@example.in") // a retailer: every field has a value
	in["role"], in["gstin"] = "RETAILER", "24ABCPP1234F1Z6"
	var reg struct{ Register authPayload }
	ok(t, e.do("", registerMutation, map[string]any{"input": in}, &reg))
	reps := map[string]any{"reps": []map[string]any{{"__typename": "User", "id": reg.Register.User.ID}}}
	everyPermission := []string{"catalog:write", "users:ban", "users:approve", "stores:approve", "reviews:moderate",
		"orders:update", "payments:refund", "payments:read", "inventory:write", "promotions:write", "banners:write",
		"notifications:send", "admins:manage", "audit:read"}
	for field, allowed := range adminVisibleFields {
		q := `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { ` + field + ` } } }`
		for _, perm := range everyPermission {
			tok, _ := e.adminToken(perm)
			var out struct {
				Entities []map[string]any `json:"_entities"`
			}
			ok(t, e.do(tok, q, reps, &out))
			shown := out.Entities[0][field] != nil
			if want := slices.Contains(allowed, perm); shown != want {
				t.Errorf("User.%s for an admin holding only %s: shown %v, want %v", field, perm, shown, want)
			}
		}
	}
}

// apply makes a pending owner application for a new user and returns its id and the user.
func (e *env) apply(name, email, gstin, pan string) (string, authPayload) {
	e.t.Helper()
	reg := e.register(name, email)
	var applied struct{ ApplyForOwner ownerApp }
	ok(e.t, e.do(bearer(reg.AccessToken), applyMutation, map[string]any{"input": map[string]any{
		"businessName": name + " Traders", "gstin": gstin, "pan": pan}}, &applied))
	return applied.ApplyForOwner.ID, reg
}

type reviewed struct {
	ID              string  `json:"id"`
	Status          string  `json:"status"`
	ReviewedAt      *string `json:"reviewedAt"`
	RejectionReason *string `json:"rejectionReason"`
	User            struct {
		ID    string  `json:"id"`
		Role  string  `json:"role"`
		Email *string `json:"email"`
	} `json:"user"`
}

func TestApproveOwnerApplication(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ownerID, reg := e.apply("Vikram Singh", "vikram@example.in", "29AABCT1234H1ZI", "AABCT1234H")
	uid := reg.User.ID
	approver, adminID := e.adminToken("users:approve")
	banner, _ := e.adminToken("users:ban")

	before := e.rows()
	wantErr(t, e.do("", approveMutation, map[string]any{"id": ownerID}, nil), "UNAUTHENTICATED", "", "")
	wantErr(t, e.do(bearer(reg.AccessToken), approveMutation, map[string]any{"id": ownerID}, nil), "FORBIDDEN", "", "")
	wantErr(t, e.do(banner, approveMutation, map[string]any{"id": ownerID}, nil), "FORBIDDEN", "", "")
	wantErr(t, e.do(approver, approveMutation, map[string]any{"id": uuid.NewString()}, nil), "NOT_FOUND", "", "")
	wantErr(t, e.do(approver, approveMutation, map[string]any{"id": "nope"}, nil), "NOT_FOUND", "", "")
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("refused approvals wrote rows: %v → %v", before, after)
	}

	var out struct{ ApproveOwnerApplication reviewed }
	ok(t, e.do(approver, approveMutation, map[string]any{"id": ownerID}, &out))
	o := out.ApproveOwnerApplication
	if o.Status != "APPROVED" || o.ReviewedAt == nil || o.RejectionReason != nil || o.User.ID != uid || o.User.Role != "OWNER" || o.User.Email == nil {
		t.Fatalf("approved = %+v", o)
	}
	evs := outboxRows(t, e, "owner.approved")
	if len(evs) != 1 || evs[0].Key != uid || evs[0].Envelope.Actor != adminID {
		t.Fatalf("owner.approved rows = %+v", evs)
	}
	var p struct{ OwnerID, UserID, BusinessName, Gstin, Pan, Reason string }
	if err := json.Unmarshal(evs[0].Envelope.Payload, &p); err != nil || p.OwnerID != ownerID || p.UserID != uid ||
		p.BusinessName != "Vikram Singh Traders" || p.Gstin != "29AABCT1234H1ZI" || p.Pan != "AABCT1234H" || p.Reason != "" {
		t.Fatalf("owner.approved payload %s", evs[0].Envelope.Payload)
	}
	upd := outboxRows(t, e, "user.updated")
	var role struct{ UserID, Role string }
	if len(upd) != 1 || json.Unmarshal(upd[0].Envelope.Payload, &role) != nil || role.UserID != uid || role.Role != "OWNER" {
		t.Fatalf("user.updated rows = %+v", upd)
	}
	acts := adminActions(t, e)
	if len(acts) != 1 || acts[0].Action != "owner.approve" || acts[0].TargetID != ownerID || acts[0].Permission != "users:approve" || acts[0].TargetType != "Owner" {
		t.Fatalf("admin.action = %+v", acts)
	}
	// The next sign-in (and refresh) says OWNER.
	login, resp := e.login("vikram@example.in", password)
	ok(t, resp)
	id, err := e.d.Verifier.Verify(context.Background(), login.AccessToken)
	if err != nil || id.Role != "OWNER" || !id.Has("OWNER") {
		t.Fatalf("token after approval: %+v %v", id, err)
	}
	var refreshed struct{ RefreshToken authPayload }
	ok(t, e.do("", refreshMutation, map[string]any{"t": reg.RefreshToken}, &refreshed))
	if refreshed.RefreshToken.User.Role != "OWNER" {
		t.Fatalf("refreshed role %s", refreshed.RefreshToken.User.Role)
	}
	var mine struct{ MyOwnerApplication *ownerApp }
	ok(t, e.do(bearer(login.AccessToken), myApplicationQuery, nil, &mine))
	if mine.MyOwnerApplication.Status != "APPROVED" {
		t.Fatalf("myOwnerApplication = %+v", mine.MyOwnerApplication)
	}

	// Reviewed already: CONFLICT either way, nothing written.
	before = e.rows()
	wantErr(t, e.do(approver, approveMutation, map[string]any{"id": ownerID}, nil), "CONFLICT", "", "OWNER_NOT_PENDING")
	wantErr(t, e.do(approver, rejectMutation, map[string]any{"id": ownerID, "r": "changed my mind"}, nil), "CONFLICT", "", "OWNER_NOT_PENDING")
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("second review wrote rows: %v → %v", before, after)
	}
}

func TestRejectOwnerApplication(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ownerID, reg := e.apply("Asha Nair", "asha@example.in", "24ABCPP1234F1Z6", "ABCPP1234F")
	approver, _ := e.adminToken("users:approve")

	before := e.rows()
	for name, r := range map[string]string{"blank": " ", "10 KB": strings.Repeat("x", 10_000)} {
		t.Run(name, func(t *testing.T) {
			wantErr(t, e.do(approver, rejectMutation, map[string]any{"id": ownerID, "r": r}, nil), "BAD_USER_INPUT", "reason", "")
		})
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("bad rejections wrote rows: %v → %v", before, after)
	}
	var out struct{ RejectOwnerApplication reviewed }
	ok(t, e.do(approver, rejectMutation, map[string]any{"id": ownerID, "r": "GSTIN does not match the business name"}, &out))
	o := out.RejectOwnerApplication
	if o.Status != "REJECTED" || o.RejectionReason == nil || *o.RejectionReason != "GSTIN does not match the business name" || o.User.Role != "CUSTOMER" {
		t.Fatalf("rejected = %+v", o)
	}
	evs := outboxRows(t, e, "owner.rejected")
	var p struct{ OwnerID, UserID, Reason string }
	if len(evs) != 1 || evs[0].Key != reg.User.ID || json.Unmarshal(evs[0].Envelope.Payload, &p) != nil ||
		p.OwnerID != ownerID || p.UserID != reg.User.ID || p.Reason != "GSTIN does not match the business name" {
		t.Fatalf("owner.rejected rows = %+v", evs)
	}
	if n := len(outboxRows(t, e, "user.updated")); n != 0 {
		t.Fatalf("a rejection published user.updated (%d)", n)
	}
	if acts := adminActions(t, e); len(acts) != 1 || acts[0].Action != "owner.reject" {
		t.Fatalf("admin.action = %+v", acts)
	}
}

func TestOwnerApplicationsListing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	first, _ := e.apply("One", "one@example.in", "29AABCT1234H1ZI", "AABCT1234H")
	second, _ := e.apply("Two", "two@example.in", "24ABCPP1234F1Z6", "ABCPP1234F")
	third, _ := e.apply("Three", "three@example.in", "29AABCT1234H1ZI", "AABCT1234H")
	approver, _ := e.adminToken("users:approve")
	ok(t, e.do(approver, approveMutation, map[string]any{"id": second}, nil))

	type page struct {
		OwnerApplications struct {
			TotalCount int `json:"totalCount"`
			PageInfo   struct {
				HasNextPage bool    `json:"hasNextPage"`
				EndCursor   *string `json:"endCursor"`
			} `json:"pageInfo"`
			Edges []struct {
				Cursor string `json:"cursor"`
				Node   struct {
					ID     string `json:"id"`
					Status string `json:"status"`
					User   struct {
						Name  string  `json:"name"`
						Email *string `json:"email"`
					} `json:"user"`
				} `json:"node"`
			} `json:"edges"`
		} `json:"ownerApplications"`
	}
	var p page
	ok(t, e.do(approver, applicationsQ, map[string]any{"s": "PENDING", "first": 1}, &p))
	c := p.OwnerApplications
	if c.TotalCount != 2 || !c.PageInfo.HasNextPage || len(c.Edges) != 1 || c.Edges[0].Node.ID != first ||
		c.Edges[0].Node.User.Name != "One" || c.Edges[0].Node.User.Email == nil {
		t.Fatalf("first page = %+v", c)
	}
	ok(t, e.do(approver, applicationsQ, map[string]any{"s": "PENDING", "first": 1, "after": *c.PageInfo.EndCursor}, &p))
	c = p.OwnerApplications
	if len(c.Edges) != 1 || c.Edges[0].Node.ID != third || c.PageInfo.HasNextPage {
		t.Fatalf("second page = %+v", c)
	}
	ok(t, e.do(approver, applicationsQ, map[string]any{}, &p))
	if c = p.OwnerApplications; c.TotalCount != 3 || len(c.Edges) != 3 || c.Edges[1].Node.Status != "APPROVED" {
		t.Fatalf("all = %+v", c)
	}
	ok(t, e.do(approver, applicationsQ, map[string]any{"s": "REJECTED"}, &p))
	if c = p.OwnerApplications; c.TotalCount != 0 || len(c.Edges) != 0 || c.PageInfo.EndCursor != nil {
		t.Fatalf("rejected = %+v", c)
	}

	wantErr(t, e.do(approver, applicationsQ, map[string]any{"first": 0}, nil), "BAD_USER_INPUT", "first", "")
	wantErr(t, e.do(approver, applicationsQ, map[string]any{"first": 101}, nil), "BAD_USER_INPUT", "first", "")
	wantErr(t, e.do(approver, applicationsQ, map[string]any{"after": "' OR 1=1 --"}, nil), "BAD_USER_INPUT", "after", "")
	banner, _ := e.adminToken("users:ban")
	wantErr(t, e.do(banner, applicationsQ, nil, nil), "FORBIDDEN", "", "")
	wantErr(t, e.do("", applicationsQ, nil, nil), "UNAUTHENTICATED", "", "")
}

// A ban whose Redis write was lost is sent again by the ban sync worker.
func TestBanSyncRestoresLostBans(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Lost Ban", "lost@example.in")
	uid := reg.User.ID
	t.Cleanup(func() { _ = auth.Unban(context.Background(), e.d.Cache.Redis(), uid) })
	admin, _ := e.adminToken("users:ban")
	ok(t, e.do(admin, banMutation, map[string]any{"id": uid, "r": "abusive reviews"}, nil))
	if err := auth.Unban(context.Background(), e.d.Cache.Redis(), uid); err != nil { // Redis forgets
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var synced bool
	for _, w := range e.sg.Workers { // the ban sync runs once at start, then every minute
		go func() { _ = w(ctx) }()
	}
	for !synced && ctx.Err() == nil {
		synced = e.revoked(uid)
		time.Sleep(20 * time.Millisecond)
	}
	if !synced {
		t.Fatal("the ban sync did not restore the ban in Redis")
	}
}
