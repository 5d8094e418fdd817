// Package admin is the back office's domain: admin accounts, roles and the
// fixed permission list, sessions and audit entries, with their validation
// and events. It knows nothing of SQL or GraphQL.
package admin

import (
	"slices"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Admin is a back-office account.
type Admin struct {
	ID           string
	Name         string
	Email        string
	PasswordHash string
	Active       bool
	RoleIDs      []string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Summary is what the audit log keeps of an admin (never the password hash).
func (a Admin) Summary() map[string]any {
	return map[string]any{"name": a.Name, "email": a.Email, "active": a.Active, "roleIds": a.RoleIDs}
}

// Role is a named set of permissions.
type Role struct {
	ID          string
	Name        string
	Description string
	Permissions []string // sorted
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Summary is what the audit log keeps of a role.
func (r Role) Summary() map[string]any {
	return map[string]any{"name": r.Name, "description": r.Description, "permissions": r.Permissions}
}

// Union returns the sorted set of the permissions of roles.
func Union(roles []Role) []string {
	var out []string
	for _, r := range roles {
		out = append(out, r.Permissions...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Session is one sign-in; its id is the sid claim of its access tokens.
type Session struct {
	ID         string
	AdminID    string
	Device     string
	IP         string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	RevokedAt  *time.Time
}

// SessionTTL is how long a session lasts; its access tokens live 15 minutes
// each, and there is no refresh: an admin signs in again.
const SessionTTL = 12 * time.Hour

// Active reports whether s is neither revoked nor expired at now.
func (s Session) Active(now time.Time) bool { return s.RevokedAt == nil && now.Before(s.ExpiresAt) }

// Errors a client can cause.
var (
	ErrInvalidCredentials = errs.Unauthorized("wrong email or password")
	ErrInactive           = errs.Denied("this admin account is deactivated").WithReason("INACTIVE")
	ErrNotAdmin           = errs.Denied("admin sign-in required").WithReason("NOT_ADMIN")
	ErrAdminNotFound      = errs.Missing("admin")
	ErrRoleNotFound       = errs.Missing("role")
	ErrSessionNotFound    = errs.Missing("session")
	ErrEmailTaken         = errs.Conflicting("an admin with this email exists").WithReason("EMAIL_TAKEN")
	ErrRoleNameTaken      = errs.Conflicting("a role with this name exists").WithReason("ROLE_NAME_TAKEN")
	ErrLastManager        = errs.Conflicting("at least one active admin must keep admins:manage").WithReason("LAST_SUPER_ADMIN")
	ErrSelfDeactivation   = errs.Conflicting("you cannot deactivate your own account").WithReason("SELF_DEACTIVATION")
)
