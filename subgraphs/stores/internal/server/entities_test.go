package server_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

const storeEntitiesQ = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Store { id name status owner { id } } } }`

func reps(typename string, ids ...string) []map[string]any {
	out := make([]map[string]any, len(ids))
	for i, id := range ids {
		out[i] = map[string]any{"__typename": typename, "id": id}
	}
	return out
}

// N stores resolve with one SQL query, in input order, whatever their
// status (a reference from an order must keep resolving); unknown and
// malformed ids are null.
func TestEntities_storesInOneQuery(t *testing.T) {
	e := newEnv(t)
	var ids []string
	for i := range 20 {
		owner := vikram
		if i%2 == 1 {
			owner = neha
		}
		ids = append(ids, e.create(owner, storeInput(fmt.Sprintf("Store %02d", i))).ID)
	}
	e.mustDo(e.admin(), approveQ, map[string]any{"id": ids[0]}, nil)
	ids = append(ids, "01937a00-0000-7000-8000-0000000000ff", "not-a-uuid")

	var out struct {
		Entities []*struct {
			ID, Name, Status string
			Owner            struct{ ID string }
		} `json:"_entities"`
	}
	// An admin holding stores:approve sees PENDING stores too.
	n := e.counted(e.admin(), storeEntitiesQ, map[string]any{"r": reps("Store", ids...)}, &out)
	require.EqualValues(t, 1, n, "one SQL query for 22 representations")
	require.Len(t, out.Entities, 22)
	for i := range 20 {
		require.Equal(t, ids[i], out.Entities[i].ID, "input order")
		require.Equal(t, fmt.Sprintf("Store %02d", i), out.Entities[i].Name)
	}
	require.Equal(t, "ACTIVE", out.Entities[0].Status)
	require.Equal(t, "PENDING", out.Entities[1].Status)
	require.Equal(t, neha, out.Entities[1].Owner.ID)
	require.Nil(t, out.Entities[20])
	require.Nil(t, out.Entities[21])

	// Anybody else, or the router on behalf of nobody, gets null for a
	// PENDING store (its GSTIN and pickup address are not public yet); its
	// owner sees their own.
	e.counted("", storeEntitiesQ, map[string]any{"r": reps("Store", ids[0], ids[1], ids[2])}, &out)
	require.Equal(t, "ACTIVE", out.Entities[0].Status)
	require.Nil(t, out.Entities[1], "PENDING, anonymous")
	require.Nil(t, out.Entities[2], "PENDING, anonymous")
	e.counted(e.owner(neha), storeEntitiesQ, map[string]any{"r": reps("Store", ids[1], ids[2])}, &out)
	require.NotNil(t, out.Entities[0], "Neha's own PENDING store")
	require.Nil(t, out.Entities[1], "Vikram's PENDING store, to Neha")
}

const userEntitiesQ = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id stores { id } } } }`

type userEntitiesOut struct {
	Entities []*struct {
		ID     string
		Stores *[]struct{ ID string }
	} `json:"_entities"`
}

// User.stores: the user's own stores for themself (and stores:approve
// admins), null for everybody else; N users cost one query.
func TestEntities_userStores(t *testing.T) {
	e := newEnv(t)
	v1 := e.create(vikram, storeInput("Alpha"))
	v2 := e.activate(vikram, "Bravo")
	n1 := e.create(neha, storeInput("Neha's"))

	var out userEntitiesOut
	e.mustDo(e.owner(vikram), userEntitiesQ, map[string]any{"r": reps("User", vikram, neha, rahul)}, &out)
	require.Len(t, out.Entities, 3)
	require.Equal(t, vikram, out.Entities[0].ID)
	require.NotNil(t, out.Entities[0].Stores)
	require.Equal(t, []struct{ ID string }{{v1.ID}, {v2.ID}}, *out.Entities[0].Stores, "oldest first, any status")
	require.Nil(t, out.Entities[1].Stores, "another user's stores are not listed")
	require.Nil(t, out.Entities[2].Stores)

	e.mustDo("", userEntitiesQ, map[string]any{"r": reps("User", vikram)}, &out)
	require.Nil(t, out.Entities[0].Stores)

	var all userEntitiesOut
	n := e.counted(e.admin(), userEntitiesQ, map[string]any{"r": reps("User", vikram, neha, rahul)}, &all)
	require.EqualValues(t, 1, n, "one SQL query for the stores of 3 users")
	require.Len(t, *all.Entities[0].Stores, 2)
	require.Equal(t, n1.ID, (*all.Entities[1].Stores)[0].ID)
	require.Empty(t, *all.Entities[2].Stores, "a user without stores has an empty list")
}
