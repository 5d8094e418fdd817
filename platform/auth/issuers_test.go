package auth_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/servicetest"
)

// A key belongs to one issuer and an issuer grants only its own callers: the
// users key cannot sign an admin token (whatever `iss` it claims) and the
// admin key cannot sign a shopper.
func TestTokensAreBoundToTheirIssuer(t *testing.T) {
	t.Parallel()
	iss := servicetest.NewIssuer(t)
	ctx := context.Background()
	verify := func(s *auth.Signer, role string, scopes ...string) error {
		tok, _, err := s.Issue("someone", role, scopes, "session-1")
		require.NoError(t, err)
		_, err = iss.Verifier.Verify(ctx, tok)
		return err
	}
	asIssuer := func(s *auth.Signer, issuer string) *auth.Signer { return s.WithIssuer(issuer) }

	// The real thing works.
	require.NoError(t, verify(iss.Signer, auth.RoleCustomer))
	require.NoError(t, verify(iss.AdminSigner, auth.RoleAdmin, "catalog:write", "users:ban"))

	// The users key claiming iss purra-admin: no admin key has its kid.
	err := verify(asIssuer(iss.Signer, auth.IssuerAdmin), auth.RoleAdmin, "catalog:write")
	require.ErrorIs(t, err, auth.ErrInvalidToken)
	// The admin key claiming iss purra-users, likewise.
	require.ErrorIs(t, verify(asIssuer(iss.AdminSigner, auth.IssuerUsers), auth.RoleCustomer), auth.ErrInvalidToken)

	// The users issuer grants no ADMIN role and no admin permission.
	require.ErrorIs(t, verify(iss.Signer, auth.RoleAdmin), auth.ErrInvalidToken)
	require.ErrorIs(t, verify(iss.Signer, auth.RoleCustomer, "catalog:write"), auth.ErrInvalidToken)
	require.ErrorIs(t, verify(iss.Signer, auth.RoleCustomer, "ADMIN"), auth.ErrInvalidToken)
	// The admin issuer grants no shopper role.
	require.ErrorIs(t, verify(iss.AdminSigner, auth.RoleOwner), auth.ErrInvalidToken)
	require.ErrorIs(t, verify(iss.AdminSigner, auth.RoleAdmin, "OWNER"), auth.ErrInvalidToken)

	// An issuer nobody trusts, with a trusted key, is refused.
	require.ErrorIs(t, verify(asIssuer(iss.Signer, "purra-elsewhere"), auth.RoleCustomer), auth.ErrInvalidToken)
}

func TestVerifierPairsKeySetsWithIssuers(t *testing.T) {
	t.Parallel()
	_, err := auth.NewVerifier(context.Background(), []string{"http://127.0.0.1:1/jwks.json"}, []string{auth.IssuerUsers, auth.IssuerAdmin})
	require.Error(t, err)
}
