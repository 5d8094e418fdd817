package server_test

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/pg"
)

type userEntity struct {
	ID   string `json:"id"`
	Cart *struct {
		ID        string `json:"id"`
		ItemCount int    `json:"itemCount"`
	} `json:"cart"`
	Wishlist *struct {
		ID string `json:"id"`
	} `json:"wishlist"`
}

const userEntities = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id cart { id itemCount items { id quantity variant { id } } } wishlist { id } } } }`

func reps(ids ...string) map[string]any {
	out := make([]map[string]any, len(ids))
	for i, id := range ids {
		out[i] = map[string]any{"__typename": "User", "id": id}
	}
	return map[string]any{"reps": out}
}

// User.cart and User.wishlist are the caller's own only: another user, or
// nobody, reads null, not an error.
func TestUserCartOnlyForTheUser(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul, priya := e.customer(), e.customer()
	e.add(rahul, phoneID, 3)
	e.add(priya, cableID, 1)

	var out struct {
		Entities []userEntity `json:"_entities"`
	}
	e.must(rahul, userEntities, reps(rahul.id, priya.id), &out)
	if len(out.Entities) != 2 || out.Entities[0].ID != rahul.id || out.Entities[1].ID != priya.id {
		t.Fatalf("entities = %+v", out.Entities)
	}
	if c := out.Entities[0].Cart; c == nil || c.ItemCount != 3 || out.Entities[0].Wishlist == nil {
		t.Fatalf("own cart = %+v", out.Entities[0])
	}
	if out.Entities[1].Cart != nil || out.Entities[1].Wishlist != nil {
		t.Fatalf("priya's cart shown to rahul: %+v", out.Entities[1])
	}
	ok(t, e.gql(nil, "", userEntities, reps(rahul.id), &out))
	if out.Entities[0].Cart != nil || out.Entities[0].Wishlist != nil {
		t.Fatalf("anonymous sees a cart: %+v", out.Entities[0])
	}
}

// _entities for many users costs one SQL query per contributed field,
// however many representations come (only the caller's own is loaded).
func TestEntitiesBatchInOneQuery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.add(rahul, phoneID, 2)
	e.add(rahul, cableID, 1)
	e.myWishlist(rahul)
	ids := []string{rahul.id}
	for range 19 {
		ids = append(ids, uuid.NewString())
	}
	ids = append(ids, rahul.id, "not-a-uuid")

	ctx, queries := pg.CountQueries(context.Background())
	var out struct {
		Entities []userEntity `json:"_entities"`
	}
	ok(t, e.gql(ctx, rahul.auth, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id cart { id itemCount items { id quantity } } } } }`, reps(ids...), &out))
	if n := queries.Load(); n != 1 {
		t.Fatalf("_entities for %d users ran %d SQL queries, want 1", len(ids), n)
	}
	if len(out.Entities) != len(ids) || out.Entities[0].Cart == nil || out.Entities[0].Cart.ItemCount != 3 || out.Entities[20].Cart == nil {
		t.Fatalf("entities = %+v", out.Entities)
	}
	for i := 1; i < 20; i++ {
		if out.Entities[i].ID != ids[i] || out.Entities[i].Cart != nil {
			t.Fatalf("entity %d = %+v", i, out.Entities[i])
		}
	}

	ctx, queries = pg.CountQueries(context.Background())
	ok(t, e.gql(ctx, rahul.auth, userEntities, reps(ids...), &out))
	if n := queries.Load(); n != 2 {
		t.Fatalf("_entities with cart and wishlist ran %d SQL queries, want 2", n)
	}
}
