package server_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const updateQ = `mutation($id: ID!, $in: UpdateStoreInput!) { updateStore(id: $id, input: $in) { ` + storeFields + ` } }`

// Only the store's owner may change it; the change publishes store.updated.
func TestUpdateStore_ownerOnly(t *testing.T) {
	e := newEnv(t)
	s := e.create(vikram, storeInput("Gadget Corner"))
	vars := map[string]any{"id": s.ID, "in": map[string]any{"name": "Hijacked"}}

	requireError(t, e.do("", updateQ, vars, nil), "UNAUTHENTICATED", "", "")
	requireError(t, e.do(e.owner(neha), updateQ, vars, nil), "FORBIDDEN", "", "")
	requireError(t, e.do(e.customer(), updateQ, vars, nil), "FORBIDDEN", "", "")
	requireError(t, e.do(e.admin(), updateQ, vars, nil), "FORBIDDEN", "", "")
	// Ownership is checked before the input: a stranger learns nothing from validation.
	requireError(t, e.do(e.owner(neha), updateQ, map[string]any{"id": s.ID, "in": map[string]any{"name": "x"}}, nil), "FORBIDDEN", "", "")
	requireError(t, e.do(e.owner(vikram), updateQ, map[string]any{"id": "01937a00-0000-7000-8000-0000000000ff", "in": map[string]any{"name": "New"}}, nil), "NOT_FOUND", "", "")
	requireError(t, e.do(e.owner(vikram), updateQ, map[string]any{"id": "nope", "in": map[string]any{"name": "New"}}, nil), "NOT_FOUND", "", "")
	require.Empty(t, e.events("store.updated", s.ID))

	var out struct{ UpdateStore storeOut }
	e.mustDo(e.owner(vikram), updateQ, map[string]any{"id": s.ID, "in": map[string]any{
		"name": "Gadget Corner Plus", "description": "Phones\nand laptops", "logoUrl": "https://cdn.purra.in/gc.png",
	}}, &out)
	require.Equal(t, "Gadget Corner Plus", out.UpdateStore.Name)
	require.Equal(t, "gadget-corner", out.UpdateStore.Slug, "the slug stays")
	require.Equal(t, "Phones\nand laptops", *out.UpdateStore.Description)
	require.Equal(t, "https://cdn.purra.in/gc.png", *out.UpdateStore.LogoURL)
	evs := e.events("store.updated", s.ID)
	require.Len(t, evs, 1)
	require.Equal(t, map[string]any{"storeId": s.ID, "ownerId": vikram, "name": "Gadget Corner Plus", "slug": "gadget-corner",
		"state": "KARNATAKA", "status": "PENDING", "previousStatus": nil}, evs[0])

	// The same values again change nothing and publish nothing.
	e.mustDo(e.owner(vikram), updateQ, map[string]any{"id": s.ID, "in": map[string]any{"name": "Gadget Corner Plus"}}, nil)
	require.Len(t, e.events("store.updated", s.ID), 1)

	// "" clears the optional fields.
	e.mustDo(e.owner(vikram), updateQ, map[string]any{"id": s.ID, "in": map[string]any{"description": "", "logoUrl": ""}}, &out)
	require.Nil(t, out.UpdateStore.Description)
	require.Nil(t, out.UpdateStore.LogoURL)
}

// Bad input and a taken slug are refused and write nothing.
func TestUpdateStore_refusals(t *testing.T) {
	e := newEnv(t)
	s := e.create(vikram, storeInput("Gadget Corner"))
	e.create(neha, storeInput("Neha Gadgets"))
	before := e.count(`SELECT count(*) FROM outbox`)

	for field, in := range map[string]map[string]any{
		"name":                {"name": strings.Repeat("n", 10240)},
		"slug":                {"slug": "Not A Slug"},
		"description":         {"description": strings.Repeat("d", 2001)},
		"logoUrl":             {"logoUrl": "ftp://x.in/l.png"},
		"gstin":               {"gstin": nehaGSTIN},
		"pickupAddress.state": {"pickupAddress": map[string]any{"line1": "x", "city": "y", "state": "NARNIA", "pinCode": "560001"}},
	} {
		requireError(t, e.do(e.owner(vikram), updateQ, map[string]any{"id": s.ID, "in": in}, nil), "BAD_USER_INPUT", field, "")
	}
	requireError(t, e.do(e.owner(vikram), updateQ, map[string]any{"id": s.ID, "in": map[string]any{"slug": "neha-gadgets"}}, nil),
		"CONFLICT", "", "SLUG_TAKEN")
	require.Equal(t, before, e.count(`SELECT count(*) FROM outbox`))
	require.Equal(t, 1, e.count(`SELECT count(*) FROM stores WHERE id = $1 AND name = 'Gadget Corner' AND slug = 'gadget-corner'`, s.ID))
}
