package auth_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/servicetest"
)

func TestRevocations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379"})
	defer rdb.Close()
	r := auth.NewRevocations(rdb, slog.New(slog.NewTextHandler(io.Discard, nil)))
	r.CacheFor = 50 * time.Millisecond
	user := auth.Identity{Subject: uuid.NewString(), SessionID: uuid.NewString()}
	require.False(t, r.Revoked(ctx, user, time.Now()))

	require.NoError(t, auth.Ban(ctx, rdb, user.Subject))
	require.Eventually(t, func() bool { return r.Revoked(ctx, user, time.Now()) }, time.Second, 10*time.Millisecond, "a ban reaches verifiers within CacheFor")
	require.NoError(t, auth.Unban(ctx, rdb, user.Subject))
	require.Eventually(t, func() bool { return !r.Revoked(ctx, user, time.Now()) }, time.Second, 10*time.Millisecond)

	admin := auth.Identity{Subject: uuid.NewString(), SessionID: uuid.NewString()}
	require.NoError(t, auth.RevokeSession(ctx, rdb, admin.SessionID, time.Minute))
	require.True(t, r.Revoked(ctx, admin, time.Now()), "a revoked session")
	other := auth.Identity{Subject: admin.Subject, SessionID: uuid.NewString()}
	require.False(t, r.Revoked(ctx, other, time.Now()), "the admin's other sessions still work")

	dead := auth.NewRevocations(redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.False(t, dead.Revoked(ctx, user, time.Now()), "fails open when Redis is down")
}

// With Redis down, admins keep working for the grace period and are then
// refused (retryable); shoppers keep working, marked read-only. A real
// redis-server of the test's own is killed.
func TestRevocationsWhenRedisIsDown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := servicetest.StartRedis(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr, DialTimeout: 200 * time.Millisecond, MaxRetries: -1})
	defer rdb.Close()
	iss := servicetest.NewIssuer(t)
	rev := auth.NewRevocations(rdb, slog.New(slog.NewTextHandler(io.Discard, nil)))
	rev.CacheFor, rev.AdminGrace, rev.ShopperGrace, rev.RetryEvery = 0, 3*time.Second, 0, time.Minute
	rev.Attach(iss.Verifier)
	verify := func(bearer string) (auth.Identity, error) { return iss.Verifier.Verify(ctx, bearer[len("Bearer "):]) }

	shopper := iss.Token(t, uuid.NewString(), auth.RoleCustomer)
	banned := uuid.NewString()
	bannedToken := iss.Token(t, banned, auth.RoleCustomer)
	admin := iss.Token(t, uuid.NewString(), auth.RoleAdmin, "catalog:write")
	require.NoError(t, auth.Ban(ctx, rdb, banned))

	id, err := verify(shopper)
	require.NoError(t, err)
	require.False(t, id.RevocationUnchecked)
	_, err = verify(bannedToken)
	require.ErrorIs(t, err, auth.ErrInvalidToken)
	_, err = verify(admin)
	require.NoError(t, err)

	srv.Kill()
	id, err = verify(shopper)
	require.NoError(t, err, "shoppers fail open")
	require.True(t, id.RevocationUnchecked, "…for reads only")
	start := time.Now()
	aid, err := verify(admin)
	require.NoError(t, err, "admins keep working during the grace period")
	require.False(t, aid.RevocationUnchecked)
	require.Less(t, time.Since(start), 50*time.Millisecond, "a dead Redis is not asked again on every request")

	time.Sleep(rev.AdminGrace)
	_, err = verify(admin)
	require.ErrorIs(t, err, auth.ErrRevocationUnknown, "admins fail closed after the grace period")
	_, err = auth.Require(auth.WithIdentity(ctx, id))
	require.NoError(t, err)
	require.ErrorIs(t, auth.ReadOnlyWhenUnconfirmed(auth.WithIdentity(ctx, id), true), auth.ErrUnconfirmedSession)
	require.NoError(t, auth.ReadOnlyWhenUnconfirmed(auth.WithIdentity(ctx, id), false))
}

// One unanswered check (a slow Redis under load) is a blip, not an outage:
// within ShopperGrace a shopper's token stays writable.
func TestRevocationBlipKeepsShoppersWritable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv := servicetest.StartRedis(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.Addr, DialTimeout: 200 * time.Millisecond, MaxRetries: -1})
	defer rdb.Close()
	iss := servicetest.NewIssuer(t)
	rev := auth.NewRevocations(rdb, slog.New(slog.NewTextHandler(io.Discard, nil)))
	rev.CacheFor, rev.ShopperGrace = 0, time.Minute
	rev.Attach(iss.Verifier)
	shopper := iss.Token(t, uuid.NewString(), auth.RoleCustomer)
	id, err := iss.Verifier.Verify(ctx, shopper[len("Bearer "):])
	require.NoError(t, err)
	require.False(t, id.RevocationUnchecked)

	srv.Kill()
	id, err = iss.Verifier.Verify(ctx, shopper[len("Bearer "):])
	require.NoError(t, err)
	require.False(t, id.RevocationUnchecked, "a shopper is not made read-only by one unanswered check")
}
