package server_test

import (
	"fmt"
	"testing"
)

const applyMutation = `mutation($input: ApplyForOwnerInput!) { applyForOwner(input: $input) { id businessName gstin pan status createdAt reviewedAt } }`
const myApplicationQuery = `{ myOwnerApplication { id businessName gstin pan status reviewedAt } }`

type ownerApp struct {
	ID           string  `json:"id"`
	BusinessName string  `json:"businessName"`
	Gstin        string  `json:"gstin"`
	Pan          string  `json:"pan"`
	Status       string  `json:"status"`
	ReviewedAt   *string `json:"reviewedAt"`
}

func TestOwnerApplication(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Vikram Singh", "vikram@example.in")
	tok := bearer(reg.AccessToken)

	var mine struct{ MyOwnerApplication *ownerApp }
	ok(t, e.do(tok, myApplicationQuery, nil, &mine))
	if mine.MyOwnerApplication != nil {
		t.Fatalf("application before applying: %+v", mine.MyOwnerApplication)
	}

	before := e.rows()
	bad := []struct {
		name  string
		in    map[string]any
		field string
	}{
		{"GSTIN checksum", map[string]any{"businessName": "TechHub", "gstin": "29AAACR5055K1Z5", "pan": "AAACR5055K"}, "gstin"},
		{"PAN not in GSTIN", map[string]any{"businessName": "TechHub", "gstin": "29AABCT1234H1ZI", "pan": "AAPFU0939F"}, "pan"},
		{"PAN pattern", map[string]any{"businessName": "TechHub", "gstin": "29AABCT1234H1ZI", "pan": "AABCT12345"}, "pan"},
		{"no business name", map[string]any{"businessName": " ", "gstin": "29AABCT1234H1ZI", "pan": "AABCT1234H"}, "businessName"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			wantErr(t, e.do(tok, applyMutation, map[string]any{"input": c.in}, nil), "BAD_USER_INPUT", c.field, "")
		})
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("bad applications wrote rows: %v → %v", before, after)
	}

	in := map[string]any{"businessName": "TechHub Electronics Pvt Ltd", "gstin": "29aabct1234h1zi", "pan": "aabct1234h"}
	var applied struct{ ApplyForOwner ownerApp }
	ok(t, e.do(tok, applyMutation, map[string]any{"input": in}, &applied))
	a := applied.ApplyForOwner
	if a.Status != "PENDING" || a.Gstin != "29AABCT1234H1ZI" || a.Pan != "AABCT1234H" || a.ReviewedAt != nil {
		t.Fatalf("application = %+v", a)
	}
	wantErr(t, e.do(tok, applyMutation, map[string]any{"input": in}, nil), "CONFLICT", "", "OWNER_APPLICATION_EXISTS")
	if n := count(t, e.d.DB, `SELECT count(*) FROM owners`); n != 1 {
		t.Fatalf("owners = %d", n)
	}

	ok(t, e.do(tok, myApplicationQuery, nil, &mine))
	if mine.MyOwnerApplication == nil || mine.MyOwnerApplication.ID != a.ID {
		t.Fatalf("myOwnerApplication = %+v", mine.MyOwnerApplication)
	}
	// Applying does not make anyone an owner.
	var me meData
	ok(t, e.do(tok, meQuery, nil, &me))
	if me.Me.Role != "CUSTOMER" {
		t.Fatalf("role after applying = %s", me.Me.Role)
	}
	// Another user sees only their own (none).
	other := e.register("Other", "other@example.in")
	ok(t, e.do(bearer(other.AccessToken), myApplicationQuery, nil, &mine))
	if mine.MyOwnerApplication != nil {
		t.Fatal("another user sees the application")
	}
	wantErr(t, e.do("", myApplicationQuery, nil, nil), "UNAUTHENTICATED", "", "")
}
