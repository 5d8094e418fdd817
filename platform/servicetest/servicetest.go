// Package servicetest gives subgraph tests the real dependencies: a fresh,
// migrated Postgres database per test package, Redis, a token issuer with a
// JWKS endpoint, service credentials (services.go), and the subgraph's HTTP
// surface exactly as production serves it.
package servicetest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/httpx"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/logx"
	platformmigrations "github.com/purra/supergraph/platform/outbox/migrations"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/pgmigrate"
	"github.com/purra/supergraph/platform/service"
)

// PostgresURL is the server tests use (POSTGRES_URL overrides).
func PostgresURL() string {
	if u := os.Getenv("POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// DB creates a uniquely named database, applies the platform's and the
// subgraph's migrations, and drops it when the test ends.
func DB(t testing.TB, spec service.Spec) *pgxpool.Pool {
	t.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("purra_test_%s_%s", spec.Name, strings.ReplaceAll(uuid.NewString()[:8], "-", ""))
	tracer := pg.NewMetricsTracer(spec.Name, prometheus.NewRegistry())
	pool, err := pg.Open(ctx, PostgresURL(), name, pg.Options{MaxConns: 20, Tracer: tracer})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() {
		pool.Close()
		dropDatabase(PostgresURL(), name)
	})
	if err := pgmigrate.Up(ctx, pool, "platform", platformmigrations.FS); err != nil {
		t.Fatalf("platform migrations: %v", err)
	}
	if spec.Migrations != nil {
		if err := pgmigrate.Up(ctx, pool, spec.Name, spec.Migrations); err != nil {
			t.Fatalf("%s migrations: %v", spec.Name, err)
		}
	}
	return pool
}

func dropDatabase(serverURL, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	pool, err := pgxpool.New(ctx, serverURL)
	if err != nil {
		return
	}
	defer pool.Close()
	_, _ = pool.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %q WITH (FORCE)`, name))
}

// Issuer signs test tokens as both real issuers (shoppers as purra-users,
// ADMIN as purra-admin, each with its own key) and serves their JWKS.
type Issuer struct {
	Signer       *auth.Signer // purra-users
	AdminSigner  *auth.Signer // purra-admin
	Verifier     *auth.Verifier
	JWKSURL      string
	AdminJWKSURL string
}

// NewIssuer starts a JWKS server for a fresh RSA key per issuer.
func NewIssuer(t testing.TB) *Issuer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	users, usersURL := testSigner(t, ctx, auth.IssuerUsers)
	admin, adminURL := testSigner(t, ctx, auth.IssuerAdmin)
	v, err := auth.NewVerifier(ctx, []string{usersURL, adminURL}, []string{auth.IssuerUsers, auth.IssuerAdmin})
	if err != nil {
		t.Fatal(err)
	}
	return &Issuer{Signer: users, AdminSigner: admin, Verifier: v, JWKSURL: usersURL, AdminJWKSURL: adminURL}
}

func testSigner(t testing.TB, ctx context.Context, issuer string) (*auth.Signer, string) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner(ctx, issuer, 15*time.Minute, uuid.NewString(), key)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(signer.JWKSHandler())
	t.Cleanup(srv.Close)
	return signer, srv.URL
}

// Token returns "Bearer <jwt>" for subject with role (and extra scopes):
// ADMIN tokens come from the admin issuer with a session, others from users.
func (i *Issuer) Token(t testing.TB, subject, role string, scopes ...string) string {
	t.Helper()
	signer, session := i.Signer, ""
	if role == auth.RoleAdmin {
		signer, session = i.AdminSigner, uuid.NewString()
	}
	tok, _, err := signer.Issue(subject, role, scopes, session)
	if err != nil {
		t.Fatal(err)
	}
	return "Bearer " + tok
}

// Deps returns the dependencies service.Run would build, on a fresh database,
// the real Redis (keys prefixed per test) and the test issuer.
func Deps(t testing.TB, spec service.Spec, iss *Issuer) *service.Deps {
	t.Helper()
	db := DB(t, spec)
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	if os.Getenv("TEST_LOG") != "" {
		log = logx.New(spec.Name, "debug", os.Stderr)
	}
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://127.0.0.1:6379/0"
	}
	rdb, err := cache.Connect(redisURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rdb.Close() })
	prefix := spec.Name + "-test-" + uuid.NewString()[:8]
	c := cache.New(rdb, prefix, log)
	cfg := config.Base{PostgresURL: PostgresURL(), RedisURL: redisURL}
	signer, svcVerifier := serviceAuth(t, spec.Name)
	// The test plays the router: httptest requests come from 192.0.2.1,
	// httptest servers' from loopback.
	proxies, err := httpx.ParseProxies(1, []string{"192.0.2.1", "127.0.0.1", "::1"})
	if err != nil {
		t.Fatal(err)
	}
	return &service.Deps{
		Name: spec.Name, Config: cfg, Getenv: withDevKeyEncryption, Log: log, DB: db, Cache: c,
		Limiter: cache.NewLimiter(c), Verifier: iss.Verifier, Registry: prometheus.NewRegistry(), Proxies: proxies,
		ServiceSigner: signer, ServiceVerifier: svcVerifier,
		Topic:    kafka.Topic(spec.Name),
		Consumer: &kafka.Consumer{Group: spec.Name, Brokers: cfg.Brokers(), DB: db, Log: log},
	}
}

// Serve builds the subgraph with spec.Build and serves its routes behind the
// router (AsRouter): requests carry the router's service credential unless
// they bring their own; Raw(h) is the bare subgraph.
func Serve(t testing.TB, spec service.Spec, d *service.Deps) (*service.Subgraph, http.Handler) {
	t.Helper()
	sg, err := spec.Build(context.Background(), d)
	if err != nil {
		t.Fatalf("build %s: %v", spec.Name, err)
	}
	if sg.Close != nil {
		t.Cleanup(sg.Close)
	}
	return sg, AsRouter(t, spec.Name, service.Routes(d, sg))
}

// withDevKeyEncryption is os.Getenv with the development signing-key
// encryption key when none is set, as tools/stack gives `make run`.
func withDevKeyEncryption(k string) string {
	if v := os.Getenv(k); v != "" || k != auth.KeyEncryptionEnv {
		return v
	}
	return auth.DevKeyEncryptionKey
}

// KeyEncryption is the development key encryption, for tests that load an
// issuer's signer from its database themselves.
func KeyEncryption(t testing.TB) *auth.KeyEncryption {
	t.Helper()
	enc, err := auth.NewKeyEncryption(auth.DevKeyEncryptionKey)
	if err != nil {
		t.Fatal(err)
	}
	return enc
}
