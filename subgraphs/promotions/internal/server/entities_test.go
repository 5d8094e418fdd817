package server_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
	"github.com/purra/supergraph/subgraphs/promotions/internal/store"
)

// _entities for 20 coupons is one SQL query, results in representation
// order, null for unknown and malformed ids and for personal coupons of
// other users.
func TestEntitiesBatchInOneQuery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	ids := make([]string, 20)
	for i := range ids {
		in := promo.CouponInput{Code: fmt.Sprintf("BATCH%02d", i), Description: "batch", Type: promo.Flat, AmountOff: ptr[int64](100)}
		if i == 19 {
			in.AssignedUsers = []string{newOrderID()} // someone else's
		}
		c, assigned, err := promo.NewCoupon(newOrderID(), in, time.Now().UTC().Truncate(time.Microsecond))
		if err != nil {
			t.Fatal(err)
		}
		if err := e.st.CreateCoupon(context.Background(), c, assigned, "", store.AdminAction{}); err != nil {
			t.Fatal(err)
		}
		ids[i] = c.ID
	}
	reps := make([]map[string]any, 0, 22)
	for _, id := range ids {
		reps = append(reps, map[string]any{"__typename": "Coupon", "id": id})
	}
	reps = append(reps, map[string]any{"__typename": "Coupon", "id": newOrderID()}, map[string]any{"__typename": "Coupon", "id": "garbage"})
	ctx, queries := pg.CountQueries(context.Background())
	var out struct {
		Entities []*struct{ ID, Code, Status string } `json:"_entities"`
	}
	ok(t, e.gql(ctx, rahul.auth, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Coupon { id code status } } }`,
		map[string]any{"reps": reps}, &out))
	if n := queries.Load(); n != 1 {
		t.Fatalf("_entities for 22 coupons ran %d SQL queries, want 1", n)
	}
	if len(out.Entities) != 22 {
		t.Fatalf("%d entities", len(out.Entities))
	}
	for i := range 19 {
		if c := out.Entities[i]; c == nil || c.ID != ids[i] || c.Code != fmt.Sprintf("BATCH%02d", i) || c.Status != "ACTIVE" {
			t.Fatalf("entity %d = %+v", i, c)
		}
	}
	for _, i := range []int{19, 20, 21} {
		if out.Entities[i] != nil {
			t.Fatalf("entity %d resolved: %+v", i, out.Entities[i])
		}
	}
	// The admin sees the personal one.
	ok(t, e.gql(nil, e.admin().auth, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Coupon { id } } }`,
		map[string]any{"reps": reps[19:20]}, &out))
	if out.Entities[0] == nil {
		t.Fatal("admin cannot resolve a personal coupon")
	}
}

func ptr[T any](v T) *T { return &v }
