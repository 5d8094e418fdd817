// Package seed loads the back office of the demo story (docs/backoffice.md):
// the four seed roles and four admins, with fixed ids. Re-running it inserts
// nothing new.
package seed

import (
	"context"
	"fmt"

	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/app"
)

// Password is every seed admin's password.
const Password = "Purra@2026"

// Seed role ids.
const (
	SuperAdminRoleID     = "01937a00-0000-7000-8000-0000000000c1"
	CatalogManagerRoleID = "01937a00-0000-7000-8000-0000000000c2"
	SupportRoleID        = "01937a00-0000-7000-8000-0000000000c3"
	MarketingRoleID      = "01937a00-0000-7000-8000-0000000000c4"
)

// Seed admin ids.
const (
	PriyaID = "01937a00-0000-7000-8000-0000000000b1"
	MeeraID = "01937a00-0000-7000-8000-0000000000b2"
	ArjunID = "01937a00-0000-7000-8000-0000000000b3"
	KavyaID = "01937a00-0000-7000-8000-0000000000b4"
)

// Roles are the seed roles.
var Roles = []admin.Role{
	{ID: SuperAdminRoleID, Name: "SUPER_ADMIN", Description: "Everything, including admins and roles", Permissions: admin.PermissionNames()},
	{ID: CatalogManagerRoleID, Name: "CATALOG_MANAGER", Description: "Products, categories, brands and stock",
		Permissions: []string{"catalog:write", "inventory:write"}},
	{ID: SupportRoleID, Name: "SUPPORT", Description: "Orders, refunds, bans, review moderation and the audit log",
		Permissions: []string{"orders:update", "payments:refund", "users:ban", "reviews:moderate", "audit:read"}},
	{ID: MarketingRoleID, Name: "MARKETING", Description: "Promotions, banners and notifications",
		Permissions: []string{"promotions:write", "banners:write", "notifications:send"}},
}

// Admins are the seed admins (password Password).
var Admins = []admin.Admin{
	{ID: PriyaID, Name: "Priya Nair", Email: "priya@purra.in", RoleIDs: []string{SuperAdminRoleID}},
	{ID: MeeraID, Name: "Meera Iyer", Email: "meera@purra.in", RoleIDs: []string{CatalogManagerRoleID}},
	{ID: ArjunID, Name: "Arjun Mehta", Email: "arjun@purra.in", RoleIDs: []string{SupportRoleID}},
	{ID: KavyaID, Name: "Kavya Reddy", Email: "kavya@purra.in", RoleIDs: []string{MarketingRoleID}},
}

// Run creates what is missing.
func Run(ctx context.Context, a *app.App) error {
	for _, r := range Roles {
		if _, err := a.SeedRole(ctx, r); err != nil {
			return fmt.Errorf("seed role %s: %w", r.Name, err)
		}
	}
	for _, ad := range Admins {
		if _, err := a.SeedAdmin(ctx, ad, Password); err != nil {
			return fmt.Errorf("seed admin %s: %w", ad.Email, err)
		}
	}
	return nil
}
