package server_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

const storeQ = `query($id: ID, $slug: String) { store(id: $id, slug: $slug) { id slug status } }`

// store(id|slug): ACTIVE stores for everybody, others for their owner and
// stores:approve admins only; exactly one argument.
func TestStoreQuery_visibility(t *testing.T) {
	e := newEnv(t)
	active := e.activate(vikram, "Gadget Corner")
	pend := e.create(vikram, storeInput("Pending Place"))

	find := func(auth string, vars map[string]any) *struct{ ID, Slug, Status string } {
		var out struct {
			Store *struct{ ID, Slug, Status string }
		}
		e.mustDo(auth, storeQ, vars, &out)
		return out.Store
	}
	for _, auth := range []string{"", e.customer(), e.owner(neha), e.owner(vikram), e.admin()} {
		require.Equal(t, active.ID, find(auth, map[string]any{"id": active.ID}).ID)
		require.Equal(t, active.ID, find(auth, map[string]any{"slug": "gadget-corner"}).ID)
		require.Equal(t, active.ID, find(auth, map[string]any{"slug": " Gadget-Corner "}).ID, "slug lookups ignore case")
	}
	for _, auth := range []string{"", e.customer(), e.owner(neha), e.iss.Token(t, adminID, "ADMIN", "catalog:write")} {
		require.Nil(t, find(auth, map[string]any{"id": pend.ID}))
		require.Nil(t, find(auth, map[string]any{"slug": pend.Slug}))
	}
	require.Equal(t, "PENDING", find(e.owner(vikram), map[string]any{"id": pend.ID}).Status)
	require.Equal(t, "PENDING", find(e.admin(), map[string]any{"slug": pend.Slug}).Status)

	require.Nil(t, find("", map[string]any{"id": "01937a00-0000-7000-8000-0000000000ff"}))
	require.Nil(t, find("", map[string]any{"id": "not-a-uuid"}))
	require.Nil(t, find("", map[string]any{"slug": "no-such-store"}))
	requireError(t, e.do("", storeQ, map[string]any{}, nil), "BAD_USER_INPUT", "id", "")
	requireError(t, e.do("", storeQ, map[string]any{"id": active.ID, "slug": "gadget-corner"}, nil), "BAD_USER_INPUT", "id", "")
}

const storesQ = `query($first: Int, $after: String, $status: StoreStatus) {
	stores(first: $first, after: $after, status: $status) {
		totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status } } } }`

type storesOut struct {
	Stores struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct {
			Cursor string
			Node   struct{ ID, Status string }
		}
	}
}

// stores pages ACTIVE stores, newest first, for everybody; other statuses
// need stores:approve.
func TestStoresQuery(t *testing.T) {
	e := newEnv(t)
	var active []string
	for _, name := range []string{"Alpha", "Bravo", "Charlie"} {
		active = append(active, e.activate(vikram, name).ID)
	}
	pend := e.create(neha, storeInput("Pending Place"))

	var p1, p2 storesOut
	e.mustDo("", storesQ, map[string]any{"first": 2}, &p1)
	require.Equal(t, 3, p1.Stores.TotalCount)
	require.True(t, p1.Stores.PageInfo.HasNextPage)
	require.Len(t, p1.Stores.Edges, 2)
	require.Equal(t, active[2], p1.Stores.Edges[0].Node.ID, "newest first")
	require.Equal(t, active[1], p1.Stores.Edges[1].Node.ID)
	e.mustDo("", storesQ, map[string]any{"first": 2, "after": *p1.Stores.PageInfo.EndCursor}, &p2)
	require.Len(t, p2.Stores.Edges, 1)
	require.Equal(t, active[0], p2.Stores.Edges[0].Node.ID)
	require.False(t, p2.Stores.PageInfo.HasNextPage)

	requireError(t, e.do("", storesQ, map[string]any{"status": "PENDING"}, nil), "UNAUTHENTICATED", "", "")
	requireError(t, e.do(e.owner(neha), storesQ, map[string]any{"status": "PENDING"}, nil), "FORBIDDEN", "", "")
	var q storesOut
	e.mustDo(e.admin(), storesQ, map[string]any{"status": "PENDING"}, &q)
	require.Equal(t, 1, q.Stores.TotalCount)
	require.Equal(t, pend.ID, q.Stores.Edges[0].Node.ID)

	for _, first := range []int{0, -1, 101} {
		requireError(t, e.do("", storesQ, map[string]any{"first": first}, nil), "BAD_USER_INPUT", "first", "")
	}
	requireError(t, e.do("", storesQ, map[string]any{"after": "garbage!"}, nil), "BAD_USER_INPUT", "after", "")
}

const myStoresQ = `{ myStores { id status } }`

// myStores lists the caller's stores of every status, oldest first.
func TestMyStores(t *testing.T) {
	e := newEnv(t)
	a := e.activate(vikram, "Alpha")
	b := e.create(vikram, storeInput("Bravo"))
	e.create(neha, storeInput("Neha's"))

	requireError(t, e.do("", myStoresQ, nil, nil), "UNAUTHENTICATED", "", "")
	var out struct{ MyStores []struct{ ID, Status string } }
	e.mustDo(e.owner(vikram), myStoresQ, nil, &out)
	require.Len(t, out.MyStores, 2)
	require.Equal(t, a.ID, out.MyStores[0].ID)
	require.Equal(t, "ACTIVE", out.MyStores[0].Status)
	require.Equal(t, b.ID, out.MyStores[1].ID)
	e.mustDo(e.customer(), myStoresQ, nil, &out)
	require.Empty(t, out.MyStores)
}
