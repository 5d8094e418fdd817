package auth_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/servicetest"
)

func TestVerify(t *testing.T) {
	t.Parallel()
	iss := servicetest.NewIssuer(t)
	ctx := context.Background()

	good := iss.Token(t, "user-1", auth.RoleOwner)
	id, err := iss.Verifier.Verify(ctx, good[len("Bearer "):])
	require.NoError(t, err)
	require.Equal(t, "user-1", id.Subject)
	require.Equal(t, auth.RoleOwner, id.Role)
	require.True(t, id.Has("OWNER"))

	// A token signed by another key with the same kid-less header is refused.
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	forged, err := jwt.NewWithClaims(jwt.SigningMethodRS256, auth.Claims{
		RegisteredClaims: jwt.RegisteredClaims{Issuer: "purra-users", Subject: "user-1", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))},
		Role:             auth.RoleOwner, Scope: "OWNER ADMIN",
	}).SignedString(other)
	require.NoError(t, err)
	_, err = iss.Verifier.Verify(ctx, forged)
	require.ErrorIs(t, err, auth.ErrInvalidToken)

	// alg=none and HS256 with the public key as secret are refused.
	none, err := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"iss": "purra-users", "sub": "x", "exp": time.Now().Add(time.Hour).Unix()}).SignedString(jwt.UnsafeAllowNoneSignatureType)
	require.NoError(t, err)
	_, err = iss.Verifier.Verify(ctx, none)
	require.ErrorIs(t, err, auth.ErrInvalidToken)

	// Expired tokens say so.
	expired, err := auth.NewSigner(ctx, "purra-users", -time.Minute, "k", other)
	require.NoError(t, err)
	tok, _, err := expired.Issue("user-1", auth.RoleCustomer, nil, "")
	require.NoError(t, err)
	_, err = iss.Verifier.Verify(ctx, tok)
	require.Error(t, err)
	_, err = iss.Verifier.Verify(ctx, "garbage")
	require.ErrorIs(t, err, auth.ErrInvalidToken)
}

func TestDirectives(t *testing.T) {
	t.Parallel()
	iss := servicetest.NewIssuer(t)
	next := func(context.Context) (any, error) { return "ok", nil }
	ctx := context.Background()

	_, err := auth.Authenticated(ctx, nil, next)
	require.Equal(t, errs.Unauthenticated, errs.CodeOf(err))

	bad := iss.Verifier.Authenticate(ctx, "Bearer nonsense")
	_, err = auth.Authenticated(bad, nil, next)
	require.Equal(t, errs.Unauthenticated, errs.CodeOf(err))
	require.ErrorIs(t, err, errs.Unauthorized("").WithReason("TOKEN_INVALID"))

	customer := iss.Verifier.Authenticate(ctx, iss.Token(t, "u1", auth.RoleCustomer))
	v, err := auth.Authenticated(customer, nil, next)
	require.NoError(t, err)
	require.Equal(t, "ok", v)

	owners := [][]string{{"OWNER"}, {"catalog:write"}}
	_, err = auth.RequiresScopes(customer, nil, next, owners)
	require.Equal(t, errs.Forbidden, errs.CodeOf(err))
	_, err = auth.RequiresScopes(ctx, nil, next, owners)
	require.Equal(t, errs.Unauthenticated, errs.CodeOf(err))

	owner := iss.Verifier.Authenticate(ctx, iss.Token(t, "u2", auth.RoleOwner))
	_, err = auth.RequiresScopes(owner, nil, next, owners)
	require.NoError(t, err)
	admin := iss.Verifier.Authenticate(ctx, iss.Token(t, "a1", auth.RoleAdmin, "catalog:write"))
	_, err = auth.RequiresScopes(admin, nil, next, owners)
	require.NoError(t, err)
	_, err = auth.RequiresScopes(admin, nil, next, [][]string{{"catalog:write", "users:ban"}})
	require.Equal(t, errs.Forbidden, errs.CodeOf(err), "every scope of an alternative is needed")
}
