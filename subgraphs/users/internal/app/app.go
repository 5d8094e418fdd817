// Package app holds the users subgraph's use cases: who may do what, which
// rate limits apply, and where transactions begin and end. Resolvers call it;
// it calls the user domain and the store.
package app

import (
	"context"
	"github.com/purra/supergraph/platform/credential"
	"log/slog"
	"runtime"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/subgraphs/users/internal/store"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// Limiter spends rate-limit budget (platform/cache.Limiter).
type Limiter interface {
	Allow(ctx context.Context, key string, perMinute int) error
}

// App is the users subgraph's application layer.
type App struct {
	store   *store.Store
	signer  *auth.Signer
	limiter Limiter
	// rdb carries bans to every subgraph (platform/auth revocations).
	rdb   *redis.Client
	log   *slog.Logger
	topic string
	now   func() time.Time
	// hashing bounds concurrent argon2id computations (19 MiB each), so a
	// burst of logins queues instead of exhausting memory.
	hashing chan struct{}
	// dummyHash is checked against when the email is unknown, so that a
	// login takes as long whether or not the account exists.
	dummyHash string
}

// New returns the application. rdb is the Redis shared by every subgraph
// (bans), topic is where events go (users.events).
func New(st *store.Store, signer *auth.Signer, limiter Limiter, rdb *redis.Client, log *slog.Logger, topic string) (*App, error) {
	dummy, err := credential.HashPassword(uuid.NewString())
	if err != nil {
		return nil, err
	}
	return &App{
		store: st, signer: signer, limiter: limiter, rdb: rdb, log: log, topic: topic,
		now:       func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		hashing:   make(chan struct{}, max(2, runtime.GOMAXPROCS(0))),
		dummyHash: dummy,
	}, nil
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// callerID is the signed-in user's id. A verified token whose subject is not
// a user id (an admin token, say) has no user account here.
func callerID(ctx context.Context) (string, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return "", err
	}
	if _, err := uuid.Parse(id.Subject); err != nil {
		return "", user.ErrUserNotFound
	}
	return id.Subject, nil
}

// IsSelf reports whether the caller is user userID: personal fields (email,
// phone, GSTIN, addresses) are shown to nobody else.
func (a *App) IsSelf(ctx context.Context, userID string) bool {
	id, ok := auth.From(ctx)
	return ok && id.Subject == userID
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

// validUUIDs keeps the ids that are UUIDs: anything else names no row, and
// Postgres would reject it in a uuid[] parameter.
func validUUIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if _, err := uuid.Parse(id); err == nil {
			out = append(out, id)
		}
	}
	return out
}
