package server_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

const updateProfileMutation = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id name phone email } }`

func TestUpdateProfile(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	reg := e.register("Rahul Sharma", "rahul@example.in")
	tok := bearer(reg.AccessToken)

	var out struct {
		UpdateProfile struct{ ID, Name, Phone, Email string }
	}
	ok(t, e.do(tok, updateProfileMutation, map[string]any{"input": map[string]any{"name": "Rahul S", "phone": "+91 70000 00001"}}, &out))
	if out.UpdateProfile.Name != "Rahul S" || out.UpdateProfile.Phone != "+917000000001" || out.UpdateProfile.Email != "rahul@example.in" {
		t.Fatalf("updated = %+v", out.UpdateProfile)
	}
	events := outboxRows(t, e, "user.updated")
	if len(events) != 1 || events[0].Key != reg.User.ID {
		t.Fatalf("user.updated rows = %+v", events)
	}
	var p struct{ UserID, Name, Phone string }
	_ = json.Unmarshal(events[0].Envelope.Payload, &p)
	if p.UserID != reg.User.ID || p.Name != "Rahul S" || p.Phone != "+917000000001" {
		t.Fatalf("payload = %s", events[0].Envelope.Payload)
	}

	// Only the name: the phone stays. Same values: no event.
	ok(t, e.do(tok, updateProfileMutation, map[string]any{"input": map[string]any{"name": "Rahul S"}}, &out))
	if n := len(outboxRows(t, e, "user.updated")); n != 1 {
		t.Fatalf("a no-op update published: %d events", n)
	}

	before := e.rows()
	for field, v := range map[string]string{"phone": "+1 415 555 0100", "name": strings.Repeat("x", 10<<10)} {
		in := map[string]any{"name": "Valid Name", field: v}
		wantErr(t, e.do(tok, updateProfileMutation, map[string]any{"input": in}, nil), "BAD_USER_INPUT", field, "")
	}
	if after := e.rows(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("bad update wrote rows: %v → %v", before, after)
	}
	var me meData
	ok(t, e.do(tok, meQuery, nil, &me))
	if me.Me.Name != "Rahul S" || *me.Me.Phone != "+917000000001" {
		t.Fatalf("bad update changed the user: %+v", me.Me)
	}
	wantErr(t, e.do("", updateProfileMutation, map[string]any{"input": map[string]any{"name": "X"}}, nil), "UNAUTHENTICATED", "", "")
}
