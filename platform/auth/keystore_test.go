package auth_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
)

func keysDB(t *testing.T) *service.Spec {
	return &service.Spec{Name: "authkeys", Migrations: fstest.MapFS{
		"001_signing_keys.sql": {Data: []byte("-- +goose Up\n" + auth.SigningKeysDDL + ";\n-- +goose Down\nDROP TABLE signing_keys;\n")},
	}}
}

// Private keys are stored encrypted; a key an older version stored in clear
// is encrypted at the next start and keeps its kid (tokens stay valid).
func TestSigningKeysEncryptedAtRest(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := servicetest.DB(t, *keysDB(t))
	enc := servicetest.KeyEncryption(t)

	legacy, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	legacyPEM := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(legacy)})
	_, err = db.Exec(ctx, `INSERT INTO signing_keys (kid, private_pem, created_at) VALUES ('legacy', $1, now() - interval '1 day')`, legacyPEM)
	require.NoError(t, err)

	s, err := auth.LoadSigner(ctx, db, auth.IssuerUsers, 15*time.Minute, enc)
	require.NoError(t, err)
	require.Equal(t, "legacy", s.KeyID(), "the migrated key keeps signing")
	var stored []byte
	require.NoError(t, db.QueryRow(ctx, `SELECT private_pem FROM signing_keys WHERE kid = 'legacy'`).Scan(&stored))
	require.False(t, bytes.Contains(stored, []byte("PRIVATE KEY")), "no key in clear")
	require.False(t, bytes.Contains(stored, legacy.D.Bytes()))

	// Another encryption key cannot read them; a missing or development one
	// in production is refused at start.
	other, err := auth.NewKeyEncryption("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
	require.NoError(t, err)
	_, err = auth.LoadSigner(ctx, db, auth.IssuerUsers, 15*time.Minute, other)
	require.Error(t, err)
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	_, err = auth.KeyEncryptionFromEnv(getenv)
	require.Error(t, err, "no key")
	env[auth.KeyEncryptionEnv] = auth.DevKeyEncryptionKey
	_, err = auth.KeyEncryptionFromEnv(getenv)
	require.NoError(t, err, "the development key outside production")
	env[auth.ProductionEnv] = "production"
	_, err = auth.KeyEncryptionFromEnv(getenv)
	require.Error(t, err, "the development key in production")
}

// A rotation publishes the next key at once, signs with it from the
// announced time, and keeps the previous key published: nobody is signed out.
func TestRotateSigningKey(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := servicetest.DB(t, *keysDB(t))
	enc := servicetest.KeyEncryption(t)
	s, err := auth.LoadSigner(ctx, db, auth.IssuerUsers, 15*time.Minute, enc)
	require.NoError(t, err)
	s.RefreshEvery = 0
	jwks := httptest.NewServer(s.JWKSHandler())
	t.Cleanup(jwks.Close)
	v, err := auth.NewVerifier(ctx, []string{jwks.URL}, []string{auth.IssuerUsers})
	require.NoError(t, err)

	oldKid := s.KeyID()
	before, _, err := s.Issue("user-1", auth.RoleCustomer, nil, "")
	require.NoError(t, err)

	newKid, err := auth.RotateSigningKey(ctx, db, enc, 300*time.Millisecond)
	require.NoError(t, err)
	require.ElementsMatch(t, []string{oldKid, newKid}, publishedKids(t, jwks.URL), "the next key is announced before use")
	require.Equal(t, oldKid, s.KeyID(), "…and not used yet")

	time.Sleep(400 * time.Millisecond)
	require.Equal(t, newKid, s.KeyID())
	after, _, err := s.Issue("user-1", auth.RoleCustomer, nil, "")
	require.NoError(t, err)
	require.Equal(t, newKid, kidOf(t, after))
	require.ElementsMatch(t, []string{oldKid, newKid}, publishedKids(t, jwks.URL), "the previous key stays published")
	for _, tok := range []string{before, after} {
		_, err := v.Verify(ctx, tok)
		require.NoError(t, err)
	}

	// Once every token of the old key has expired, it is no longer published.
	_, err = db.Exec(ctx, `UPDATE signing_keys SET retired_at = now() - interval '1 hour' WHERE kid = $1`, oldKid)
	require.NoError(t, err)
	require.Equal(t, []string{newKid}, publishedKids(t, jwks.URL))
}

func kidOf(t *testing.T, token string) string {
	tok, _, err := jwt.NewParser().ParseUnverified(token, jwt.MapClaims{})
	require.NoError(t, err)
	return tok.Header["kid"].(string)
}

func publishedKids(t *testing.T, url string) []string {
	res, err := httpGet(url)
	require.NoError(t, err)
	var set struct {
		Keys []struct {
			Kid string `json:"kid"`
			D   string `json:"d"`
		} `json:"keys"`
	}
	require.NoError(t, json.Unmarshal(res, &set))
	kids := []string{}
	for _, k := range set.Keys {
		require.Empty(t, k.D, "a private part published")
		kids = append(kids, k.Kid)
	}
	return kids
}

func httpGet(url string) ([]byte, error) {
	res, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}
