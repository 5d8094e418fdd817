package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"github.com/purra/supergraph/platform/credential"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/httpx"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/store"
)

// Login rate limits, attempts per minute.
const (
	LoginsPerEmailPerMinute = 10
	LoginsPerIPPerMinute    = 30
)

// AccessTokenTTL is how long an admin access token lives.
const AccessTokenTTL = 15 * time.Minute

// revokedFor is how long Redis remembers a revoked session: the longest
// its last token can live, plus the verifiers' clock leeway.
const revokedFor = AccessTokenTTL + time.Minute

// SignedIn is the result of Login.
type SignedIn struct {
	AccessToken string
	ExpiresAt   time.Time
	Session     admin.Session
	Admin       admin.Admin
}

type deviceKey struct{}

// WithDevice records the caller's User-Agent for a new session.
func WithDevice(ctx context.Context, userAgent string) context.Context {
	return context.WithValue(ctx, deviceKey{}, userAgent)
}

// Login checks email and password and opens a session. A wrong password and
// an unknown email both answer admin.ErrInvalidCredentials after the same
// amount of hashing; a deactivated account is refused only after its
// password was checked, so the answer reveals nothing to a guesser.
func (a *App) Login(ctx context.Context, email, password string) (SignedIn, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if len(email) > credential.MaxEmailLen {
		return SignedIn{}, errs.BadInput("email", "must be at most %d characters", credential.MaxEmailLen)
	}
	if len(password) > 4*credential.MaxPasswordLen {
		return SignedIn{}, errs.BadInput("password", "must be at most %d characters", credential.MaxPasswordLen)
	}
	ip := httpx.ClientIP(ctx)
	if ip != "" {
		if err := a.limiter.Allow(ctx, "admin-login:ip:"+ip, LoginsPerIPPerMinute); err != nil {
			return SignedIn{}, err
		}
	}
	sum := sha256.Sum256([]byte(email)) // no personal data in Redis keys
	if err := a.limiter.Allow(ctx, "admin-login:email:"+hex.EncodeToString(sum[:16]), LoginsPerEmailPerMinute); err != nil {
		return SignedIn{}, err
	}
	ad, err := a.store.AdminByEmail(ctx, email)
	hash := ad.PasswordHash
	if errors.Is(err, admin.ErrAdminNotFound) {
		hash = a.dummyHash
	} else if err != nil {
		return SignedIn{}, err
	}
	ok, err := a.checkPassword(ctx, hash, password)
	if err != nil {
		return SignedIn{}, err
	}
	if !ok || ad.ID == "" {
		return SignedIn{}, admin.ErrInvalidCredentials
	}
	if !ad.Active {
		return SignedIn{}, admin.ErrInactive
	}
	roles, err := a.store.RolesByIDs(ctx, ad.RoleIDs)
	if err != nil {
		return SignedIn{}, err
	}
	perms := admin.Union(mapValues(roles))

	now := a.now()
	ua, _ := ctx.Value(deviceKey{}).(string)
	sess := admin.Session{
		ID: newID(), AdminID: ad.ID, Device: admin.Device(ua), IP: ip,
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(admin.SessionTTL),
	}
	token, exp, err := a.signer.Issue(ad.ID, auth.RoleAdmin, perms, sess.ID)
	if err != nil {
		return SignedIn{}, err
	}
	// The sign-in is audited as the new session's own action.
	actx := auth.WithIdentity(ctx, auth.Identity{Subject: ad.ID, Role: auth.RoleAdmin, Scopes: perms, SessionID: sess.ID})
	entry := &audit.Entry{Action: "session.create", TargetType: "AdminSession", TargetID: sess.ID,
		After: map[string]any{"adminId": ad.ID, "device": sess.Device, "ip": sess.IP, "permissions": perms}}
	if err := a.store.CreateSession(actx, sess, store.Change{Audit: entry}); err != nil {
		return SignedIn{}, err
	}
	return SignedIn{AccessToken: token, ExpiresAt: exp, Session: sess, Admin: ad}, nil
}

func mapValues[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// Logout revokes the caller's own session.
func (a *App) Logout(ctx context.Context) error {
	id, err := requireAdmin(ctx)
	if err != nil {
		return err
	}
	if !isUUID(id.SessionID) {
		return admin.ErrSessionNotFound
	}
	_, err = a.RevokeSession(ctx, id.SessionID)
	return err
}

// RevokeSession revokes session id: any admin their own, admins:manage
// anybody's. Revoking a revoked session changes (and audits) nothing.
func (a *App) RevokeSession(ctx context.Context, sessionID string) (admin.Session, error) {
	id, err := requireAdmin(ctx)
	if err != nil {
		return admin.Session{}, err
	}
	if !isUUID(sessionID) {
		return admin.Session{}, admin.ErrSessionNotFound
	}
	now := a.now()
	return a.store.RevokeSession(ctx, sessionID, now, a.revoke, func(s admin.Session) (store.Change, error) {
		perm := ""
		if s.AdminID != id.Subject {
			if !id.Has(admin.ManageAdmins) {
				return store.Change{}, errs.Denied("requires " + admin.ManageAdmins + " to revoke another admin's session")
			}
			perm = admin.ManageAdmins
		}
		return store.Change{Audit: &audit.Entry{
			Permission: perm, Action: "session.revoke", TargetType: "AdminSession", TargetID: s.ID,
			Before: map[string]any{"adminId": s.AdminID, "revokedAt": nil},
			After:  map[string]any{"adminId": s.AdminID, "revokedAt": now},
		}}, nil
	})
}

// revoke makes the sessions' tokens stop working in every subgraph.
func (a *App) revoke(ctx context.Context, sessionIDs []string) error {
	for _, sid := range sessionIDs {
		if err := auth.RevokeSession(ctx, a.rdb, sid, revokedFor); err != nil {
			return err
		}
	}
	return nil
}

// MaxSessionsListed bounds adminSessions.
const MaxSessionsListed = 100

// Sessions lists an admin's sessions: the caller's own (adminID nil or
// theirs), or with admins:manage anybody's.
func (a *App) Sessions(ctx context.Context, adminID *string) ([]admin.Session, error) {
	id, err := requireAdmin(ctx)
	if err != nil {
		return nil, err
	}
	target := id.Subject
	if adminID != nil && *adminID != id.Subject {
		if !id.Has(admin.ManageAdmins) {
			return nil, errs.Denied("requires " + admin.ManageAdmins + " to list another admin's sessions")
		}
		if !isUUID(*adminID) {
			return nil, admin.ErrAdminNotFound
		}
		found, err := a.store.AdminsByIDs(ctx, []string{*adminID})
		if err != nil {
			return nil, err
		}
		if _, ok := found[*adminID]; !ok {
			return nil, admin.ErrAdminNotFound
		}
		target = *adminID
	}
	return a.store.SessionsOf(ctx, target, MaxSessionsListed)
}

// IsCurrentSession reports whether sid is the caller's session.
func IsCurrentSession(ctx context.Context, sid string) bool {
	id, ok := auth.From(ctx)
	return ok && id.SessionID == sid
}

// Now is the app's clock (for "is this session active").
func (a *App) Now() time.Time { return a.now() }

// touchEvery is how often a session's lastSeenAt is written.
const touchEvery = time.Minute

// Touch records that the caller's admin session is in use, at most once a
// minute per session (remembered here, and guarded in SQL for other
// instances). Failures are not the request's problem: they are only logged.
func (a *App) Touch(ctx context.Context) error {
	id, ok := auth.From(ctx)
	if !ok || id.Role != auth.RoleAdmin || !isUUID(id.SessionID) {
		return nil
	}
	now := a.now()
	a.touchMu.Lock()
	last, seen := a.touched[id.SessionID]
	if seen && now.Sub(last) < touchEvery {
		a.touchMu.Unlock()
		return nil
	}
	if len(a.touched) > 10_000 { // bounded: forgetting only costs one extra UPDATE
		a.touched = map[string]time.Time{}
	}
	a.touched[id.SessionID] = now
	a.touchMu.Unlock()
	return a.store.TouchSession(ctx, id.SessionID, now)
}
