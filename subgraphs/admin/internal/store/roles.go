package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
)

const roleColumns = `r.id, r.name, r.description, r.created_at, r.updated_at,
	coalesce((SELECT array_agg(p.permission ORDER BY p.permission) FROM admin_role_permissions p WHERE p.role_id = r.id), '{}')`

func scanRole(row pgx.Row) (admin.Role, error) {
	var r admin.Role
	err := row.Scan(&r.ID, &r.Name, &r.Description, &r.CreatedAt, &r.UpdatedAt, &r.Permissions)
	return r, err
}

func collectRoles(rows pgx.Rows, err error) ([]admin.Role, error) {
	if err != nil {
		return nil, fmt.Errorf("roles: %w", err)
	}
	defer rows.Close()
	var out []admin.Role
	for rows.Next() {
		r, err := scanRole(rows)
		if err != nil {
			return nil, fmt.Errorf("scan role: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Roles returns every role by name.
func (s *Store) Roles(ctx context.Context) ([]admin.Role, error) {
	return collectRoles(s.db.Query(ctx, `SELECT `+roleColumns+` FROM admin_roles r ORDER BY r.name`))
}

// RolesByIDs loads roles in one query; unknown ids are absent. ids must be UUIDs.
func (s *Store) RolesByIDs(ctx context.Context, ids []string) (map[string]admin.Role, error) {
	roles, err := collectRoles(s.db.Query(ctx, `SELECT `+roleColumns+` FROM admin_roles r WHERE r.id = ANY($1::uuid[])`, ids))
	if err != nil {
		return nil, err
	}
	out := make(map[string]admin.Role, len(roles))
	for _, r := range roles {
		out[r.ID] = r
	}
	return out, nil
}

// Permissions returns the fixed list as stored.
func (s *Store) Permissions(ctx context.Context) ([]admin.Permission, error) {
	rows, err := s.db.Query(ctx, `SELECT name, description FROM admin_permissions ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("permissions: %w", err)
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (admin.Permission, error) {
		var p admin.Permission
		return p, row.Scan(&p.Name, &p.Description)
	})
}

// CreateRole inserts r with c. It reports false, writing nothing, when a role
// with r.ID exists (re-running the seed); a taken name is admin.ErrRoleNameTaken.
func (s *Store) CreateRole(ctx context.Context, r admin.Role, c Change) (created bool, err error) {
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO admin_roles (id, name, description, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`, r.ID, r.Name, r.Description, r.CreatedAt, r.UpdatedAt)
		if pg.IsUniqueViolation(err, "admin_roles_name_key") {
			return admin.ErrRoleNameTaken
		}
		if err != nil {
			return fmt.Errorf("insert role: %w", err)
		}
		if created = tag.RowsAffected() == 1; !created {
			return nil
		}
		if err := setPermissions(ctx, tx, r.ID, r.Permissions); err != nil {
			return err
		}
		return s.commit(ctx, tx, c)
	})
	return created, err
}

func setPermissions(ctx context.Context, tx pgx.Tx, roleID string, perms []string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM admin_role_permissions WHERE role_id = $1`, roleID); err != nil {
		return fmt.Errorf("clear role permissions: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO admin_role_permissions (role_id, permission)
		SELECT $1, unnest($2::text[])`, roleID, perms); err != nil {
		return fmt.Errorf("set role permissions: %w", err)
	}
	return nil
}

// UpdateRole locks role id, lets fn change it and saves it with the change fn
// returns, in one transaction; a nil Audit means nothing changed and nothing
// is written. The change may not leave no active admin with admins:manage.
func (s *Store) UpdateRole(ctx context.Context, id string, fn func(r *admin.Role) (Change, error)) (admin.Role, error) {
	var r admin.Role
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if err := lockAdministration(ctx, tx); err != nil {
			return err
		}
		var err error
		r, err = scanRole(tx.QueryRow(ctx, `SELECT `+roleColumns+` FROM admin_roles r WHERE r.id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return admin.ErrRoleNotFound
		}
		if err != nil {
			return fmt.Errorf("lock role: %w", err)
		}
		c, err := fn(&r)
		if err != nil || c.Audit == nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE admin_roles SET name = $2, description = $3, updated_at = $4 WHERE id = $1`,
			r.ID, r.Name, r.Description, r.UpdatedAt)
		if pg.IsUniqueViolation(err, "admin_roles_name_key") {
			return admin.ErrRoleNameTaken
		}
		if err != nil {
			return fmt.Errorf("update role: %w", err)
		}
		if err := setPermissions(ctx, tx, r.ID, r.Permissions); err != nil {
			return err
		}
		if err := requireManager(ctx, tx); err != nil {
			return err
		}
		return s.commit(ctx, tx, c)
	})
	return r, err
}
