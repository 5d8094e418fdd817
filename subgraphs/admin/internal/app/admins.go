package app

import (
	"context"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/store"
)

// Me returns the signed-in admin.
func (a *App) Me(ctx context.Context) (admin.Admin, error) {
	id, err := requireAdmin(ctx)
	if err != nil {
		return admin.Admin{}, err
	}
	found, err := a.AdminsByIDs(ctx, []string{id.Subject})
	if err != nil {
		return admin.Admin{}, err
	}
	me, ok := found[id.Subject]
	if !ok {
		return admin.Admin{}, admin.ErrAdminNotFound
	}
	return me, nil
}

// Admins lists every admin (admins:manage).
func (a *App) Admins(ctx context.Context) ([]admin.Admin, error) {
	if _, err := requirePermission(ctx, admin.ManageAdmins); err != nil {
		return nil, err
	}
	return a.store.Admins(ctx)
}

// CreateAdmin creates an admin account and publishes admin.created with it.
func (a *App) CreateAdmin(ctx context.Context, in admin.NewAdmin) (admin.Admin, error) {
	if _, err := requirePermission(ctx, admin.ManageAdmins); err != nil {
		return admin.Admin{}, err
	}
	in, err := in.Normalize()
	if err != nil {
		return admin.Admin{}, err
	}
	hash, err := a.hashPassword(ctx, in.Password)
	if err != nil {
		return admin.Admin{}, err
	}
	now := a.now()
	ad := admin.Admin{ID: newID(), Name: in.Name, Email: in.Email, PasswordHash: hash, Active: true,
		RoleIDs: in.RoleIDs, CreatedAt: now, UpdatedAt: now}
	if _, err := a.insertAdmin(ctx, ad); err != nil {
		return admin.Admin{}, err
	}
	return ad, nil
}

// insertAdmin stores ad with its audit entry (when an admin is the caller)
// and admin.created; false when ad.ID exists already (the seed, again).
func (a *App) insertAdmin(ctx context.Context, ad admin.Admin) (bool, error) {
	msg, err := kafka.NewMessage(ctx, a.topic, ad.ID, actor(ctx), admin.Created{AdminID: ad.ID, Name: ad.Name, Email: ad.Email})
	if err != nil {
		return false, err
	}
	return a.store.CreateAdmin(ctx, ad, store.Change{
		Audit: &audit.Entry{Permission: admin.ManageAdmins, Action: "admin.create", TargetType: "AdminUser",
			TargetID: ad.ID, After: ad.Summary()},
		Events: []kafka.Message{msg},
	})
}

// UpdateAdmin changes an admin's name, roles or active flag; deactivating
// revokes their sessions. Nobody deactivates themself, and no change may
// leave no active admin with admins:manage.
func (a *App) UpdateAdmin(ctx context.Context, adminID string, c admin.AdminChange) (admin.Admin, error) {
	caller, err := requirePermission(ctx, admin.ManageAdmins)
	if err != nil {
		return admin.Admin{}, err
	}
	c, err = c.Normalize()
	if err != nil {
		return admin.Admin{}, err
	}
	if !isUUID(adminID) {
		return admin.Admin{}, admin.ErrAdminNotFound
	}
	if adminID == caller.Subject && c.Active != nil && !*c.Active {
		return admin.Admin{}, admin.ErrSelfDeactivation
	}
	now := a.now()
	return a.store.UpdateAdmin(ctx, adminID, now, a.revoke, func(ad *admin.Admin) (store.Change, error) {
		before := ad.Summary()
		if !c.Apply(ad) {
			return store.Change{}, nil
		}
		ad.UpdatedAt = now
		return store.Change{Audit: &audit.Entry{Permission: admin.ManageAdmins, Action: "admin.update",
			TargetType: "AdminUser", TargetID: ad.ID, Before: before, After: ad.Summary()}}, nil
	})
}

// actor is the caller's id for event envelopes ("" for the system, e.g. the seed).
func actor(ctx context.Context) string {
	if id, err := requireAdmin(ctx); err == nil {
		return id.Subject
	}
	return ""
}
