package server_test

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
)

const myOrders = `query($first: Int, $after: String) { myOrders(first: $first, after: $after) {
	totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id orderNumber } } } }`

type connOut struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage bool
		EndCursor   *string
	}
	Edges []struct {
		Cursor string
		Node   struct{ ID, OrderNumber, Status string }
	}
}

func TestMyOrdersNewestFirstInPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	var ids []string
	for i := range 3 {
		ids = append(ids, e.checkout(fmt.Sprintf("my-orders-%d", i)).ID)
	}
	e.fillCart(e.priya, "", cable, 1)
	in := checkoutInput("priyas-order")
	in["input"].(map[string]any)["addressId"] = e.w.addresses[e.priya][0].ID
	e.mustDo(e.customer(e.priya), checkoutMutation, in, nil)

	var p1 struct{ MyOrders connOut }
	e.mustDo(e.customer(e.rahul), myOrders, map[string]any{"first": 2}, &p1)
	if p1.MyOrders.TotalCount != 3 || !p1.MyOrders.PageInfo.HasNextPage || len(p1.MyOrders.Edges) != 2 ||
		p1.MyOrders.Edges[0].Node.ID != ids[2] || p1.MyOrders.Edges[1].Node.ID != ids[1] {
		t.Fatalf("page 1 = %+v (ids %v)", p1.MyOrders, ids)
	}
	var p2 struct{ MyOrders connOut }
	e.mustDo(e.customer(e.rahul), myOrders, map[string]any{"first": 2, "after": *p1.MyOrders.PageInfo.EndCursor}, &p2)
	if p2.MyOrders.PageInfo.HasNextPage || len(p2.MyOrders.Edges) != 1 || p2.MyOrders.Edges[0].Node.ID != ids[0] {
		t.Fatalf("page 2 = %+v", p2.MyOrders)
	}
	errCode(t, e.do(e.customer(e.rahul), myOrders, map[string]any{"first": 101}, nil), "BAD_USER_INPUT", "first")
	errCode(t, e.do(e.customer(e.rahul), myOrders, map[string]any{"after": "garbage"}, nil), "BAD_USER_INPUT", "after")
	errCode(t, e.do("", myOrders, nil, nil), "UNAUTHENTICATED")
}

const orderQuery = `query($id: ID!) { order(id: $id) { id status items { sku } } }`

// The buyer, owners of stores in the order and admins read an order;
// anybody else gets FORBIDDEN, an unknown id null.
func TestOrderVisibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 2)
	o := e.checkout("visibility-1")
	for name, token := range map[string]string{"buyer": e.customer(e.rahul), "store owner": e.owner(e.vikram), "admin": e.adminToken()} {
		var out struct{ Order *struct{ ID string } }
		e.mustDo(token, orderQuery, map[string]any{"id": o.ID}, &out)
		if out.Order == nil || out.Order.ID != o.ID {
			t.Fatalf("%s: %+v", name, out)
		}
	}
	for name, token := range map[string]string{"another customer": e.customer(e.priya), "another store's owner": e.owner(e.neha)} {
		errCode(t, e.do(token, orderQuery, map[string]any{"id": o.ID}, nil), "FORBIDDEN")
		_ = name
	}
	for _, id := range []string{uuid.NewString(), "garbage"} {
		var out struct{ Order *struct{ ID string } }
		e.mustDo(e.customer(e.rahul), orderQuery, map[string]any{"id": id}, &out)
		if out.Order != nil {
			t.Fatalf("unknown id %s resolved", id)
		}
	}
	errCode(t, e.do("", orderQuery, map[string]any{"id": o.ID}, nil), "UNAUTHENTICATED")
}

const storeOrders = `query($status: OrderStatus) { storeOrders(first: 10, status: $status) { totalCount edges { node { id status } } } }`

func TestStoreOrdersShowsTheOwnersStoresOnly(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	techOnly := e.checkout("store-orders-1", withPayment("COD")).ID // CONFIRMED
	e.fillCart(e.rahul, "", earbuds, 1)
	audioOnly := e.checkout("store-orders-2").ID
	e.fillCart(e.rahul, "", cable, 1, earbuds, 1)
	both := e.checkout("store-orders-3").ID

	ids := func(token string, vars map[string]any) []string {
		var out struct{ StoreOrders connOut }
		e.mustDo(token, storeOrders, vars, &out)
		var got []string
		for _, ed := range out.StoreOrders.Edges {
			got = append(got, ed.Node.ID)
		}
		if out.StoreOrders.TotalCount != len(got) {
			t.Fatalf("totalCount %d for %d edges", out.StoreOrders.TotalCount, len(got))
		}
		return got
	}
	// The multi-store order is left out: it would show each owner the other store's lines
	// (myStoreOrders lists each store's part of it).
	_ = both
	if got := ids(e.owner(e.vikram), nil); fmt.Sprint(got) != fmt.Sprint([]string{techOnly}) {
		t.Fatalf("vikram sees %v, want %v", got, []string{techOnly})
	}
	if got := ids(e.owner(e.neha), nil); fmt.Sprint(got) != fmt.Sprint([]string{audioOnly}) {
		t.Fatalf("neha sees %v", got)
	}
	if got := ids(e.owner(e.vikram), map[string]any{"status": "CONFIRMED"}); fmt.Sprint(got) != fmt.Sprint([]string{techOnly}) {
		t.Fatalf("vikram's CONFIRMED = %v", got)
	}
	if got := ids(e.owner(uuid.NewString()), nil); len(got) != 0 {
		t.Fatalf("an owner without stores sees %v", got)
	}
	errCode(t, e.do(e.customer(e.rahul), storeOrders, nil, nil), "FORBIDDEN")
	errCode(t, e.do("", storeOrders, nil, nil), "UNAUTHENTICATED")
	// One catalog call per request, however many orders.
	if n := e.w.count("storeIdsOwnedBy"); n != 4 {
		t.Fatalf("storeIdsOwnedBy called %d times for 4 owner requests", n)
	}
}

// _entities for N orders is one SQL query; orders the caller may not see
// resolve to null like unknown ones.
func TestOrderEntitiesInOneQuery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	var ids []string
	for i := range 10 {
		ids = append(ids, e.checkout(fmt.Sprintf("entities-%02d", i)).ID)
	}
	e.fillCart(e.priya, "", cable, 1)
	in := checkoutInput("priyas-entity")
	in["input"].(map[string]any)["addressId"] = e.w.addresses[e.priya][0].ID
	var hers checkoutOut
	e.mustDo(e.customer(e.priya), checkoutMutation, in, &hers)

	reps := []map[string]any{}
	for _, id := range ids {
		reps = append(reps, map[string]any{"__typename": "Order", "id": id})
	}
	reps = append(reps, map[string]any{"__typename": "Order", "id": hers.Checkout.Order.ID},
		map[string]any{"__typename": "Order", "id": uuid.NewString()}, map[string]any{"__typename": "Order", "id": "garbage"})
	var out struct {
		Entities []*struct{ ID, OrderNumber, Status string } `json:"_entities"`
	}
	q := `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id orderNumber status total { paise } } } }`
	if n := e.counted(e.customer(e.rahul), q, map[string]any{"reps": reps}, &out); n != 1 {
		t.Fatalf("_entities for %d orders ran %d SQL queries, want 1", len(reps), n)
	}
	for i, id := range ids {
		if out.Entities[i] == nil || out.Entities[i].ID != id {
			t.Fatalf("entity %d = %+v", i, out.Entities[i])
		}
	}
	for i := len(ids); i < len(reps); i++ {
		if out.Entities[i] != nil {
			t.Fatalf("entity %d (someone else's or unknown) resolved: %+v", i, out.Entities[i])
		}
	}
	// Anonymous: nothing resolves.
	var anon struct {
		Entities []*struct{ ID string } `json:"_entities"`
	}
	e.mustDo("", q, map[string]any{"reps": reps[:1]}, &anon)
	if anon.Entities[0] != nil {
		t.Fatal("an anonymous caller resolved an order")
	}

	// The items and histories of a page of orders cost one query each.
	list := `{ myOrders(first: 10) { edges { node { id items { sku } statusHistory { to } } } } }`
	if n := e.counted(e.customer(e.rahul), list, nil, nil); n != 4 { // count, page, items, histories
		t.Fatalf("a page of 10 orders with items and history ran %d queries, want 4", n)
	}
}

// User.orders is contributed to the users' entity, for the user themself only.
func TestUserOrdersOnlyForTheUser(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	e.checkout("user-orders-1")
	q := `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id orders(first: 5) { totalCount edges { node { id buyer { id } } } } } } }`
	reps := map[string]any{"reps": []map[string]any{{"__typename": "User", "id": e.rahul}}}
	type userOut struct {
		Entities []struct {
			ID     string
			Orders *connOut
		} `json:"_entities"`
	}
	var own userOut
	e.mustDo(e.customer(e.rahul), q, reps, &own)
	if own.Entities[0].ID != e.rahul || own.Entities[0].Orders == nil || own.Entities[0].Orders.TotalCount != 1 {
		t.Fatalf("own orders = %+v", own)
	}
	for _, token := range []string{e.customer(e.priya), e.owner(e.vikram), ""} {
		var other userOut
		e.mustDo(token, q, reps, &other)
		if other.Entities[0].Orders != nil {
			t.Fatalf("someone else sees rahul's orders: %+v", other)
		}
	}
}
