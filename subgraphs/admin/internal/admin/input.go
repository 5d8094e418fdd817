package admin

import (
	"github.com/purra/supergraph/platform/credential"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// MaxRolesPerAdmin bounds roleIds.
const MaxRolesPerAdmin = 20

// NewAdmin is a validated createAdmin input.
type NewAdmin struct {
	Name, Email, Password string
	RoleIDs               []string
}

// Normalize validates a createAdmin input (everything but whether the roles exist).
func (n NewAdmin) Normalize() (NewAdmin, error) {
	var err error
	if n.Name, err = Text("name", n.Name, 1, MaxNameLen); err != nil {
		return n, err
	}
	if n.Email, err = credential.NormalizeEmail("email", n.Email); err != nil {
		return n, err
	}
	if err = credential.ValidatePassword("password", n.Password, n.Email); err != nil {
		return n, err
	}
	n.RoleIDs, err = RoleIDs("roleIds", n.RoleIDs)
	return n, err
}

// AdminChange is a validated updateAdmin input; nil fields stay unchanged.
type AdminChange struct {
	Name    *string
	RoleIDs []string // nil: unchanged
	Active  *bool
}

// Normalize validates the change.
func (c AdminChange) Normalize() (AdminChange, error) {
	if c.Name != nil {
		name, err := Text("name", *c.Name, 1, MaxNameLen)
		if err != nil {
			return c, err
		}
		c.Name = &name
	}
	if c.RoleIDs != nil {
		ids, err := RoleIDs("roleIds", c.RoleIDs)
		if err != nil {
			return c, err
		}
		c.RoleIDs = ids
	}
	return c, nil
}

// Apply changes a; it reports whether anything changed.
func (c AdminChange) Apply(a *Admin) bool {
	changed := false
	if c.Name != nil && *c.Name != a.Name {
		a.Name, changed = *c.Name, true
	}
	if c.RoleIDs != nil && !slices.Equal(c.RoleIDs, a.RoleIDs) {
		a.RoleIDs, changed = c.RoleIDs, true
	}
	if c.Active != nil && *c.Active != a.Active {
		a.Active, changed = *c.Active, true
	}
	return changed
}

// RoleIDs checks 1..MaxRolesPerAdmin distinct UUIDs and returns them sorted.
func RoleIDs(field string, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, errs.BadInput(field, "at least one role is required")
	}
	if len(ids) > MaxRolesPerAdmin {
		return nil, errs.BadInput(field, "at most %d roles", MaxRolesPerAdmin)
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		u, err := uuid.Parse(id)
		if err != nil || len(id) != 36 {
			return nil, errs.BadInput(field, "unknown role")
		}
		out[i] = u.String()
	}
	slices.Sort(out)
	if len(slices.Compact(slices.Clone(out))) != len(out) {
		return nil, errs.BadInput(field, "must not repeat a role")
	}
	return out, nil
}

// RoleInput is a createRole/updateRole input; nil fields stay unchanged
// (createRole requires name and permissions).
type RoleInput struct {
	Name        *string
	Description *string
	Permissions []string // nil: unchanged
}

// Normalize validates the input.
func (in RoleInput) Normalize() (RoleInput, error) {
	if in.Name != nil {
		name, err := RoleName("name", *in.Name)
		if err != nil {
			return in, err
		}
		in.Name = &name
	}
	if in.Description != nil {
		d, err := Text("description", *in.Description, 0, MaxDescriptionLen)
		if err != nil {
			return in, err
		}
		in.Description = &d
	}
	if in.Permissions != nil {
		p, err := ValidatePermissions("permissions", in.Permissions)
		if err != nil {
			return in, err
		}
		in.Permissions = p
	}
	return in, nil
}

// Apply changes r; it reports whether anything changed.
func (in RoleInput) Apply(r *Role) bool {
	changed := false
	if in.Name != nil && *in.Name != r.Name {
		r.Name, changed = *in.Name, true
	}
	if in.Description != nil && *in.Description != r.Description {
		r.Description, changed = *in.Description, true
	}
	if in.Permissions != nil && !slices.Equal(in.Permissions, r.Permissions) {
		r.Permissions, changed = in.Permissions, true
	}
	return changed
}

// RoleName checks an upper snake case name of 2–50 characters (SUPER_ADMIN).
func RoleName(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || len(s) > 50 {
		return "", errs.BadInput(field, "must be 2–50 characters")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'A' && c <= 'Z' || c == '_' && i > 0 || c >= '0' && c <= '9' && i > 0
		if !ok {
			return "", errs.BadInput(field, "must be upper snake case, e.g. CATALOG_MANAGER")
		}
	}
	return s, nil
}
