package app

import (
	"context"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/store"
)

// Roles lists every role (admins:manage).
func (a *App) Roles(ctx context.Context) ([]admin.Role, error) {
	if _, err := requirePermission(ctx, admin.ManageAdmins); err != nil {
		return nil, err
	}
	return a.store.Roles(ctx)
}

// Permissions lists the fixed permissions (admins:manage).
func (a *App) Permissions(ctx context.Context) ([]admin.Permission, error) {
	if _, err := requirePermission(ctx, admin.ManageAdmins); err != nil {
		return nil, err
	}
	return a.store.Permissions(ctx)
}

// CreateRole creates a role; name and permissions are required.
func (a *App) CreateRole(ctx context.Context, in admin.RoleInput) (admin.Role, error) {
	if _, err := requirePermission(ctx, admin.ManageAdmins); err != nil {
		return admin.Role{}, err
	}
	if in.Name == nil {
		return admin.Role{}, errs.BadInput("name", "is required")
	}
	if in.Permissions == nil {
		in.Permissions = []string{}
	}
	in, err := in.Normalize()
	if err != nil {
		return admin.Role{}, err
	}
	now := a.now()
	r := admin.Role{ID: newID(), Name: *in.Name, Permissions: in.Permissions, CreatedAt: now, UpdatedAt: now}
	if in.Description != nil {
		r.Description = *in.Description
	}
	_, err = a.insertRole(ctx, r)
	return r, err
}

func (a *App) insertRole(ctx context.Context, r admin.Role) (bool, error) {
	return a.store.CreateRole(ctx, r, store.Change{Audit: &audit.Entry{Permission: admin.ManageAdmins,
		Action: "role.create", TargetType: "AdminRole", TargetID: r.ID, After: r.Summary()}})
}

// UpdateRole changes a role; it may not take admins:manage from the last
// active admin holding it.
func (a *App) UpdateRole(ctx context.Context, roleID string, in admin.RoleInput) (admin.Role, error) {
	if _, err := requirePermission(ctx, admin.ManageAdmins); err != nil {
		return admin.Role{}, err
	}
	in, err := in.Normalize()
	if err != nil {
		return admin.Role{}, err
	}
	if !isUUID(roleID) {
		return admin.Role{}, admin.ErrRoleNotFound
	}
	now := a.now()
	return a.store.UpdateRole(ctx, roleID, func(r *admin.Role) (store.Change, error) {
		before := r.Summary()
		if !in.Apply(r) {
			return store.Change{}, nil
		}
		r.UpdatedAt = now
		return store.Change{Audit: &audit.Entry{Permission: admin.ManageAdmins, Action: "role.update",
			TargetType: "AdminRole", TargetID: r.ID, Before: before, After: r.Summary()}}, nil
	})
}
