package auth_test

import (
	"context"
	"crypto/ed25519"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/servicetest"
)

func TestServiceToken(t *testing.T) {
	t.Parallel()
	ks := servicetest.ServiceKeys(t)
	inventory, err := auth.NewServiceVerifier("inventory", ks.JWKS)
	require.NoError(t, err)
	orders, err := ks.Signer("orders")
	require.NoError(t, err)

	tok, err := orders.Token("inventory")
	require.NoError(t, err)
	caller, err := inventory.Verify(tok)
	require.NoError(t, err)
	require.Equal(t, "orders", caller)
	again, err := orders.Token("inventory")
	require.NoError(t, err)
	require.Equal(t, tok, again, "a token is reused while it has over a minute left")

	// The same key's claims, parsed: sub, aud, iss, lifetime.
	var c jwt.RegisteredClaims
	_, _, err = jwt.NewParser().ParseUnverified(tok, &c)
	require.NoError(t, err)
	require.Equal(t, "orders", c.Subject)
	require.Equal(t, jwt.ClaimStrings{"inventory"}, c.Audience)
	require.Equal(t, auth.ServiceIssuer, c.Issuer)
	require.LessOrEqual(t, c.ExpiresAt.Sub(c.IssuedAt.Time), auth.ServiceTokenTTL)

	other, err := auth.GenerateServiceKeys([]string{"orders"}) // the right name, another key
	require.NoError(t, err)
	ordersPEM := ks.Private["orders"]
	ordersKey, err := auth.ParseServiceKey(ordersPEM)
	require.NoError(t, err)
	ordersKID := auth.ServiceKID("orders", ordersKey.Public().(ed25519.PublicKey))
	otherKey, _ := auth.ParseServiceKey(other.Private["orders"])
	otherKID := auth.ServiceKID("orders", otherKey.Public().(ed25519.PublicKey))
	promotionsKey, _ := auth.ParseServiceKey(ks.Private["promotions"])
	promotionsKID := auth.ServiceKID("promotions", promotionsKey.Public().(ed25519.PublicKey))

	expired := servicetest.ServiceClaims("orders", "inventory")
	expired.IssuedAt = jwt.NewNumericDate(time.Now().Add(-10 * time.Minute))
	expired.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-6 * time.Minute))
	tooLong := servicetest.ServiceClaims("orders", "inventory")
	tooLong.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	wrongIss := servicetest.ServiceClaims("orders", "inventory")
	wrongIss.Issuer = "purra-users"
	twoAud := servicetest.ServiceClaims("orders", "inventory")
	twoAud.Audience = jwt.ClaimStrings{"inventory", "promotions"}

	for name, forged := range map[string]string{
		"another key, same kid":            servicetest.ForgeServiceToken(t, other.Private["orders"], ordersKID, servicetest.ServiceClaims("orders", "inventory")),
		"another key, its own kid":         servicetest.ForgeServiceToken(t, other.Private["orders"], otherKID, servicetest.ServiceClaims("orders", "inventory")),
		"for another audience":             servicetest.ForgeServiceToken(t, ordersPEM, ordersKID, servicetest.ServiceClaims("orders", "promotions")),
		"promotions' key claiming orders":  servicetest.ForgeServiceToken(t, ks.Private["promotions"], promotionsKID, servicetest.ServiceClaims("orders", "inventory")),
		"expired":                          servicetest.ForgeServiceToken(t, ordersPEM, ordersKID, expired),
		"living longer than five minutes":  servicetest.ForgeServiceToken(t, ordersPEM, ordersKID, tooLong),
		"another issuer":                   servicetest.ForgeServiceToken(t, ordersPEM, ordersKID, wrongIss),
		"two audiences":                    servicetest.ForgeServiceToken(t, ordersPEM, ordersKID, twoAud),
		"HS256 with the public key string": hs256(t, ordersKID),
		"garbage":                          "not.a.token",
	} {
		_, err := inventory.Verify(forged)
		require.ErrorIs(t, err, auth.ErrServiceToken, name)
	}
}

func hs256(t *testing.T, kid string) string {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, servicetest.ServiceClaims("orders", "inventory"))
	tok.Header["kid"] = kid
	s, err := tok.SignedString([]byte("secret"))
	require.NoError(t, err)
	return s
}

func TestRequireCaller(t *testing.T) {
	t.Parallel()
	ks := servicetest.ServiceKeys(t)
	v, err := auth.NewServiceVerifier("inventory", ks.JWKS)
	require.NoError(t, err)
	ctx := context.Background()

	err = auth.RequireCaller(ctx, []string{"orders"}, "mutation reserveStock")
	require.Equal(t, errs.Unauthenticated, errs.CodeOf(err))
	require.ErrorIs(t, err, errs.Unauthorized("").WithReason("SERVICE_CREDENTIAL_REQUIRED"))

	bad := v.AuthenticateService(ctx, "forged")
	require.ErrorIs(t, auth.RequireCaller(bad, []string{"orders"}, "x"), errs.Unauthorized("").WithReason("SERVICE_CREDENTIAL_INVALID"))

	asRouter := v.AuthenticateService(ctx, servicetest.ServiceToken(t, "router", "inventory"))
	require.ErrorIs(t, auth.RequireCaller(asRouter, []string{"orders"}, "x"), errs.Denied("").WithReason("CALLER_NOT_ALLOWED"))
	require.NoError(t, auth.RequireCaller(asRouter, nil, "introspection"), "any verified service may introspect")

	asOrders := v.AuthenticateService(ctx, servicetest.ServiceToken(t, "orders", "inventory"))
	require.NoError(t, auth.RequireCaller(asOrders, []string{"orders"}, "x"))
}
