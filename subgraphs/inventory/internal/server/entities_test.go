package server_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

const entitiesQ = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { id inStock stock } } }`

type entitiesOut struct {
	Entities []*struct {
		ID      string
		InStock bool
		Stock   *int
	} `json:"_entities"`
}

func reps(ids ...string) []map[string]any {
	out := make([]map[string]any, len(ids))
	for i, id := range ids {
		out[i] = map[string]any{"__typename": "ProductVariant", "id": id}
	}
	return out
}

// N variants resolve with one SQL query, whoever asks; an owner's page asks
// catalog for their stores once, not once per variant.
func TestEntities_batchedInOneQuery(t *testing.T) {
	e := newEnv(t)
	var ids []string
	for i := range 20 {
		store := techHub
		if i%5 == 4 {
			store = otherStore
		}
		ids = append(ids, e.variant(store, fmt.Sprintf("SKU-%02d", i), i%4*10)) // 0, 10, 20, 30 …
	}
	ownerToken := e.owner()
	for _, auth := range []string{"", e.customer(), ownerToken, e.admin()} {
		var out entitiesOut
		n := e.counted(auth, entitiesQ, map[string]any{"r": reps(ids...)}, &out)
		require.EqualValues(t, 1, n, "one SQL query for 20 variants")
		require.Len(t, out.Entities, 20)
		for i, v := range out.Entities {
			require.Equal(t, ids[i], v.ID, "input order")
			require.Equal(t, i%4 != 0, v.InStock, "variant %d", i)
		}
	}
	require.EqualValues(t, 1, e.catalog.calls.Load(), "only the owner's request asked catalog, once")
	require.Equal(t, []string{ownerToken}, e.catalog.authorizations(), "with the owner's own token")
}

// The count is for the owner of the variant's store and admins only.
func TestEntities_stockVisibility(t *testing.T) {
	e := newEnv(t)
	own := e.variant(techHub, "OWN-1", 7)
	theirs := e.variant(otherStore, "THEIRS-1", 3)
	stockOf := func(auth string) (mine, other *int) {
		var out entitiesOut
		e.mustDo(auth, entitiesQ, map[string]any{"r": reps(own, theirs)}, &out)
		return out.Entities[0].Stock, out.Entities[1].Stock
	}
	for name, auth := range map[string]string{"anonymous": "", "customer": e.customer(),
		"retailer": e.iss.Token(t, priya, "RETAILER")} {
		mine, other := stockOf(auth)
		require.Nil(t, mine, name)
		require.Nil(t, other, name)
	}
	mine, other := stockOf(e.owner())
	require.Equal(t, 7, *mine)
	require.Nil(t, other, "another store's count stays hidden from an owner")
	mine, other = stockOf(e.admin())
	require.Equal(t, 7, *mine)
	require.Equal(t, 3, *other)
	// An ADMIN role without the inventory:write permission sees no counts.
	mine, _ = stockOf(e.iss.Token(t, adminID, "ADMIN"))
	require.Nil(t, mine)
}

// A variant inventory has no stock for (its variant.created not consumed
// yet) is out of stock rather than null; a malformed id is null.
func TestEntities_unknownAndMalformed(t *testing.T) {
	e := newEnv(t)
	known := e.variant(techHub, "KNOWN", 2)
	unknown := "0193a000-0000-7000-8000-0000000000ff"
	var out entitiesOut
	e.mustDo(e.admin(), entitiesQ, map[string]any{"r": reps(known, unknown, "not-a-uuid")}, &out)
	require.Len(t, out.Entities, 3)
	require.True(t, out.Entities[0].InStock)
	require.Equal(t, unknown, out.Entities[1].ID)
	require.False(t, out.Entities[1].InStock)
	require.Nil(t, out.Entities[1].Stock)
	require.Nil(t, out.Entities[2])
}

// With catalog down, an owner's count fails alone (SERVICE_UNAVAILABLE on
// the nullable field); availability still resolves.
func TestEntities_catalogDown(t *testing.T) {
	e := newEnv(t)
	id := e.variant(techHub, "DOWN-1", 4)
	e.catalog.down.Store(true)
	var out entitiesOut
	r := e.do(e.owner(), entitiesQ, map[string]any{"r": reps(id)}, &out)
	require.Equal(t, "SERVICE_UNAVAILABLE", r.Code())
	require.True(t, out.Entities[0].InStock)
	require.Nil(t, out.Entities[0].Stock)
}
