package e2e

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// The router is the only way in (issue 8, docs/security.md): these tests
// knock on every subgraph port directly, as an attacker inside the network
// would, with no token, a shopper's token, a MARKETING admin's token and
// forged service credentials. Each internal root field, _entities with
// private fields, _service and introspection is refused with a coded error
// and nothing changes; the same calls with the real credential of the
// router or of the subgraph the field's allow-list names succeed.

// intruders are the callers without a valid service credential.
func intruders(t *testing.T, shopper, marketing string) []caller {
	t.Helper()
	list := []caller{
		{name: "no token"},
		{name: "shopper token", token: shopper},
		{name: "MARKETING admin token", token: marketing},
	}
	for _, f := range forgedCredentials(t) {
		list = append(list, f.on(shopper))
	}
	return list
}

// refused asserts a coded refusal that ran nothing: no data at all.
func refused(t *testing.T, r response, who string) {
	t.Helper()
	require.NotEmpty(t, r.Errors, who)
	code := r.code()
	require.Contains(t, []string{"UNAUTHENTICATED", "FORBIDDEN"}, code, "%s: %+v", who, r.Errors)
	require.Contains(t, []any{"SERVICE_CREDENTIAL_REQUIRED", "SERVICE_CREDENTIAL_INVALID", "CALLER_NOT_ALLOWED"},
		r.Errors[0].Extensions["reason"], "%s: %+v", who, r.Errors)
	require.True(t, len(r.Data) == 0 || string(r.Data) == "null", "%s: nothing resolved: %s", who, r.Data)
}

func TestDirect_internalFieldsOnlyForTheirCallers(t *testing.T) {
	_, rahul := login(t, rahulEmail, seedPassword)
	kavya := adminLogin(t, kavyaEmail)
	everyone := intruders(t, rahul.AccessToken, kavya.token)
	router := caller{name: "router", service: asService("router")}.on(rahul.AccessToken)
	variant := variantBySlug(t, "apple-iphone-15")
	inventoryDB, promotionsDB := db(t, "inventory"), db(t, "promotions")

	orderID := uuid.NewString()
	reserve := `mutation($in: ReserveStockInput!) { reserveStock(input: $in) { orderId status } }`
	reserveVars := map[string]any{"in": map[string]any{"orderId": orderID, "lines": []any{map[string]any{"variantId": variant.ID, "quantity": 1}}}}
	hold := `mutation($in: HoldCouponInput!) { holdCoupon(input: $in) { status } }`
	holdVars := map[string]any{"in": map[string]any{"orderId": orderID, "code": "FLAT500", "subtotalPaise": 10_000_000}}
	quote := `query($in: QuoteInput!) { quote(input: $in) { total { paise } } }`
	quoteVars := map[string]any{"in": map[string]any{"lines": []any{map[string]any{"variantId": variant.ID, "quantity": 1}}}}

	cases := []struct {
		subgraph, query string
		vars            map[string]any
		allowed         string // a service on the field's allow-list
	}{
		{"inventory", reserve, reserveVars, "orders"},
		{"inventory", `mutation($o: ID!) { releaseStock(orderId: $o) }`, map[string]any{"o": orderID}, "orders"},
		{"promotions", hold, holdVars, "orders"},
		{"promotions", `mutation($o: ID!) { releaseCouponHold(orderId: $o) }`, map[string]any{"o": orderID}, "orders"},
		{"promotions", quote, quoteVars, "cart"},
		{"catalog", `query($o: ID!) { storeIdsOwnedBy(ownerId: $o) }`, map[string]any{"o": rahul.User.ID}, "inventory"},
	}
	for _, c := range cases {
		for _, who := range append(everyone, router) {
			refused(t, direct(t, c.subgraph, who, c.query, c.vars, nil), fmt.Sprintf("%s on %s", who.name, c.subgraph))
		}
	}
	require.Zero(t, count(t, inventoryDB, `SELECT count(*) FROM stock_reservations WHERE order_id = $1`, orderID), "no reservation was made")
	require.Zero(t, count(t, promotionsDB, `SELECT count(*) FROM coupon_holds WHERE order_id = $1`, orderID), "no coupon use was held")

	// The allowed caller, on the shopper's behalf, gets through.
	for _, c := range cases {
		allowed := caller{name: c.allowed, service: asService(c.allowed)}.on(rahul.AccessToken)
		r := direct(t, c.subgraph, allowed, c.query, c.vars, nil)
		require.Empty(t, r.Errors, "%s as %s", c.subgraph, c.allowed)
		if c.query == reserve {
			require.Equal(t, 1, count(t, inventoryDB, `SELECT count(*) FROM stock_reservations WHERE order_id = $1 AND status = 'RESERVED'`, orderID))
		}
		if c.query == hold {
			require.Equal(t, 1, count(t, promotionsDB, heldCount, orderID))
		}
	}
	require.Zero(t, count(t, inventoryDB, `SELECT count(*) FROM stock_reservations WHERE order_id = $1 AND status = 'RESERVED'`, orderID), "released again")
	require.Zero(t, count(t, promotionsDB, heldCount, orderID), "released again")
}

func TestDirect_serviceAndIntrospectionOnlyWithCredential(t *testing.T) {
	_, rahul := login(t, rahulEmail, seedPassword)
	kavya := adminLogin(t, kavyaEmail)
	everyone := intruders(t, rahul.AccessToken, kavya.token)
	for _, sg := range sys.Subgraphs {
		for _, q := range []string{`{ _service { sdl } }`, `{ __schema { queryType { name } } }`, `{ __type(name: "Query") { name } }`} {
			for _, who := range everyone {
				refused(t, direct(t, sg.Name, who, q, nil, nil), fmt.Sprintf("%s: %s %s", sg.Name, who.name, q))
			}
		}
		var out struct {
			Service struct{ SDL string } `json:"_service"`
		}
		r := direct(t, sg.Name, caller{name: "router", service: asService("router")}, `{ _service { sdl } }`, nil, &out)
		require.Empty(t, r.Errors, sg.Name)
		require.Contains(t, out.Service.SDL, "type Query", sg.Name)
		r = direct(t, sg.Name, caller{name: "router", service: asService("router")}, `{ __schema { queryType { name } } }`, nil, nil)
		require.Empty(t, r.Errors, sg.Name)
		// A public root field is the router's to ask too: a direct caller with
		// a perfectly good user token is refused.
		refused(t, direct(t, sg.Name, caller{name: "shopper"}.on(rahul.AccessToken), `{ __typename _service { sdl } }`, nil, nil), sg.Name)
	}
}

// Entities: _entities answers the router (and the subgraphs an entity's
// allow-list names) only, and even then private fields follow the user
// context: a service credential says who calls, not on whose behalf.
func TestDirect_entitiesKeepPrivateFieldsPrivate(t *testing.T) {
	vikram, vik := login(t, vikramEmail, seedPassword)
	_, rahul := login(t, rahulEmail, seedPassword)
	kavya, priya, meera := adminLogin(t, kavyaEmail), adminLogin(t, priyaEmail), adminLogin(t, meeraEmail)
	everyone := intruders(t, rahul.AccessToken, kavya.token)
	router := caller{name: "router", service: asService("router")}

	// A DRAFT product of TechHub and a PENDING store of Vikram's.
	var cat struct {
		Product struct {
			Brand    struct{ ID string }
			Category struct{ ID string }
		}
	}
	client{}.must(t, `{ product(slug: "apple-iphone-15") { brand { id } category { id } } }`, nil, &cat)
	var p struct {
		CreateProduct struct{ Product struct{ ID string } }
	}
	vikram.must(t, `mutation($in: CreateProductInput!) { createProduct(input: $in) { product { id } } }`, map[string]any{"in": map[string]any{
		"storeId": "01937a00-0000-7000-8000-0000000000a1", "title": "Unannounced Phone " + uuid.NewString()[:8],
		"brandId": cat.Product.Brand.ID, "categoryId": cat.Product.Category.ID, "hsnCode": "8517",
	}}, &p)
	var s struct{ CreateStore struct{ ID string } }
	vikram.must(t, `mutation($in: CreateStoreInput!) { createStore(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"name": "TechHub Pending " + uuid.NewString()[:8], "pickupAddress": map[string]any{"line1": "12 MG Road",
			"city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560001"}}}, &s)

	draft := `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id title status } } }`
	draftVars := map[string]any{"r": []any{map[string]any{"__typename": "Product", "id": p.CreateProduct.Product.ID}}}
	pending := `query($r: [_Any!]!) { _entities(representations: $r) { ... on Store { id gstin pickupAddress { line1 } } } }`
	pendingVars := map[string]any{"r": []any{map[string]any{"__typename": "Store", "id": s.CreateStore.ID}}}
	person := `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email phone banned } } }`
	personVars := map[string]any{"r": []any{map[string]any{"__typename": "User", "id": rahul.User.ID}}}
	owner := `query($r: [_Any!]!) { _entities(representations: $r) { ... on Store { id ownerId } } }`
	ownerVars := map[string]any{"r": []any{map[string]any{"__typename": "Store", "id": "01937a00-0000-7000-8000-0000000000a1"}}}

	for _, c := range []struct {
		subgraph, query string
		vars            map[string]any
	}{
		{"catalog", draft, draftVars}, {"stores", pending, pendingVars}, {"users", person, personVars}, {"catalog", owner, ownerVars},
	} {
		for _, who := range everyone {
			refused(t, direct(t, c.subgraph, who, c.query, c.vars, nil), fmt.Sprintf("%s _entities: %s", c.subgraph, who.name))
		}
	}
	// Store.ownerId is for the subgraphs that check ownership, not the router.
	refused(t, direct(t, "catalog", router.on(rahul.AccessToken), owner, ownerVars, nil), "router asking Store.ownerId")
	var owned struct {
		Entities []struct{ OwnerID string } `json:"_entities"`
	}
	require.Empty(t, direct(t, "catalog", caller{name: "orders", service: asService("orders")}, owner, ownerVars, &owned).Errors)
	require.Equal(t, vik.User.ID, owned.Entities[0].OwnerID)

	type entity = map[string]any
	resolve := func(subgraph, query string, vars map[string]any, token string) entity {
		t.Helper()
		var out struct {
			Entities []entity `json:"_entities"`
		}
		r := direct(t, subgraph, router.on(token), query, vars, &out)
		require.Empty(t, r.Errors, subgraph)
		require.Len(t, out.Entities, 1)
		return out.Entities[0]
	}
	// DRAFT product: its store's owner and catalog:write only.
	require.Nil(t, resolve("catalog", draft, draftVars, ""), "anonymous")
	require.Nil(t, resolve("catalog", draft, draftVars, rahul.AccessToken), "shopper")
	require.Nil(t, resolve("catalog", draft, draftVars, kavya.token), "MARKETING admin")
	require.Equal(t, "DRAFT", resolve("catalog", draft, draftVars, vikram.token)["status"], "owner")
	require.Equal(t, "DRAFT", resolve("catalog", draft, draftVars, meera.token)["status"], "catalog:write")
	// PENDING store: its owner and stores:approve only.
	require.Nil(t, resolve("stores", pending, pendingVars, ""), "anonymous")
	require.Nil(t, resolve("stores", pending, pendingVars, rahul.AccessToken), "shopper")
	require.Nil(t, resolve("stores", pending, pendingVars, kavya.token), "MARKETING admin")
	require.NotEmpty(t, resolve("stores", pending, pendingVars, vikram.token)["gstin"], "owner")
	require.NotEmpty(t, resolve("stores", pending, pendingVars, priya.token)["gstin"], "stores:approve")
	// A user's personal data: the user, or users:ban / users:approve.
	for who, token := range map[string]string{"anonymous": "", "another shopper": vik.AccessToken, "MARKETING admin": kavya.token} {
		u := resolve("users", person, personVars, token)
		require.Nil(t, u["email"], who)
		require.Nil(t, u["phone"], who)
		require.Nil(t, u["banned"], who)
	}
	require.Equal(t, rahulEmail, resolve("users", person, personVars, rahul.AccessToken)["email"], "the user")
	require.Equal(t, rahulEmail, resolve("users", person, personVars, priya.token)["email"], "users:ban")
}
