package admin

import (
	"slices"

	"github.com/purra/supergraph/platform/errs"
)

// Permission is a `resource:action` an admin token can carry as a scope;
// every subgraph checks them with @requiresScopes.
type Permission struct {
	Name        string
	Description string
}

// ManageAdmins lets an admin manage admins, roles and others' sessions.
const ManageAdmins = "admins:manage"

// ReadAudit lets an admin read the audit log.
const ReadAudit = "audit:read"

// Permissions is the fixed list (docs/backoffice.md); migration 002 stores
// the same list, and a test keeps the two equal.
var Permissions = []Permission{
	{"catalog:write", "Create and change any product, variant, category, brand and GST rate"},
	{"users:ban", "Ban and unban shoppers"},
	{"users:approve", "Approve or reject owner applications"},
	{"stores:approve", "Approve, suspend and reactivate stores"},
	{"reviews:moderate", "Approve or reject product reviews"},
	{"orders:update", "Pack, ship, deliver and cancel any order"},
	{"payments:refund", "Refund any payment"},
	{"payments:read", "See any payment, with the provider's ids"},
	{"settlements:manage", "Set commission rates, run seller settlements and read any store's settlements"},
	{"inventory:write", "Restock and set stock alerts for any store"},
	{"promotions:write", "Create and change coupons and discount rules"},
	{"banners:write", "Create, change and delete banners"},
	{"notifications:send", "Send bulk notifications and edit templates"},
	{ManageAdmins, "Manage admins, roles and other admins' sessions"},
	{ReadAudit, "Read the audit log"},
}

// IsPermission reports whether name is on the fixed list.
func IsPermission(name string) bool {
	return slices.ContainsFunc(Permissions, func(p Permission) bool { return p.Name == name })
}

// PermissionNames returns every permission name, in list order.
func PermissionNames() []string {
	out := make([]string, len(Permissions))
	for i, p := range Permissions {
		out[i] = p.Name
	}
	return out
}

// ValidatePermissions checks names are known and distinct and returns them sorted.
func ValidatePermissions(field string, names []string) ([]string, error) {
	if len(names) > len(Permissions) {
		return nil, errs.BadInput(field, "at most %d permissions", len(Permissions))
	}
	out := slices.Clone(names)
	for _, n := range out {
		if !IsPermission(n) {
			if len(n) > 40 {
				n = n[:40] + "…"
			}
			return nil, errs.BadInput(field, "unknown permission %q", n)
		}
	}
	slices.Sort(out)
	if len(slices.Compact(slices.Clone(out))) != len(out) {
		return nil, errs.BadInput(field, "must not repeat a permission")
	}
	return out, nil
}
