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
type Verifier struct {
	kf      keyfunc.Keyfunc
	issuers []string
	// Revoked, when set, is asked whether a verified token has been revoked
	// since it was issued (banned user, revoked session).
	Revoked func(ctx context.Context, id Identity, issuedAt time.Time) bool
}

// NewVerifier fetches keys from jwksURLs. Services start in any order, so an
// unreachable JWKS at start is not an error: keys are fetched when they are needed.
func NewVerifier(ctx context.Context, jwksURLs, issuers []string) (*Verifier, error) {
	storages := make([]jwkset.Storage, 0, len(jwksURLs))
	for _, u := range jwksURLs {
		s, err := jwkset.NewStorageFromHTTP(u, jwkset.HTTPClientStorageOptions{
			Ctx:                       ctx,
			NoErrorReturnFirstHTTPReq: true,
			RefreshInterval:           10 * time.Minute,
			HTTPTimeout:               5 * time.Second,
		})
		if err != nil {
			return nil, fmt.Errorf("jwks %s: %w", u, err)
		}
		storages = append(storages, s)
	}
	given := jwkset.NewMemoryStorage()
	multi, err := jwkset.NewHTTPClient(jwkset.HTTPClientOptions{
		Given:             given,
		HTTPURLs:          urlMap(jwksURLs, storages),
		RefreshUnknownKID: rateLimiter(),
	})
	if err != nil {
		return nil, fmt.Errorf("jwks client: %w", err)
	}
	kf, err := keyfunc.New(keyfunc.Options{Ctx: ctx, Storage: multi})
	if err != nil {
		return nil, fmt.Errorf("keyfunc: %w", err)
	}
	return &Verifier{kf: kf, issuers: issuers}, nil
}

func urlMap(urls []string, storages []jwkset.Storage) map[string]jwkset.Storage {
	m := make(map[string]jwkset.Storage, len(urls))
	for i, u := range urls {
		m[u] = storages[i]
	}
	return m
}

// ErrInvalidToken is returned for any token that does not verify.
var ErrInvalidToken = errors.New("invalid token")

// ErrExpiredToken is returned for a well-signed but expired token.
var ErrExpiredToken = errors.New("token expired")

// Verify checks signature, algorithm, expiry and issuer, and returns the identity.
func (v *Verifier) Verify(ctx context.Context, token string) (Identity, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(token, &c, v.kf.KeyfuncCtx(ctx),
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
	if !v.trusts(c.Issuer) || c.Subject == "" {
		return Identity{}, fmt.Errorf("%w: untrusted issuer", ErrInvalidToken)
	}
	id := Identity{Subject: c.Subject, Role: c.Role, Scopes: strings.Fields(c.Scope), SessionID: c.SessionID, TokenID: c.ID}
	if v.Revoked != nil && c.IssuedAt != nil && v.Revoked(ctx, id, c.IssuedAt.Time) {
		return Identity{}, fmt.Errorf("%w: revoked", ErrInvalidToken)
	}
	return id, nil
}

func (v *Verifier) trusts(iss string) bool {
	for _, i := range v.issuers {
		if i == iss {
			return true
		}
	}
	return false
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
