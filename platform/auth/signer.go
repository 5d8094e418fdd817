package auth

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Signer issues RS256 access tokens for an issuer (the users subgraph for
// shoppers, the admin subgraph for admins) and serves its public JWKS.
//
// Loaded from the database (LoadSigner), it signs with the newest key whose
// time has come and publishes, beside it, a key announced by RotateSigningKey
// (so verifiers know it before any token carries it) and the previous key
// until every token it signed has expired: a rotation signs nobody out.
// It rereads the keys every RefreshEvery, so every instance follows a
// rotation made by `make rotate-keys`.
type Signer struct {
	Issuer string
	TTL    time.Duration
	// RefreshEvery is how often the keys are reread from the database.
	RefreshEvery time.Duration

	db  *pgxpool.Pool
	enc *KeyEncryption

	mu       sync.Mutex
	kid      string
	key      *rsa.PrivateKey
	jwks     []byte
	loadedAt time.Time
}

// LoadSigner reads the issuer's signing keys from its database (encrypted
// with enc), creating the first one on first start and encrypting keys an
// older version stored in clear.
func LoadSigner(ctx context.Context, db *pgxpool.Pool, issuer string, ttl time.Duration, enc *KeyEncryption) (*Signer, error) {
	if enc == nil {
		return nil, fmt.Errorf("signing keys: no %s", KeyEncryptionEnv)
	}
	if err := sealPlaintextKeys(ctx, db, enc); err != nil {
		return nil, err
	}
	if err := ensureKey(ctx, db, enc); err != nil {
		return nil, err
	}
	s := &Signer{Issuer: issuer, TTL: ttl, RefreshEvery: 15 * time.Second, db: db, enc: enc}
	if err := s.reload(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// reload picks the signing key and the published set from the database.
func (s *Signer) reload(ctx context.Context) error {
	keys, err := loadKeys(ctx, s.db, s.enc, s.TTL+retiredKeyMargin)
	if err != nil {
		return err
	}
	now := time.Now()
	var current *storedKey
	pubs := make([]pubKey, 0, len(keys))
	for i := range keys {
		k := &keys[i]
		pubs = append(pubs, pubKey{k.kid, &k.key.PublicKey})
		if !k.createdAt.After(now) && (current == nil || k.createdAt.After(current.createdAt)) {
			current = k
		}
	}
	if current == nil {
		return fmt.Errorf("signing keys: none is active yet")
	}
	jwks, err := publicJWKS(ctx, pubs...)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.kid, s.key, s.jwks, s.loadedAt = current.kid, current.key, jwks, now
	s.mu.Unlock()
	return nil
}

// current returns the signing key and JWKS, rereading them when stale. A
// database hiccup keeps the keys in hand rather than failing logins.
func (s *Signer) current(ctx context.Context) (kid string, key *rsa.PrivateKey, jwks []byte) {
	s.mu.Lock()
	stale := s.db != nil && time.Since(s.loadedAt) > s.RefreshEvery
	s.mu.Unlock()
	if stale {
		_ = s.reload(ctx) // on error: keep signing with the keys loaded last
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.kid, s.key, s.jwks
}

type pubKey struct {
	kid string
	pub *rsa.PublicKey
}

func publicJWKS(ctx context.Context, keys ...pubKey) ([]byte, error) {
	set := jwkset.NewMemoryStorage()
	for _, k := range keys {
		jwk, err := jwkset.NewJWKFromKey(k.pub, jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{
			KID: k.kid, ALG: jwkset.AlgRS256, USE: jwkset.UseSig,
		}})
		if err != nil {
			return nil, fmt.Errorf("jwk: %w", err)
		}
		if err := set.KeyWrite(ctx, jwk); err != nil {
			return nil, fmt.Errorf("jwks: %w", err)
		}
	}
	raw, err := set.JSONPublic(ctx)
	if err != nil {
		return nil, fmt.Errorf("jwks json: %w", err)
	}
	return json.RawMessage(raw), nil
}

// Issue signs an access token for subject with role and scopes.
func (s *Signer) Issue(subject, role string, scopes []string, sessionID string) (token string, expires time.Time, err error) {
	kid, key, _ := s.current(context.Background())
	now := time.Now()
	expires = now.Add(s.TTL)
	c := Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer: s.Issuer, Subject: subject, ID: uuid.NewString(),
			IssuedAt: jwt.NewNumericDate(now), NotBefore: jwt.NewNumericDate(now.Add(-time.Second)),
			ExpiresAt: jwt.NewNumericDate(expires),
		},
		Role: role, Scope: joinScopes(role, scopes), SessionID: sessionID,
	}
	t := jwt.NewWithClaims(jwt.SigningMethodRS256, c)
	t.Header["kid"] = kid
	token, err = t.SignedString(key)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("sign token: %w", err)
	}
	return token, expires, nil
}

// KeyID is the kid new tokens carry.
func (s *Signer) KeyID() string {
	kid, _, _ := s.current(context.Background())
	return kid
}

func joinScopes(role string, scopes []string) string {
	out := role
	for _, sc := range scopes {
		out += " " + sc
	}
	return out
}

// JWKSHandler serves the public keys at /.well-known/jwks.json. Verifiers
// cache it for five minutes and refetch at once on an unknown kid.
func (s *Signer) JWKSHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _, jwks := s.current(r.Context())
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "public, max-age=300")
		_, _ = w.Write(jwks)
	})
}

// NewSigner wraps an in-memory key; tests use it with an httptest JWKS server.
func NewSigner(ctx context.Context, issuer string, ttl time.Duration, kid string, key *rsa.PrivateKey) (*Signer, error) {
	s := &Signer{Issuer: issuer, TTL: ttl, kid: kid, key: key}
	var err error
	s.jwks, err = publicJWKS(ctx, pubKey{kid, &key.PublicKey})
	return s, err
}

// WithIssuer returns a signer with the same keys that names another issuer.
// Nothing in Purra signs like that; tests use it to forge the token an
// attacker holding this key would make, and show that verifiers refuse it.
func (s *Signer) WithIssuer(issuer string) *Signer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return &Signer{Issuer: issuer, TTL: s.TTL, RefreshEvery: s.RefreshEvery, db: s.db, enc: s.enc,
		kid: s.kid, key: s.key, jwks: s.jwks, loadedAt: s.loadedAt}
}
