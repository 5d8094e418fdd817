package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// adminCase is one admin mutation in the permission matrix.
type adminCase struct {
	name       string
	permission string
	allowed    string // an admin whose role has the permission
	lacking    string // an admin whose role does not
	action     string // the audit action it records
	// prepare creates what the mutation acts on and returns its document,
	// variables, and how to find the target id in the answer.
	prepare func(t *testing.T) (query string, vars map[string]any, target func(response) string)
}

// TestAdminPermissionMatrix: for admin mutations of every subgraph, through
// the router: an admin whose role lacks the permission gets FORBIDDEN, a
// shopper gets FORBIDDEN, no token gets UNAUTHENTICATED (and none of them
// changes anything), and the permitted admin succeeds with exactly one audit
// entry in the admin subgraph's log.
func TestAdminPermissionMatrix(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	fromVars := func(key string) func(map[string]any) func(response) string {
		return func(vars map[string]any) func(response) string {
			return func(response) string { return vars[key].(string) }
		}
	}
	fromData := func(path ...string) func(response) string {
		return func(r response) string { return dig(t, r, path...) }
	}
	confirmedOrder := func(t *testing.T) string {
		c, _ := newShopper(t)
		c.must(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 1}, nil)
		o, r := checkout(t, c, defaultAddress(t, c), "", "UPI", "")
		require.Empty(t, r.Errors)
		awaitStatus(t, c, o.ID, "CONFIRMED")
		return o.ID
	}
	suffix := func() string { return uuid.NewString()[:8] }
	cases := []adminCase{
		{"ban a user (users)", "users:ban", arjunEmail, kavyaEmail, "user.ban", func(t *testing.T) (string, map[string]any, func(response) string) {
			_, reg := newShopper(t)
			vars := map[string]any{"id": reg.User.ID}
			return `mutation($id: ID!) { banUser(id: $id, reason: "Abusive reviews") { id } }`, vars, fromVars("id")(vars)
		}},
		{"create a category (catalog)", "catalog:write", meeraEmail, kavyaEmail, "category.create", func(t *testing.T) (string, map[string]any, func(response) string) {
			return `mutation($in: CreateCategoryInput!) { createCategory(input: $in) { category { id } } }`,
				map[string]any{"in": map[string]any{"name": "Drones " + suffix()}}, fromData("createCategory", "category", "id")
		}},
		{"create a brand (catalog)", "catalog:write", meeraEmail, arjunEmail, "brand.create", func(t *testing.T) (string, map[string]any, func(response) string) {
			return `mutation($in: CreateBrandInput!) { createBrand(input: $in) { brand { id } } }`,
				map[string]any{"in": map[string]any{"name": "DJI " + suffix()}}, fromData("createBrand", "brand", "id")
		}},
		{"restock (inventory)", "inventory:write", meeraEmail, kavyaEmail, "stock.restock", func(t *testing.T) (string, map[string]any, func(response) string) {
			vars := map[string]any{"v": newListing(t, vikram, 1)}
			return `mutation($v: ID!) { restock(variantId: $v, quantity: 25) { available } }`, vars, fromVars("v")(vars)
		}},
		{"create a coupon (promotions)", "promotions:write", kavyaEmail, meeraEmail, "coupon.create", func(t *testing.T) (string, map[string]any, func(response) string) {
			return `mutation($in: CreateCouponInput!) { createCoupon(input: $in) { coupon { id } } }`,
				map[string]any{"in": map[string]any{"code": "DIWALI" + suffix()[:4], "description": "Diwali offer", "type": "PERCENT",
					"percentOff": 12, "maxDiscount": 150000, "perUserLimit": 1}}, fromData("createCoupon", "coupon", "id")
		}},
		{"pack an order (orders)", "orders:update", arjunEmail, meeraEmail, "order.pack", func(t *testing.T) (string, map[string]any, func(response) string) {
			vars := map[string]any{"id": confirmedOrder(t)}
			return `mutation($id: ID!) { markOrderPacked(id: $id) { status } }`, vars, fromVars("id")(vars)
		}},
		{"refund a payment (payments)", "payments:refund", arjunEmail, kavyaEmail, "payment.refund", func(t *testing.T) (string, map[string]any, func(response) string) {
			orderID := confirmedOrder(t)
			var out orderPayments
			adminLogin(t, priyaEmail).must(t, orderWithPayments, map[string]any{"id": orderID}, &out)
			p := out.Order.Payments[0]
			vars := map[string]any{"in": map[string]any{"paymentId": p.ID, "amountPaise": 1000, "reason": "Goodwill gesture"}}
			return `mutation($in: RefundPaymentInput!) { refundPayment(input: $in) { id } }`, vars, func(response) string { return p.ID }
		}},
		{"approve a store (stores)", "stores:approve", priyaEmail, arjunEmail, "store.approve", func(t *testing.T) (string, map[string]any, func(response) string) {
			var s struct{ CreateStore struct{ ID string } }
			vikram.must(t, `mutation($in: CreateStoreInput!) { createStore(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"name": "TechHub Express " + suffix(), "pickupAddress": map[string]any{"line1": "12 MG Road",
					"city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560001"}}}, &s)
			vars := map[string]any{"id": s.CreateStore.ID}
			return `mutation($id: ID!) { approveStore(id: $id) { status } }`, vars, fromVars("id")(vars)
		}},
		{"create a banner (banners)", "banners:write", kavyaEmail, meeraEmail, "banner.create", func(t *testing.T) (string, map[string]any, func(response) string) {
			now := time.Now().UTC()
			return `mutation($in: CreateBannerInput!) { createBanner(input: $in) { banner { id } } }`, map[string]any{"in": map[string]any{
				"title": "Monsoon sale", "imageUrl": "https://cdn.purra.in/b/monsoon.webp", "linkUrl": "/monsoon", "placement": "HOME_STRIP",
				"startsAt": now.Add(24 * time.Hour).Format(time.RFC3339), "endsAt": now.Add(48 * time.Hour).Format(time.RFC3339),
			}}, fromData("createBanner", "banner", "id")
		}},
		{"send a bulk notification (notifications)", "notifications:send", kavyaEmail, arjunEmail, "bulk_notification.create", func(t *testing.T) (string, map[string]any, func(response) string) {
			return `mutation($in: SendBulkNotificationInput!) { sendBulkNotification(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"title": "Republic Day deals", "body": "Up to 40% off on laptops this weekend.", "channels": []string{"IN_APP"},
			}}, fromData("sendBulkNotification", "id")
		}},
		{"create a role (admin)", "admins:manage", priyaEmail, arjunEmail, "role.create", func(t *testing.T) (string, map[string]any, func(response) string) {
			return `mutation($in: CreateRoleInput!) { createRole(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"name": "AUDITOR_" + strings.ToUpper(suffix()[:4]), "description": "Reads the audit log", "permissions": []string{"audit:read"},
			}}, fromData("createRole", "id")
		}},
	}
	rahul, _ := login(t, rahulEmail, seedPassword)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			query, vars, target := tc.prepare(t)
			r := adminLogin(t, tc.lacking).do(t, query, vars, nil)
			require.Equal(t, "FORBIDDEN", r.code(), "an admin without %s: %+v", tc.permission, r.Errors)
			r = rahul.do(t, query, vars, nil)
			require.Equal(t, "FORBIDDEN", r.code(), "a shopper: %+v", r.Errors)
			r = client{}.do(t, query, vars, nil)
			require.Equal(t, "UNAUTHENTICATED", r.code(), "no token: %+v", r.Errors)

			r = adminLogin(t, tc.allowed).do(t, query, vars, nil)
			require.Empty(t, r.Errors, "the permitted admin")
			entry := awaitAudit(t, target(r), tc.action, 1)[0]
			require.Equal(t, tc.permission, entry.Permission)
		})
	}
}

// dig reads a string at path in the response data.
func dig(t *testing.T, r response, path ...string) string {
	t.Helper()
	var v any
	decode(t, r, &v)
	for _, p := range path {
		m, ok := v.(map[string]any)
		require.True(t, ok, "no %s in %s", p, r.Data)
		v = m[p]
	}
	s, ok := v.(string)
	require.True(t, ok, "path %v is not a string in %s", path, r.Data)
	return s
}
