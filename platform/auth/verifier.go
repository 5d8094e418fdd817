package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/time/rate"
)

// Claims are the claims of Purra access tokens.
type Claims struct {
	jwt.RegisteredClaims
	Role      string `json:"role"`
	Scope     string `json:"scope"`
	SessionID string `json:"sid,omitempty"`
}

// Verifier checks access tokens against the JWKS of the issuers, cached and
// refreshed in the background (and at once when an unknown kid shows up).
// Each key set belongs to one issuer: a token verifies only with a key of
// the issuer it names in `iss`, and only carries what that issuer may grant
// (Policies), so the users subgraph's key cannot mint an admin token.
type Verifier struct {
	byIssuer map[string]keyfunc.Keyfunc
	// Policies say which claims each issuer may grant; a token from an issuer
	// without a policy is refused. NewVerifier sets DefaultPolicies.
	Policies map[string]Policy
	// Revoked, when set, is asked whether a verified token has been revoked
	// since it was issued (banned user, revoked session).
	Revoked func(ctx context.Context, id Identity, issuedAt time.Time) bool
	// Unchecked, when set, is asked after Revoked whether the revocation
	// check could not be made (Redis down): such identities may read only.
	Unchecked func(ctx context.Context, id Identity) bool
}

// NewVerifier trusts issuers[i] with the keys published at jwksURLs[i].
// Services start in any order, so an unreachable JWKS at start is not an
// error: keys are fetched when they are needed.
func NewVerifier(ctx context.Context, jwksURLs, issuers []string) (*Verifier, error) {
	if len(jwksURLs) != len(issuers) {
		return nil, fmt.Errorf("jwks: %d key set URLs for %d issuers: JWKS_URLS and JWT_ISSUERS pair up one to one", len(jwksURLs), len(issuers))
	}
	v := &Verifier{byIssuer: map[string]keyfunc.Keyfunc{}, Policies: DefaultPolicies()}
	for i, u := range jwksURLs {
		if _, dup := v.byIssuer[issuers[i]]; dup {
			return nil, fmt.Errorf("jwks: issuer %s listed twice", issuers[i])
		}
		kf, err := issuerKeys(ctx, u)
		if err != nil {
			return nil, err
		}
		v.byIssuer[issuers[i]] = kf
	}
	return v, nil
}

func issuerKeys(ctx context.Context, url string) (keyfunc.Keyfunc, error) {
	storage, err := jwkset.NewStorageFromHTTP(url, jwkset.HTTPClientStorageOptions{
		Ctx:                       ctx,
		NoErrorReturnFirstHTTPReq: true,
		RefreshInterval:           10 * time.Minute,
		HTTPTimeout:               5 * time.Second,
	})
	if err != nil {
		return nil, fmt.Errorf("jwks %s: %w", url, err)
	}
	client, err := jwkset.NewHTTPClient(jwkset.HTTPClientOptions{
		Given:             jwkset.NewMemoryStorage(),
		HTTPURLs:          map[string]jwkset.Storage{url: storage},
		RefreshUnknownKID: rateLimiter(),
	})
	if err != nil {
		return nil, fmt.Errorf("jwks client %s: %w", url, err)
	}
	kf, err := keyfunc.New(keyfunc.Options{Ctx: ctx, Storage: client})
	if err != nil {
		return nil, fmt.Errorf("keyfunc %s: %w", url, err)
	}
	return kf, nil
}

// ErrInvalidToken is returned for any token that does not verify.
var ErrInvalidToken = errors.New("invalid token")

// ErrRevocationUnknown refuses an admin token whose revocation could not be
// checked for longer than the grace period (Redis down).
var ErrRevocationUnknown = errors.New("session cannot be confirmed right now")

// ErrExpiredToken is returned for a well-signed but expired token.
var ErrExpiredToken = errors.New("token expired")

// Verify checks signature (with a key of the token's own issuer), algorithm,
// expiry, the issuer's policy and revocation, and returns the identity.
func (v *Verifier) Verify(ctx context.Context, token string) (Identity, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(token, &c, v.keyOfIssuer(ctx),
		jwt.WithValidMethods([]string{"RS256", "EdDSA"}),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(5*time.Second),
	)
	if errors.Is(err, jwt.ErrTokenExpired) {
		return Identity{}, ErrExpiredToken
	}
	if err != nil {
		return Identity{}, fmt.Errorf("%w: %v", ErrInvalidToken, err)
	}
	if c.Subject == "" {
		return Identity{}, fmt.Errorf("%w: no subject", ErrInvalidToken)
	}
	policy, ok := v.Policies[c.Issuer]
	if !ok {
		return Identity{}, fmt.Errorf("%w: no policy for issuer %q", ErrInvalidToken, c.Issuer)
	}
	if err := policy(c); err != nil {
		return Identity{}, fmt.Errorf("%w: issuer %s: %v", ErrInvalidToken, c.Issuer, err)
	}
	id := Identity{Subject: c.Subject, Issuer: c.Issuer, Role: c.Role, Scopes: strings.Fields(c.Scope), SessionID: c.SessionID, TokenID: c.ID}
	if v.Revoked != nil && c.IssuedAt != nil && v.Revoked(ctx, id, c.IssuedAt.Time) {
		if v.Unchecked != nil && v.Unchecked(ctx, id) {
			return Identity{}, ErrRevocationUnknown
		}
		return Identity{}, fmt.Errorf("%w: revoked", ErrInvalidToken)
	}
	if v.Unchecked != nil && id.Issuer != IssuerAdmin && v.Unchecked(ctx, id) {
		id.RevocationUnchecked = true // a shopper let in for reads only
	}
	return id, nil
}

// keyOfIssuer looks the token's kid up only among the keys of the issuer
// its (not yet verified) `iss` names: a key of another issuer never matches.
func (v *Verifier) keyOfIssuer(ctx context.Context) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		c, ok := t.Claims.(*Claims)
		if !ok {
			return nil, errors.New("unexpected claims")
		}
		kf, ok := v.byIssuer[c.Issuer]
		if !ok {
			return nil, fmt.Errorf("untrusted issuer %q", c.Issuer)
		}
		return kf.KeyfuncCtx(ctx)(t)
	}
}

// Middleware verifies a bearer token when one is presented. A request
// without a token is anonymous; one with a bad token carries the reason, and
// operations that need authentication answer UNAUTHENTICATED with it.
func (v *Verifier) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := v.Authenticate(r.Context(), r.Header.Get("Authorization"))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Authenticate verifies an Authorization header value ("Bearer …") into ctx.
// Websocket connections call it with connectionParams' Authorization.
func (v *Verifier) Authenticate(ctx context.Context, header string) context.Context {
	if header == "" {
		return ctx
	}
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok {
		return withTokenError(ctx, fmt.Errorf("%w: expected a Bearer token", ErrInvalidToken))
	}
	id, err := v.Verify(ctx, strings.TrimSpace(token))
	if err != nil {
		return withTokenError(ctx, err)
	}
	return WithIdentity(withAuthorization(ctx, header), id)
}

// rateLimiter bounds JWKS refreshes triggered by unknown key ids (a rotated
// key, or keys not fetched yet because the issuer started after us) so that
// forged kids cannot hammer the issuer.
func rateLimiter() *rate.Limiter { return rate.NewLimiter(rate.Every(5*time.Second), 2) }
