package auth

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Signer issues RS256 access tokens for an issuer (the users subgraph for
// shoppers, the admin subgraph for admins) and serves its public JWKS.
type Signer struct {
	Issuer string
	TTL    time.Duration
	kid    string
	key    *rsa.PrivateKey
	jwks   []byte
}

// LoadSigner reads the issuer's signing key from its database, creating one
// on first start, so every instance and every restart signs with the same key.
// The table signing_keys comes from the issuer's own migrations.
func LoadSigner(ctx context.Context, db *pgxpool.Pool, issuer string, ttl time.Duration) (*Signer, error) {
	var kid string
	var pemBytes []byte
	err := db.QueryRow(ctx, `SELECT kid, private_pem FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1`).Scan(&kid, &pemBytes)
	if err == pgx.ErrNoRows {
		kid, pemBytes, err = createKey(ctx, db)
	}
	if err != nil {
		return nil, fmt.Errorf("load signing key: %w", err)
	}
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, fmt.Errorf("signing key %s: bad PEM", kid)
	}
	key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("parse signing key %s: %w", kid, err)
	}
	s := &Signer{Issuer: issuer, TTL: ttl, kid: kid, key: key}
	if s.jwks, err = publicJWKS(ctx, kid, &key.PublicKey); err != nil {
		return nil, err
	}
	return s, nil
}

func publicJWKS(ctx context.Context, kid string, pub *rsa.PublicKey) ([]byte, error) {
	jwk, err := jwkset.NewJWKFromKey(pub, jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{
		KID: kid, ALG: jwkset.AlgRS256, USE: jwkset.UseSig,
	}})
	if err != nil {
		return nil, fmt.Errorf("jwk: %w", err)
	}
	set := jwkset.NewMemoryStorage()
	if err := set.KeyWrite(ctx, jwk); err != nil {
		return nil, fmt.Errorf("jwks: %w", err)
	}
	raw, err := set.JSONPublic(ctx)
	if err != nil {
		return nil, fmt.Errorf("jwks json: %w", err)
	}
	return json.RawMessage(raw), nil
}

// Issue signs an access token for subject with role and scopes.
func (s *Signer) Issue(subject, role string, scopes []string, sessionID string) (token string, expires time.Time, err error) {
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
	t.Header["kid"] = s.kid
	token, err = t.SignedString(s.key)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("sign token: %w", err)
	}
	return token, expires, nil
}

func joinScopes(role string, scopes []string) string {
	out := role
	for _, sc := range scopes {
		out += " " + sc
	}
	return out
}

// JWKSHandler serves the public keys at /.well-known/jwks.json.
func (s *Signer) JWKSHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "public, max-age=300")
		_, _ = w.Write(s.jwks)
	})
}

// SigningKeysDDL is the table LoadSigner reads; issuers include it in a migration.
const SigningKeysDDL = `CREATE TABLE signing_keys (
    kid         text PRIMARY KEY,
    private_pem bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
)`

// createKey makes the issuer's first key; the advisory lock makes one of two
// instances starting together create it and the other read it.
func createKey(ctx context.Context, db *pgxpool.Pool) (kid string, pemBytes []byte, err error) {
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(7421002)`); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `SELECT kid, private_pem FROM signing_keys WHERE retired_at IS NULL LIMIT 1`).Scan(&kid, &pemBytes)
		if err != pgx.ErrNoRows {
			return err
		}
		key, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return fmt.Errorf("generate signing key: %w", err)
		}
		kid = uuid.NewString()
		pemBytes = pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
		_, err = tx.Exec(ctx, `INSERT INTO signing_keys (kid, private_pem) VALUES ($1, $2)`, kid, pemBytes)
		return err
	})
	return kid, pemBytes, err
}

// NewSigner wraps an in-memory key; tests use it with an httptest JWKS server.
func NewSigner(ctx context.Context, issuer string, ttl time.Duration, kid string, key *rsa.PrivateKey) (*Signer, error) {
	s := &Signer{Issuer: issuer, TTL: ttl, kid: kid, key: key}
	var err error
	s.jwks, err = publicJWKS(ctx, kid, &key.PublicKey)
	return s, err
}
