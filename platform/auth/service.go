package auth

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// Service credentials: who is calling a subgraph (the router, or another
// subgraph), as opposed to on whose behalf (the user's token in
// Authorization). Every caller signs a short-lived EdDSA token with its own
// per-environment key; every subgraph verifies it against the public keys of
// all services (a static JWKS from the environment). The contract, which the
// router's Node code and any other caller must follow exactly:
//
//	header  X-Service-Token: <compact JWS>
//	JOSE    {"alg":"EdDSA","typ":"JWT","kid":"<service>:<key thumbprint>"}
//	claims  iss = "purra-services", sub = the calling service ("router", "orders"…),
//	        aud = the receiving subgraph ("inventory"), iat, exp (exp − iat ≤ 5 min), jti
//
// A key belongs to the service named before the colon in its kid; a token
// whose sub is another service is refused, so one service's key cannot speak
// for another.
const (
	ServiceHeader = "X-Service-Token"
	ServiceIssuer = "purra-services"
	// ServiceTokenTTL is how long a service token lives; longer ones are refused.
	ServiceTokenTTL = 5 * time.Minute
	// RouterService is the name the router signs as.
	RouterService = "router"
)

// ServiceSigner mints the calling service's tokens, one per audience, cached
// until a minute before they expire.
type ServiceSigner struct {
	service string
	kid     string
	key     ed25519.PrivateKey
	now     func() time.Time

	mu    sync.Mutex
	cache map[string]cachedToken
}

type cachedToken struct {
	token   string
	expires time.Time
}

// NewServiceSigner reads service's private key (PKCS#8 PEM, Ed25519).
func NewServiceSigner(service string, pemKey []byte) (*ServiceSigner, error) {
	key, err := ParseServiceKey(pemKey)
	if err != nil {
		return nil, fmt.Errorf("service key of %s: %w", service, err)
	}
	return &ServiceSigner{
		service: service, kid: ServiceKID(service, key.Public().(ed25519.PublicKey)), key: key,
		now: time.Now, cache: map[string]cachedToken{},
	}, nil
}

// Service is the name this signer speaks for.
func (s *ServiceSigner) Service() string { return s.service }

// Token returns a token for calling audience (a subgraph name).
func (s *ServiceSigner) Token(audience string) (string, error) {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.cache[audience]; ok && now.Before(c.expires.Add(-time.Minute)) {
		return c.token, nil
	}
	tok, exp, err := s.sign(audience, now, ServiceTokenTTL)
	if err != nil {
		return "", err
	}
	s.cache[audience] = cachedToken{token: tok, expires: exp}
	return tok, nil
}

func (s *ServiceSigner) sign(audience string, now time.Time, ttl time.Duration) (string, time.Time, error) {
	exp := now.Add(ttl)
	t := jwt.NewWithClaims(jwt.SigningMethodEdDSA, jwt.RegisteredClaims{
		Issuer: ServiceIssuer, Subject: s.service, Audience: jwt.ClaimStrings{audience},
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(exp), ID: uuid.NewString(),
	})
	t.Header["kid"] = s.kid
	tok, err := t.SignedString(s.key)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("sign service token: %w", err)
	}
	return tok, exp, nil
}

// ServiceVerifier checks service tokens addressed to one subgraph.
type ServiceVerifier struct {
	audience string
	keys     map[string]ed25519.PublicKey // kid → key; the kid names its service
	now      func() time.Time
}

// ErrServiceToken is returned for a service token that does not verify.
var ErrServiceToken = errors.New("invalid service token")

// NewServiceVerifier trusts the public keys in jwks (a JSON Web Key Set of
// Ed25519 keys, "kty":"OKP") for tokens addressed to audience.
func NewServiceVerifier(audience string, jwks []byte) (*ServiceVerifier, error) {
	var set struct {
		Keys []struct {
			Kty string `json:"kty"`
			Crv string `json:"crv"`
			X   string `json:"x"`
			Kid string `json:"kid"`
		} `json:"keys"`
	}
	if err := json.Unmarshal(jwks, &set); err != nil {
		return nil, fmt.Errorf("service jwks: %w", err)
	}
	keys := make(map[string]ed25519.PublicKey, len(set.Keys))
	for _, k := range set.Keys {
		x, err := base64.RawURLEncoding.DecodeString(k.X)
		if k.Kty != "OKP" || k.Crv != "Ed25519" || err != nil || len(x) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("service jwks: key %q is not an Ed25519 public key", k.Kid)
		}
		if svc, _, ok := strings.Cut(k.Kid, ":"); !ok || svc == "" {
			return nil, fmt.Errorf("service jwks: kid %q does not name its service (<service>:<id>)", k.Kid)
		}
		keys[k.Kid] = ed25519.PublicKey(x)
	}
	if len(keys) == 0 {
		return nil, errors.New("service jwks: no keys")
	}
	return &ServiceVerifier{audience: audience, keys: keys, now: time.Now}, nil
}

// Verify returns the calling service named by a valid token.
func (v *ServiceVerifier) Verify(token string) (string, error) {
	var c jwt.RegisteredClaims
	var keyService string
	_, err := jwt.ParseWithClaims(token, &c, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		key, ok := v.keys[kid]
		if !ok {
			return nil, fmt.Errorf("unknown key %q", kid)
		}
		keyService, _, _ = strings.Cut(kid, ":")
		return key, nil
	},
		jwt.WithValidMethods([]string{"EdDSA"}),
		jwt.WithIssuer(ServiceIssuer),
		jwt.WithAudience(v.audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(5*time.Second),
		jwt.WithTimeFunc(v.now),
	)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrServiceToken, err)
	}
	switch {
	case c.Subject != keyService:
		return "", fmt.Errorf("%w: key of %s used for %q", ErrServiceToken, keyService, c.Subject)
	case c.IssuedAt == nil || c.ExpiresAt.Sub(c.IssuedAt.Time) > ServiceTokenTTL:
		return "", fmt.Errorf("%w: lifetime over %s", ErrServiceToken, ServiceTokenTTL)
	case len(c.Audience) != 1:
		return "", fmt.Errorf("%w: one audience expected", ErrServiceToken)
	}
	return c.Subject, nil
}

// ServiceKID is the key id of service's public key: "<service>:" and the
// first 16 characters of the key's SHA-256 in base64url, so rotating to a new
// key gives a new kid and both can be published during the change.
func ServiceKID(service string, pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return service + ":" + base64.RawURLEncoding.EncodeToString(sum[:])[:16]
}

// ParseServiceKey reads an Ed25519 private key in PKCS#8 PEM.
func ParseServiceKey(pemKey []byte) (ed25519.PrivateKey, error) {
	block, _ := pem.Decode(pemKey)
	if block == nil {
		return nil, errors.New("not PEM")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, err
	}
	key, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, errors.New("not an Ed25519 key")
	}
	return key, nil
}

type callerKey struct{}
type callerErrKey struct{}

// WithCaller returns ctx carrying the verified calling service.
func WithCaller(ctx context.Context, service string) context.Context {
	return context.WithValue(ctx, callerKey{}, service)
}

// Caller returns the verified calling service ("router", "orders"…), if any.
func Caller(ctx context.Context) (string, bool) {
	s, ok := ctx.Value(callerKey{}).(string)
	return s, ok
}

// callerError is why a presented service token was refused.
func callerError(ctx context.Context) error {
	err, _ := ctx.Value(callerErrKey{}).(error)
	return err
}

// AuthenticateService verifies a service token (the X-Service-Token value)
// into ctx; an invalid one is remembered so refusals can say why.
func (v *ServiceVerifier) AuthenticateService(ctx context.Context, token string) context.Context {
	if token == "" {
		return ctx
	}
	caller, err := v.Verify(strings.TrimSpace(token))
	if err != nil {
		return context.WithValue(ctx, callerErrKey{}, err)
	}
	return WithCaller(ctx, caller)
}
