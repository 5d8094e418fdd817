package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
)

const adminColumns = `a.id, a.name, a.email, a.password_hash, a.active, a.created_at, a.updated_at,
	coalesce((SELECT array_agg(ur.role_id::text ORDER BY ur.role_id) FROM admin_user_roles ur WHERE ur.admin_id = a.id), '{}')`

func scanAdmin(row pgx.Row) (admin.Admin, error) {
	var a admin.Admin
	err := row.Scan(&a.ID, &a.Name, &a.Email, &a.PasswordHash, &a.Active, &a.CreatedAt, &a.UpdatedAt, &a.RoleIDs)
	return a, err
}

func collectAdmins(rows pgx.Rows, err error) ([]admin.Admin, error) {
	if err != nil {
		return nil, fmt.Errorf("admins: %w", err)
	}
	defer rows.Close()
	var out []admin.Admin
	for rows.Next() {
		a, err := scanAdmin(rows)
		if err != nil {
			return nil, fmt.Errorf("scan admin: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Admins returns every admin by name.
func (s *Store) Admins(ctx context.Context) ([]admin.Admin, error) {
	return collectAdmins(s.db.Query(ctx, `SELECT `+adminColumns+` FROM admin_users a ORDER BY a.name, a.id`))
}

// AdminsByIDs loads admins in one query; unknown ids are absent. ids must be UUIDs.
func (s *Store) AdminsByIDs(ctx context.Context, ids []string) (map[string]admin.Admin, error) {
	list, err := collectAdmins(s.db.Query(ctx, `SELECT `+adminColumns+` FROM admin_users a WHERE a.id = ANY($1::uuid[])`, ids))
	if err != nil {
		return nil, err
	}
	out := make(map[string]admin.Admin, len(list))
	for _, a := range list {
		out[a.ID] = a
	}
	return out, nil
}

// AdminByEmail finds the admin with a normalised email.
func (s *Store) AdminByEmail(ctx context.Context, email string) (admin.Admin, error) {
	a, err := scanAdmin(s.db.QueryRow(ctx, `SELECT `+adminColumns+` FROM admin_users a WHERE a.email = $1`, email))
	if errors.Is(err, pgx.ErrNoRows) {
		return admin.Admin{}, admin.ErrAdminNotFound
	}
	if err != nil {
		return admin.Admin{}, fmt.Errorf("admin by email: %w", err)
	}
	return a, nil
}

// CreateAdmin inserts a with its roles and c in one transaction. It reports
// false, writing nothing, when an admin with a.ID exists (re-running the
// seed). A taken email is admin.ErrEmailTaken; an unknown role BAD_USER_INPUT.
func (s *Store) CreateAdmin(ctx context.Context, a admin.Admin, c Change) (created bool, err error) {
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO admin_users (id, name, email, password_hash, active, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
			a.ID, a.Name, a.Email, a.PasswordHash, a.Active, a.CreatedAt, a.UpdatedAt)
		if pg.IsUniqueViolation(err, "admin_users_email_key") {
			return admin.ErrEmailTaken
		}
		if err != nil {
			return fmt.Errorf("insert admin: %w", err)
		}
		if created = tag.RowsAffected() == 1; !created {
			return nil
		}
		if err := setRoles(ctx, tx, a.ID, a.RoleIDs); err != nil {
			return err
		}
		return s.commit(ctx, tx, c)
	})
	return created, err
}

// setRoles replaces the admin's roles; every role must exist.
func setRoles(ctx context.Context, tx pgx.Tx, adminID string, roleIDs []string) error {
	var known int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM admin_roles WHERE id = ANY($1::uuid[])`, roleIDs).Scan(&known); err != nil {
		return fmt.Errorf("check roles: %w", err)
	}
	if known != len(roleIDs) {
		return errs.BadInput("roleIds", "unknown role")
	}
	if _, err := tx.Exec(ctx, `DELETE FROM admin_user_roles WHERE admin_id = $1`, adminID); err != nil {
		return fmt.Errorf("clear admin roles: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO admin_user_roles (admin_id, role_id) SELECT $1, unnest($2::uuid[])`, adminID, roleIDs); err != nil {
		return fmt.Errorf("set admin roles: %w", err)
	}
	return nil
}

// UpdateAdmin locks admin id, lets fn change it and saves it with the change
// fn returns, in one transaction (a nil Audit: nothing changed, nothing
// written). A deactivated admin's live sessions are revoked in the same
// transaction, through revoke. The change may not leave no active admin
// with admins:manage.
func (s *Store) UpdateAdmin(ctx context.Context, id string, now time.Time, revoke Revoker, fn func(a *admin.Admin) (Change, error)) (admin.Admin, error) {
	var a admin.Admin
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if err := lockAdministration(ctx, tx); err != nil {
			return err
		}
		var err error
		a, err = scanAdmin(tx.QueryRow(ctx, `SELECT `+adminColumns+` FROM admin_users a WHERE a.id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return admin.ErrAdminNotFound
		}
		if err != nil {
			return fmt.Errorf("lock admin: %w", err)
		}
		wasActive := a.Active
		c, err := fn(&a)
		if err != nil || c.Audit == nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE admin_users SET name = $2, active = $3, updated_at = $4 WHERE id = $1`,
			a.ID, a.Name, a.Active, a.UpdatedAt); err != nil {
			return fmt.Errorf("update admin: %w", err)
		}
		if err := setRoles(ctx, tx, a.ID, a.RoleIDs); err != nil {
			return err
		}
		if err := requireManager(ctx, tx); err != nil {
			return err
		}
		if wasActive && !a.Active {
			if err := revokeAll(ctx, tx, a.ID, now, revoke); err != nil {
				return err
			}
		}
		return s.commit(ctx, tx, c)
	})
	return a, err
}

// revokeAll revokes the admin's live sessions.
func revokeAll(ctx context.Context, tx pgx.Tx, adminID string, now time.Time, revoke Revoker) error {
	rows, err := tx.Query(ctx, `UPDATE admin_sessions SET revoked_at = $2
		WHERE admin_id = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING id::text`, adminID, now)
	if err != nil {
		return fmt.Errorf("revoke sessions: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("revoke sessions: %w", err)
	}
	if len(ids) == 0 {
		return nil
	}
	return revoke(ctx, ids)
}
