package app

import (
	"context"

	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
)

// SeedRole creates role r with its fixed id unless it exists (the seed).
func (a *App) SeedRole(ctx context.Context, r admin.Role) (bool, error) {
	in, err := admin.RoleInput{Name: &r.Name, Description: &r.Description, Permissions: r.Permissions}.Normalize()
	if err != nil {
		return false, err
	}
	now := a.now()
	r.Permissions, r.CreatedAt, r.UpdatedAt = in.Permissions, now, now
	return a.insertRole(ctx, r)
}

// SeedAdmin creates admin ad with its fixed id and password unless it
// exists, publishing admin.created only when it was created.
func (a *App) SeedAdmin(ctx context.Context, ad admin.Admin, password string) (bool, error) {
	in, err := admin.NewAdmin{Name: ad.Name, Email: ad.Email, Password: password, RoleIDs: ad.RoleIDs}.Normalize()
	if err != nil {
		return false, err
	}
	found, err := a.store.AdminsByIDs(ctx, []string{ad.ID})
	if err != nil {
		return false, err
	}
	if _, ok := found[ad.ID]; ok {
		return false, nil // hashing is the slow part: skip it when there is nothing to do
	}
	if ad.PasswordHash, err = a.hashPassword(ctx, password); err != nil {
		return false, err
	}
	now := a.now()
	ad.Name, ad.Email, ad.RoleIDs, ad.Active, ad.CreatedAt, ad.UpdatedAt = in.Name, in.Email, in.RoleIDs, true, now, now
	return a.insertAdmin(ctx, ad)
}
