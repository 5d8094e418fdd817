package server_test

import (
	"context"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/pg"
)

// payment(id) shows a payment to its buyer, to the owner of a store in the
// order and to admins; to anybody else it is null, like an unknown id.
func TestPaymentQuery_visibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	o := newOrder("COD", "")
	e.place(o)
	id := e.payment(o.id).ID

	_, resp := e.paymentAs("", id)
	wantErr(t, resp, "UNAUTHENTICATED", "", "")

	for name, authz := range map[string]string{
		"buyer":           e.token(rahul, "CUSTOMER"),
		"store owner":     e.token(vikram, "OWNER"),
		"admin":           e.token(admin, "ADMIN"),
		"payments reader": e.token(admin, "ADMIN", "payments:read"), // only the admin issuer grants permissions
	} {
		view, resp := e.paymentAs(authz, id)
		ok(t, resp)
		require.NotNil(t, view, name)
		require.Equal(t, id, view.ID)
		require.Equal(t, "COD", view.Provider)
		require.Nil(t, view.ProviderOrderID)
	}
	for name, authz := range map[string]string{
		"another customer":       e.token(priya, "CUSTOMER"),
		"owner of another store": e.token(meera, "OWNER"),
		"retailer":               e.token(priya, "RETAILER"),
	} {
		view, resp := e.paymentAs(authz, id)
		ok(t, resp)
		require.Nil(t, view, name)
	}
	view, resp := e.paymentAs(e.token(rahul, "CUSTOMER"), uuid.NewString())
	ok(t, resp)
	require.Nil(t, view)
	view, resp = e.paymentAs(e.token(rahul, "CUSTOMER"), "not-a-uuid")
	ok(t, resp)
	require.Nil(t, view)

	// Catalog unreachable: an owner's view fails loudly (not a silent null).
	e.catalog.down.Store(true)
	_, resp = e.paymentAs(e.token(vikram, "OWNER"), id)
	wantErr(t, resp, "SERVICE_UNAVAILABLE", "", "")
	view, resp = e.paymentAs(e.token(rahul, "CUSTOMER"), id)
	ok(t, resp)
	require.NotNil(t, view, "the buyer does not need catalog")
}

// Order.payments through _entities: N orders cost one SQL query (two with
// refunds: one per edge), in representation order; an order payments knows
// nothing about has no payments. A store owner listing many orders costs one
// call to catalog.
func TestEntities_batched(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	var reps []map[string]any
	var orders []order
	for range 20 {
		o := newOrder("COD", "")
		e.place(o)
		orders = append(orders, o)
		reps = append(reps, map[string]any{"__typename": "Order", "id": o.id})
	}
	reps = append(reps, map[string]any{"__typename": "Order", "id": uuid.NewString()},
		map[string]any{"__typename": "Order", "id": "garbage"})
	vars := map[string]any{"reps": reps}
	type entity struct {
		ID       string `json:"id"`
		Payments []struct {
			ID      string `json:"id"`
			Status  string `json:"status"`
			Order   struct{ ID string }
			Refunds []struct{ ID string }
		} `json:"payments"`
	}
	var out struct {
		Entities []entity `json:"_entities"`
	}

	ctx, queries := pg.CountQueries(context.Background())
	resp := e.gql(ctx, e.token(rahul, "CUSTOMER"),
		`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id payments { id status amount { paise } order { id } } } } }`, vars, &out)
	ok(t, resp)
	require.Equal(t, int64(1), queries.Load(), "20 orders, one SQL query")
	require.Len(t, out.Entities, 22)
	for i, o := range orders {
		require.Equal(t, o.id, out.Entities[i].ID)
		require.Len(t, out.Entities[i].Payments, 1)
		require.Equal(t, e.payment(o.id).ID, out.Entities[i].Payments[0].ID)
		require.Equal(t, o.id, out.Entities[i].Payments[0].Order.ID)
	}
	require.Empty(t, out.Entities[20].Payments)
	require.Empty(t, out.Entities[21].Payments)

	ctx, queries = pg.CountQueries(context.Background())
	resp = e.gql(ctx, e.token(vikram, "OWNER"),
		`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id payments { id refunds { id } } } } }`, vars, &out)
	ok(t, resp)
	require.Equal(t, int64(2), queries.Load(), "one query for payments, one for refunds")
	require.Equal(t, int64(1), e.catalog.calls.Load(), "ownership asked once per request")
	require.Len(t, out.Entities[0].Payments, 1, "the store owner sees the payment")

	// Someone who may not see them gets empty lists, not errors.
	resp = e.gql(nil, e.token(priya, "CUSTOMER"),
		`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id payments { id } } } }`, vars, &out)
	ok(t, resp)
	for _, ent := range out.Entities {
		require.Empty(t, ent.Payments)
	}
}

// The subgraph's SDL is served for composition.
func TestServiceSDL(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	var out struct {
		Service struct{ SDL string } `json:"_service"`
	}
	ok(t, e.do("", `{ _service { sdl } }`, nil, &out))
	require.Contains(t, out.Service.SDL, `type Order @key(fields: "id")`)
	require.Contains(t, out.Service.SDL, "refundPayment(input: RefundPaymentInput!): Refund!")
}
