package e2e

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// adminRead is one admin-visible piece of personal or financial data, as the
// router offers it, and the permission that guards it (docs/security.md,
// "One rule for admins", mirrors this list).
type adminRead struct {
	data       string   // what is read
	permission string   // the permission that shows it ("" = no admin may)
	via        string   // the permission of the query that reaches its parent ("" = none)
	query      string   // the document; vars come from the fixture
	path       []string // where the value is in data ("0" indexes a list)
}

// adminWith creates (as Priya) an admin whose only role holds exactly
// permissions, and signs them in: the "with it" principal of each row.
func adminWith(t *testing.T, permissions ...string) client {
	t.Helper()
	priya := adminLogin(t, priyaEmail)
	suffix := strings.ToUpper(uuid.NewString()[:6])
	var role struct{ CreateRole struct{ ID string } }
	priya.must(t, `mutation($in: CreateRoleInput!) { createRole(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"name": "ONLY_" + suffix, "permissions": permissions}}, &role)
	email := "only-" + strings.ToLower(suffix) + "@purra.in"
	priya.must(t, `mutation($in: CreateAdminInput!) { createAdmin(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"name": "Reader " + suffix, "email": email, "password": "Reader2026xyz", "roleIds": []string{role.CreateRole.ID}}}, nil)
	var out struct{ AdminLogin struct{ AccessToken string } }
	client{}.must(t, `mutation($in: AdminLoginInput!) { adminLogin(input: $in) { accessToken } }`,
		map[string]any{"in": map[string]any{"email": email, "password": "Reader2026xyz"}}, &out)
	return client{}.withToken(out.AdminLogin.AccessToken)
}

// at returns the value at path in r's data (nil when absent or null).
func at(t *testing.T, r response, path []string) any {
	t.Helper()
	var v any
	if len(r.Data) == 0 {
		return nil
	}
	require.NoError(t, json.Unmarshal(r.Data, &v))
	for _, p := range path {
		switch x := v.(type) {
		case map[string]any:
			v = x[p]
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// TestOneRuleForAdmins (issue 8): every admin-visible personal or financial
// field, through the router: an admin whose role has exactly its permission
// reads the value; the MARKETING admin (kavya, without any of these
// permissions) gets null or FORBIDDEN; an admin holding another of the
// listed permissions gets nothing either (the rule is per permission, not
// "any admin"). Data only its owner may read is null for every admin.
func TestOneRuleForAdmins(t *testing.T) {
	// A shopper with an address, a delivered order (paid by UPI) and a review
	// waiting for moderation; a store waiting for approval.
	c, shopper := newShopper(t)
	addr := defaultAddress(t, c)
	var prod struct{ Product struct{ ID string } }
	client{}.must(t, `{ product(slug: "apple-iphone-15-silicone-case-with-magsafe") { id } }`, nil, &prod)
	c.must(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 1}, nil)
	order, r := checkout(t, c, addr, "", "UPI", "")
	require.Empty(t, r.Errors)
	awaitStatus(t, c, order.ID, "CONFIRMED")
	arjun := adminLogin(t, arjunEmail)
	arjun.must(t, `mutation($id: ID!) { markOrderPacked(id: $id) { status } }`, map[string]any{"id": order.ID}, nil)
	arjun.must(t, `mutation($id: ID!) { markOrderShipped(id: $id, trackingNumber: "BD123456789IN", carrier: "BlueDart") { status } }`,
		map[string]any{"id": order.ID}, nil)
	arjun.must(t, `mutation($id: ID!) { markOrderDelivered(id: $id) { status } }`, map[string]any{"id": order.ID}, nil)
	var review struct{ SubmitReview struct{ ID string } }
	require.Eventually(t, func() bool { // reviews learns of the delivery from order.status_changed
		rr := c.do(t, `mutation($in: SubmitReviewInput!) { submitReview(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"productId": prod.Product.ID, "rating": 4, "title": "Fits well", "text": "Snug fit, the MagSafe ring is strong."}}, &review)
		return len(rr.Errors) == 0
	}, 15*time.Second, 200*time.Millisecond, "the buyer may review after delivery")
	vikram, _ := login(t, vikramEmail, seedPassword)
	var store struct{ CreateStore struct{ ID string } }
	vikram.must(t, `mutation($in: CreateStoreInput!) { createStore(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"name": "TechHub Lane " + uuid.NewString()[:6], "pickupAddress": map[string]any{"line1": "7 Brigade Road",
			"city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560025"}}}, &store)
	vars := map[string]any{"user": shopper.User.ID, "order": order.ID, "review": review.SubmitReview.ID, "store": store.CreateStore.ID}

	reads := []adminRead{
		{"User.email (user)", "users:ban", "", `query($user: ID!) { user(id: $user) { email } }`, []string{"user", "email"}},
		{"User.phone (user)", "users:approve", "", `query($user: ID!) { user(id: $user) { phone } }`, []string{"user", "phone"}},
		{"User.email of an order's buyer", "users:ban", "orders:update", `query($order: ID!) { order(id: $order) { buyer { email } } }`, []string{"order", "buyer", "email"}},
		{"User.phone of a PENDING review's author", "users:ban", "reviews:moderate", `query($review: ID!) { review(id: $review) { author { phone } } }`, []string{"review", "author", "phone"}},
		{"Owner.gstin, pan (ownerApplications)", "users:approve", "", `{ ownerApplications(status: APPROVED) { edges { node { pan user { email } } } } }`,
			[]string{"ownerApplications", "edges", "0", "node", "pan"}},
		{"Order.shippingAddress (order)", "orders:update", "", `query($order: ID!) { order(id: $order) { shippingAddress { phone line1 } } }`,
			[]string{"order", "shippingAddress", "phone"}},
		{"Order amounts (order)", "orders:update", "", `query($order: ID!) { order(id: $order) { total { paise } } }`,
			[]string{"order", "total", "paise"}},
		{"Payment.providerPaymentId (Order.payments)", "payments:read", "orders:update", `query($order: ID!) { order(id: $order) { payments { providerPaymentId } } }`,
			[]string{"order", "payments", "0", "providerPaymentId"}},
		{"ProductReview.text of a PENDING review (review)", "reviews:moderate", "", `query($review: ID!) { review(id: $review) { text } }`,
			[]string{"review", "text"}},
		{"Store.gstin, pickupAddress of a PENDING store (store)", "stores:approve", "", `query($store: ID!) { store(id: $store) { gstin pickupAddress { line1 } } }`,
			[]string{"store", "gstin"}},
		{"AdminUser.email (admins)", "admins:manage", "", `{ admins { email } }`, []string{"admins", "0", "email"}},
		{"AdminAuditLog.before/after (auditLogs)", "audit:read", "", `{ auditLogs(first: 1) { edges { node { targetId } } } }`,
			[]string{"auditLogs", "edges", "0", "node", "targetId"}},
		{"User.addresses of another user", "", "", `query($user: ID!) { user(id: $user) { addresses { line1 } } }`, []string{"user", "addresses"}},
		{"User.notifications of another user", "", "", `query($user: ID!) { user(id: $user) { notifications { edges { cursor } } } }`, []string{"user", "notifications"}},
		{"User.cart of another user", "", "", `query($user: ID!) { user(id: $user) { cart { itemCount } } }`, []string{"user", "cart"}},
		{"User.wishlist of another user", "", "", `query($user: ID!) { user(id: $user) { wishlist { itemCount } } }`, []string{"user", "wishlist"}},
		{"User.orders of another user", "", "", `query($user: ID!) { user(id: $user) { orders { totalCount } } }`, []string{"user", "orders"}},
	}
	holders := map[string]client{} // by permission, and "permission+via"
	holder := func(rd adminRead) client {
		key, perms := rd.permission, []string{rd.permission}
		if rd.via != "" {
			key, perms = rd.permission+"+"+rd.via, append(perms, rd.via)
		}
		if _, ok := holders[key]; !ok {
			holders[key] = adminWith(t, perms...)
		}
		return holders[key]
	}
	for _, rd := range reads {
		if rd.permission != "" {
			holder(rd)
		}
	}
	priya := adminLogin(t, priyaEmail) // every permission
	kavya := adminLogin(t, kavyaEmail) // MARKETING: none of them
	for _, rd := range reads {
		t.Run(rd.data, func(t *testing.T) {
			r := kavya.do(t, rd.query, vars, nil)
			require.Nil(t, at(t, r, rd.path), "MARKETING read it: %s", r.Data)
			if len(r.Errors) > 0 {
				require.Equal(t, "FORBIDDEN", r.code(), "%+v", r.Errors)
			}
			if rd.permission == "" {
				r = priya.do(t, rd.query, vars, nil)
				require.Nil(t, at(t, r, rd.path), "no admin may read it: %s", r.Data)
				return
			}
			r = holder(rd).do(t, rd.query, vars, nil)
			require.NotNil(t, at(t, r, rd.path), "an admin with %s (+ %q): %s %+v", rd.permission, rd.via, r.Data, r.Errors)
			for perm, other := range holders {
				if strings.Contains(perm, rd.permission) || sameGuard(rd.permission, perm) {
					continue // the row's own holders, or one offering the same query
				}
				r = other.do(t, rd.query, vars, nil)
				require.Nil(t, at(t, r, rd.path), "an admin with only %s read it: %s", perm, r.Data)
			}
		})
	}
}

// sameGuard reports whether holder b also shows what a guards: users:ban
// and users:approve both offer user(id).
func sameGuard(a, b string) bool {
	users := func(p string) bool { return strings.HasPrefix(p, "users:") }
	return users(a) && users(b)
}
