// Package auth verifies JWT access tokens against the issuers' JWKS and puts
// the caller's identity in the request context. Subgraphs trust only what
// they verified themselves: a role in a header or an unverified claim counts
// for nothing.
package auth

import (
	"context"
	"slices"
)

// Shopper roles, carried in access tokens issued by the users subgraph.
const (
	RoleCustomer = "CUSTOMER"
	RoleRetailer = "RETAILER"
	RoleOwner    = "OWNER"
	RoleAdmin    = "ADMIN"
)

// Identity is a verified caller.
type Identity struct {
	// Subject is the user's (or admin's) id.
	Subject string
	// Issuer is the token's verified issuer (IssuerUsers, IssuerAdmin).
	Issuer string
	Role   string
	// Scopes hold the role and, for admins, permissions such as "catalog:write".
	Scopes    []string
	SessionID string
	TokenID   string
	// RevocationUnchecked: Redis could not say whether this token was revoked
	// and the shopper was let in for reads only (see Revocations).
	RevocationUnchecked bool
}

// Has reports whether the identity carries scope.
func (i Identity) Has(scope string) bool { return slices.Contains(i.Scopes, scope) }

type identityKey struct{}
type rawAuthKey struct{}

// withAuthorization keeps the caller's Authorization header so that calls to
// other subgraphs on the caller's behalf carry the same credentials.
func withAuthorization(ctx context.Context, header string) context.Context {
	return context.WithValue(ctx, rawAuthKey{}, header)
}

// Authorization returns the caller's verified Authorization header, or "".
func Authorization(ctx context.Context) string {
	h, _ := ctx.Value(rawAuthKey{}).(string)
	return h
}

type authErrKey struct{}

// WithIdentity returns ctx carrying id.
func WithIdentity(ctx context.Context, id Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, id)
}

// From returns the verified identity, if any.
func From(ctx context.Context) (Identity, bool) {
	id, ok := ctx.Value(identityKey{}).(Identity)
	return id, ok
}

// withTokenError records why a presented token was refused, so directives can
// say "token expired" rather than just "not authenticated".
func withTokenError(ctx context.Context, err error) context.Context {
	return context.WithValue(ctx, authErrKey{}, err)
}

func tokenError(ctx context.Context) error {
	err, _ := ctx.Value(authErrKey{}).(error)
	return err
}
