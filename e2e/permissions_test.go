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
	priya := func() client { return adminLogin(t, priyaEmail) }
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
		{"unban a user (users)", "users:ban", arjunEmail, meeraEmail, "user.unban", func(t *testing.T) (string, map[string]any, func(response) string) {
			_, reg := newShopper(t)
			priya().must(t, `mutation($id: ID!) { banUser(id: $id, reason: "Chargeback fraud") { id } }`, map[string]any{"id": reg.User.ID}, nil)
			vars := map[string]any{"id": reg.User.ID}
			return `mutation($id: ID!) { unbanUser(id: $id) { id } }`, vars, fromVars("id")(vars)
		}},
		{"update a category (catalog)", "catalog:write", meeraEmail, arjunEmail, "category.update", func(t *testing.T) (string, map[string]any, func(response) string) {
			id := dig(t, priya().do(t, `mutation($in: CreateCategoryInput!) { createCategory(input: $in) { category { id } } }`,
				map[string]any{"in": map[string]any{"name": "Gimbals " + suffix()}}, nil), "createCategory", "category", "id")
			vars := map[string]any{"id": id, "in": map[string]any{"name": "Camera Gimbals " + suffix()}}
			return `mutation($id: ID!, $in: UpdateCategoryInput!) { updateCategory(id: $id, input: $in) { category { id } } }`, vars, fromVars("id")(vars)
		}},
		{"update a brand (catalog)", "catalog:write", meeraEmail, kavyaEmail, "brand.update", func(t *testing.T) (string, map[string]any, func(response) string) {
			id := dig(t, priya().do(t, `mutation($in: CreateBrandInput!) { createBrand(input: $in) { brand { id } } }`,
				map[string]any{"in": map[string]any{"name": "Insta360 " + suffix()}}, nil), "createBrand", "brand", "id")
			vars := map[string]any{"id": id, "in": map[string]any{"logoUrl": "https://cdn.purra.in/brands/insta360.svg"}}
			return `mutation($id: ID!, $in: UpdateBrandInput!) { updateBrand(id: $id, input: $in) { brand { id } } }`, vars, fromVars("id")(vars)
		}},
		{"set a stock alert (inventory)", "inventory:write", meeraEmail, arjunEmail, "stock.set_alert", func(t *testing.T) (string, map[string]any, func(response) string) {
			vars := map[string]any{"v": newListing(t, vikram, 1)}
			return `mutation($v: ID!) { setStockAlert(variantId: $v, threshold: 3) { available } }`, vars, fromVars("v")(vars)
		}},
		{"deactivate a coupon (promotions)", "promotions:write", kavyaEmail, arjunEmail, "coupon.deactivate", func(t *testing.T) (string, map[string]any, func(response) string) {
			id := dig(t, priya().do(t, `mutation($in: CreateCouponInput!) { createCoupon(input: $in) { coupon { id } } }`,
				map[string]any{"in": map[string]any{"code": "HOLI" + strings.ToUpper(suffix()[:4]), "description": "Holi offer", "type": "FLAT", "amountOff": 20000}}, nil),
				"createCoupon", "coupon", "id")
			vars := map[string]any{"id": id}
			return `mutation($id: ID!) { deactivateCoupon(id: $id) { coupon { id } } }`, vars, fromVars("id")(vars)
		}},
		{"ship an order (orders)", "orders:update", arjunEmail, kavyaEmail, "order.ship", func(t *testing.T) (string, map[string]any, func(response) string) {
			id := confirmedOrder(t)
			priya().must(t, `mutation($id: ID!) { markOrderPacked(id: $id) { status } }`, map[string]any{"id": id}, nil)
			vars := map[string]any{"id": id}
			return `mutation($id: ID!) { markOrderShipped(id: $id, trackingNumber: "EKART-77", carrier: "Ekart") { status } }`, vars, fromVars("id")(vars)
		}},
		{"cancel an order (orders)", "orders:update", arjunEmail, meeraEmail, "order.cancel", func(t *testing.T) (string, map[string]any, func(response) string) {
			vars := map[string]any{"id": confirmedOrder(t)}
			return `mutation($id: ID!) { cancelOrder(id: $id, reason: "Address not serviceable") { status } }`, vars, fromVars("id")(vars)
		}},
		{"suspend a store (stores)", "stores:approve", priyaEmail, kavyaEmail, "store.suspend", func(t *testing.T) (string, map[string]any, func(response) string) {
			var s struct{ CreateStore struct{ ID string } }
			vikram.must(t, `mutation($in: CreateStoreInput!) { createStore(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"name": "TechHub Outlet " + suffix(), "pickupAddress": map[string]any{"line1": "5 Brigade Road",
					"city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560025"}}}, &s)
			vars := map[string]any{"id": s.CreateStore.ID}
			return `mutation($id: ID!) { suspendStore(id: $id, reason: "Incomplete KYC documents") { status } }`, vars, fromVars("id")(vars)
		}},
		{"update a banner (banners)", "banners:write", kavyaEmail, arjunEmail, "banner.update", func(t *testing.T) (string, map[string]any, func(response) string) {
			now := time.Now().UTC()
			id := dig(t, priya().do(t, `mutation($in: CreateBannerInput!) { createBanner(input: $in) { banner { id } } }`, map[string]any{"in": map[string]any{
				"title": "Summer sale", "imageUrl": "https://cdn.purra.in/b/summer.webp", "linkUrl": "/summer", "placement": "HOME_HERO",
				"startsAt": now.Add(24 * time.Hour).Format(time.RFC3339), "endsAt": now.Add(48 * time.Hour).Format(time.RFC3339)}}, nil),
				"createBanner", "banner", "id")
			vars := map[string]any{"id": id, "in": map[string]any{"priority": 700}}
			return `mutation($id: ID!, $in: UpdateBannerInput!) { updateBanner(id: $id, input: $in) { banner { id } } }`, vars, fromVars("id")(vars)
		}},
		{"create an admin (admin)", "admins:manage", priyaEmail, kavyaEmail, "admin.create", func(t *testing.T) (string, map[string]any, func(response) string) {
			var roles struct{ AdminRoles []struct{ ID, Name string } }
			priya().must(t, `{ adminRoles { id name } }`, nil, &roles)
			var support string
			for _, r := range roles.AdminRoles {
				if r.Name == "SUPPORT" {
					support = r.ID
				}
			}
			return `mutation($in: CreateAdminInput!) { createAdmin(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"name": "Neha Gupta", "email": "neha-" + suffix() + "@purra.in", "password": "Support2026xyz", "roleIds": []string{support},
			}}, fromData("createAdmin", "id")
		}},
		{"update a role (admin)", "admins:manage", priyaEmail, meeraEmail, "role.update", func(t *testing.T) (string, map[string]any, func(response) string) {
			id := dig(t, priya().do(t, `mutation($in: CreateRoleInput!) { createRole(input: $in) { id } }`, map[string]any{"in": map[string]any{
				"name": "VIEWER_" + strings.ToUpper(suffix()[:4]), "permissions": []string{"audit:read"}}}, nil), "createRole", "id")
			vars := map[string]any{"id": id, "in": map[string]any{"description": "Read-only access to the audit log"}}
			return `mutation($id: ID!, $in: UpdateRoleInput!) { updateRole(id: $id, input: $in) { id } }`, vars, fromVars("id")(vars)
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
