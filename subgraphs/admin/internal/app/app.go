// Package app holds the admin subgraph's use cases: who may do what, which
// rate limits apply, and where transactions begin and end. Resolvers call
// it; it calls the admin domain and the store.
package app

import (
	"context"
	"github.com/purra/supergraph/platform/credential"
	"runtime"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/store"
)

// Limiter spends rate-limit budget (platform/cache.Limiter).
type Limiter interface {
	Allow(ctx context.Context, key string, perMinute int) error
}

// App is the admin subgraph's application layer.
type App struct {
	store   *store.Store
	signer  *auth.Signer
	limiter Limiter
	rdb     *redis.Client // where revocations travel to every subgraph
	topic   string
	now     func() time.Time
	// hashing bounds concurrent argon2id computations (19 MiB each).
	hashing chan struct{}
	// dummyHash is checked when the email is unknown, so a login takes as
	// long whether or not the account exists.
	dummyHash string

	touchMu sync.Mutex
	touched map[string]time.Time // session id → last recorded activity
}

// New returns the application; topic is where events go (admin.events).
func New(st *store.Store, signer *auth.Signer, limiter Limiter, rdb *redis.Client, topic string) (*App, error) {
	dummy, err := credential.HashPassword(uuid.NewString())
	if err != nil {
		return nil, err
	}
	return &App{
		store: st, signer: signer, limiter: limiter, rdb: rdb, topic: topic,
		now:       func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		hashing:   make(chan struct{}, max(2, runtime.GOMAXPROCS(0))),
		dummyHash: dummy,
		touched:   map[string]time.Time{},
	}, nil
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// requireAdmin returns the caller's identity if it is an admin. Shopper
// tokens never carry admin permissions, but admin-only operations check
// the role as well (defence in depth).
func requireAdmin(ctx context.Context) (auth.Identity, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return id, err
	}
	if id.Role != auth.RoleAdmin {
		return id, admin.ErrNotAdmin
	}
	return id, nil
}

// requirePermission returns the caller's identity if it is an admin holding perm.
func requirePermission(ctx context.Context, perm string) (auth.Identity, error) {
	id, err := requireAdmin(ctx)
	if err != nil {
		return id, err
	}
	if !id.Has(perm) {
		return id, errs.Denied("requires " + perm)
	}
	return id, nil
}

// isUUID reports whether s is a UUID in canonical form; anything else names no row.
func isUUID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil && len(s) == 36
}

// validUUIDs keeps the ids that are UUIDs (Postgres would reject others in a uuid[]).
func validUUIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if isUUID(id) {
			out = append(out, id)
		}
	}
	return out
}

func (a *App) hashPassword(ctx context.Context, pw string) (string, error) {
	if err := a.acquireHasher(ctx); err != nil {
		return "", err
	}
	defer func() { <-a.hashing }()
	return credential.HashPassword(pw)
}

func (a *App) checkPassword(ctx context.Context, hash, pw string) (bool, error) {
	if err := a.acquireHasher(ctx); err != nil {
		return false, err
	}
	defer func() { <-a.hashing }()
	return credential.CheckPassword(hash, pw)
}

func (a *App) acquireHasher(ctx context.Context) error {
	select {
	case a.hashing <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// AdminsByIDs loads admins for the loaders.
func (a *App) AdminsByIDs(ctx context.Context, ids []string) (map[string]admin.Admin, error) {
	return a.store.AdminsByIDs(ctx, validUUIDs(ids))
}

// RolesByIDs loads roles for the loaders.
func (a *App) RolesByIDs(ctx context.Context, ids []string) (map[string]admin.Role, error) {
	return a.store.RolesByIDs(ctx, validUUIDs(ids))
}
