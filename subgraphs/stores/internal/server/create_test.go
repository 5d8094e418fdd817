package server_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Only an OWNER whose application users approved may open a store; it
// starts PENDING and store.created carries exactly the documented payload.
func TestCreateStore_onlyApprovedOwners(t *testing.T) {
	e := newEnv(t)
	vars := map[string]any{"in": storeInput("Gadget Corner")}

	requireError(t, e.do("", createQ, vars, nil), "UNAUTHENTICATED", "", "")
	requireError(t, e.do(e.customer(), createQ, vars, nil), "FORBIDDEN", "", "")
	requireError(t, e.do(e.iss.Token(t, adminID, "ADMIN", "stores:approve"), createQ, vars, nil), "FORBIDDEN", "", "")
	requireError(t, e.do(e.owner(pending), createQ, vars, nil), "FORBIDDEN", "", "OWNER_NOT_APPROVED")
	require.Zero(t, e.count(`SELECT count(*) FROM stores`))
	require.Zero(t, e.count(`SELECT count(*) FROM outbox`))

	s := e.create(vikram, storeInput("Gadget Corner"))
	require.Equal(t, "PENDING", s.Status)
	require.Equal(t, vikram, s.Owner.ID)
	require.Equal(t, "gadget-corner", s.Slug)
	require.Equal(t, vikramGS, s.Gstin, "the owner's GSTIN by default")
	require.Nil(t, s.Description)
	require.Nil(t, s.SuspensionReason)
	require.Equal(t, "KARNATAKA", s.PickupAddress.State)
	require.Equal(t, "Indiranagar", *s.PickupAddress.Line2)

	evs := e.events("store.created", s.ID)
	require.Len(t, evs, 1)
	require.Equal(t, map[string]any{"storeId": s.ID, "ownerId": vikram, "name": "Gadget Corner", "slug": "gadget-corner",
		"state": "KARNATAKA", "status": "PENDING", "previousStatus": nil}, evs[0])
	require.Zero(t, e.count(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`), "an owner's action is not audited")

	// Rejected later (a newer event): no more stores.
	e.ownerEvent("owner.rejected", vikram, vikramGS, "TechHub Electronics Pvt Ltd", time.Now().UTC().Add(time.Second))
	requireError(t, e.do(e.owner(vikram), createQ, vars, nil), "FORBIDDEN", "", "OWNER_NOT_APPROVED")
	require.Equal(t, 1, e.count(`SELECT count(*) FROM stores`))
}

// A derived slug finds a free suffix; a chosen slug that is taken is CONFLICT.
func TestCreateStore_slugs(t *testing.T) {
	e := newEnv(t)
	require.Equal(t, "techhub", e.create(vikram, storeInput("TechHub")).Slug)
	require.Equal(t, "techhub-2", e.create(vikram, storeInput("TechHub!")).Slug)
	require.Equal(t, "techhub-3", e.create(neha, storeInput("techhub")).Slug)
	require.Equal(t, "store", e.create(neha, storeInput("टेक हब")).Slug)

	in := storeInput("Another")
	in["slug"] = "techhub-2"
	before := e.count(`SELECT count(*) FROM outbox`)
	requireError(t, e.do(e.owner(neha), createQ, map[string]any{"in": in}, nil), "CONFLICT", "", "SLUG_TAKEN")
	require.Equal(t, 4, e.count(`SELECT count(*) FROM stores`))
	require.Equal(t, before, e.count(`SELECT count(*) FROM outbox`), "no event for a refused store")

	in["slug"] = "another-one"
	var out struct{ CreateStore storeOut }
	e.mustDo(e.owner(neha), createQ, map[string]any{"in": in}, &out)
	require.Equal(t, "another-one", out.CreateStore.Slug)
}

// Every bad input is BAD_USER_INPUT naming the field, and writes nothing.
func TestCreateStore_badInputWritesNothing(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		name, field, reason string
		edit                func(map[string]any)
	}{
		{"short name", "name", "", func(m map[string]any) { m["name"] = "A" }},
		{"10 KB name", "name", "", func(m map[string]any) { m["name"] = strings.Repeat("x", 10240) }},
		{"control in name", "name", "", func(m map[string]any) { m["name"] = "Tech\u0007Hub" }},
		{"bad slug", "slug", "", func(m map[string]any) { m["slug"] = "Tech_Hub" }},
		{"10 KB description", "description", "", func(m map[string]any) { m["description"] = strings.Repeat("d", 10240) }},
		{"http logo", "logoUrl", "", func(m map[string]any) { m["logoUrl"] = "http://cdn.example.com/l.png" }},
		{"bad GSTIN checksum", "gstin", "GSTIN_CHECKSUM", func(m map[string]any) { m["gstin"] = "29AABCT1234H1ZJ" }},
		{"malformed GSTIN", "gstin", "", func(m map[string]any) { m["gstin"] = "not-a-gstin" }},
		{"someone else's GSTIN", "gstin", "GSTIN_PAN_MISMATCH", func(m map[string]any) { m["gstin"] = nehaGSTIN }},
		{"GSTIN of another state", "gstin", "GSTIN_STATE_MISMATCH", func(m map[string]any) {
			m["pickupAddress"].(map[string]any)["state"] = "KERALA"
		}},
		{"unknown state", "pickupAddress.state", "", func(m map[string]any) { m["pickupAddress"].(map[string]any)["state"] = "Karnataka" }},
		{"bad PIN", "pickupAddress.pinCode", "", func(m map[string]any) { m["pickupAddress"].(map[string]any)["pinCode"] = "56001" }},
		{"blank line1", "pickupAddress.line1", "", func(m map[string]any) { m["pickupAddress"].(map[string]any)["line1"] = "  " }},
		{"10 KB city", "pickupAddress.city", "", func(m map[string]any) {
			m["pickupAddress"].(map[string]any)["city"] = strings.Repeat("c", 10240)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := storeInput("Good Name")
			c.edit(in)
			requireError(t, e.do(e.owner(vikram), createQ, map[string]any{"in": in}, nil), "BAD_USER_INPUT", c.field, c.reason)
		})
	}
	require.Zero(t, e.count(`SELECT count(*) FROM stores`))
	require.Zero(t, e.count(`SELECT count(*) FROM outbox`))
}

// An owner may open at most 20 stores.
func TestCreateStore_limit(t *testing.T) {
	e := newEnv(t)
	_, err := e.d.DB.Exec(t.Context(), `INSERT INTO stores (id, owner_id, name, slug, gstin, pickup_line1, pickup_city,
		pickup_state, pickup_pin_code, status, created_at, updated_at)
		SELECT gen_random_uuid(), $1, 'S' || n, 'seeded-' || n, $2, 'l', 'c', 'KARNATAKA', '560001', 'PENDING', now(), now()
		FROM generate_series(1, 20) n`, vikram, vikramGS)
	require.NoError(t, err)
	requireError(t, e.do(e.owner(vikram), createQ, map[string]any{"in": storeInput("One more")}, nil), "CONFLICT", "", "STORE_LIMIT_REACHED")
	require.Equal(t, 20, e.count(`SELECT count(*) FROM stores`))
}

// Attempts to open stores are rate limited per user (30 a minute).
func TestCreateStore_rateLimited(t *testing.T) {
	e := newEnv(t)
	bad := map[string]any{"in": map[string]any{"name": "x", "pickupAddress": storeInput("x")["pickupAddress"]}}
	for range 30 {
		requireError(t, e.do(e.owner(vikram), createQ, bad, nil), "BAD_USER_INPUT", "name", "")
	}
	requireError(t, e.do(e.owner(vikram), createQ, bad, nil), "RATE_LIMITED", "", "")
	requireError(t, e.do(e.owner(neha), createQ, bad, nil), "BAD_USER_INPUT", "name", "")
}
