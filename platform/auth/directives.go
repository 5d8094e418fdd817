package auth

import (
	"context"
	"errors"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/purra/supergraph/platform/errs"
)

// Authenticated implements the federation @authenticated directive in the
// subgraph: the field resolves only for a verified caller.
func Authenticated(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	if _, err := Require(ctx); err != nil {
		return nil, err
	}
	return next(ctx)
}

// RequiresScopes implements @requiresScopes(scopes: [[…]]): the caller must
// hold every scope of at least one inner list. Shopper tokens carry their
// role as a scope (OWNER), admin tokens their permissions (catalog:write).
func RequiresScopes(ctx context.Context, _ any, next graphql.Resolver, scopes [][]string) (any, error) {
	id, err := Require(ctx)
	if err != nil {
		return nil, err
	}
	if !Satisfies(id, scopes) {
		return nil, errs.Denied("requires " + describe(scopes))
	}
	return next(ctx)
}

// Satisfies reports whether id holds all scopes of any alternative.
func Satisfies(id Identity, alternatives [][]string) bool {
	for _, all := range alternatives {
		ok := true
		for _, s := range all {
			if !id.Has(s) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// Require returns the caller's identity or an UNAUTHENTICATED error saying why.
func Require(ctx context.Context) (Identity, error) {
	if id, ok := From(ctx); ok {
		return id, nil
	}
	if err := tokenError(ctx); err != nil {
		if errors.Is(err, ErrRevocationUnknown) {
			return Identity{}, ErrUnconfirmedSession
		}
		if errors.Is(err, ErrExpiredToken) {
			return Identity{}, errs.Unauthorized("access token expired").WithReason("TOKEN_EXPIRED")
		}
		return Identity{}, errs.Unauthorized("invalid access token").WithReason("TOKEN_INVALID")
	}
	return Identity{}, errs.Unauthorized("sign in required")
}

// ErrUnconfirmedSession is what a caller whose session could not be checked
// against revocations is told: retryable, not a sign-out.
var ErrUnconfirmedSession = (&errs.Error{Code: errs.Unavailable,
	Message: "your session cannot be confirmed right now; try again shortly"}).WithReason("REVOCATION_UNAVAILABLE")

// ReadOnlyWhenUnconfirmed refuses a mutation by a shopper whose revocation
// could not be checked (Redis down): they may keep reading, not writing.
func ReadOnlyWhenUnconfirmed(ctx context.Context, isMutation bool) error {
	if id, ok := From(ctx); ok && id.RevocationUnchecked && isMutation {
		return ErrUnconfirmedSession
	}
	return nil
}

func describe(scopes [][]string) string {
	alts := make([]string, 0, len(scopes))
	for _, all := range scopes {
		alts = append(alts, strings.Join(all, " and "))
	}
	return strings.Join(alts, " or ")
}
