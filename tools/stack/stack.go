// Package stack starts the whole Purra system on one machine: the embedded
// Kafka broker (bin/devkafka, persisting under .run/kafka), every subgraph
// binary with its seed data, and the router, each a process under a
// supervisor that restarts what crashes. `make run`, the end-to-end tests and
// the fault tests all use it, so the tests run exactly what a developer runs;
// the fault tests kill, pause and restart its processes (control.go).
package stack

import (
	"github.com/purra/supergraph/platform/auth"

	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"

	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/tools/smtpsink"
)

// The local SMTP sink: notifications' default SMTP server in development and
// tests; its messages are readable at MailboxURL.
const (
	SMTPAddr    = "127.0.0.1:1025"
	MailboxURL  = "http://127.0.0.1:8025/messages"
	mailboxAddr = "127.0.0.1:8025"
)

// Options configure Start.
type Options struct {
	Root       string // repository root
	DBPrefix   string // "purra_" for make run, "purra_e2e_" for tests
	RedisURL   string
	Fresh      bool // drop the databases and flush the Redis database first
	RouterPort int
	WebPort    int // the storefront origin (web/storefront/dist, /graphql proxied, /media/); default 8080
	// Router is "hive" (Hive Gateway, node) or "go" (bin/router on
	// graphql-go-tools); empty: the ROUTER environment variable, else hive.
	Router   string
	LogLevel string
	Log      io.Writer // progress lines
	// Env is added to every process's environment.
	Env map[string]string
	// ProcessEnv adds to (and overrides Env in) one process's environment,
	// keyed by process name: a subgraph, "kafka" or "router". Fault tests
	// shorten timeouts with it, e.g. {"inventory": {"RESERVATION_TTL": "20s"}}.
	ProcessEnv map[string]map[string]string
	// Restart is the supervisor's backoff; zero means DefaultRestartPolicy.
	Restart RestartPolicy
}

// Subgraph is one entry of supergraph/subgraphs.json.
type Subgraph struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// Addr returns the subgraph's listen address (":3001").
func (s Subgraph) Addr() string {
	u, err := url.Parse(s.URL)
	if err != nil {
		return ""
	}
	return ":" + u.Port()
}

// Base returns the subgraph's origin ("http://localhost:3001").
func (s Subgraph) Base() string { return strings.TrimSuffix(s.URL, "/graphql") }

// Stack is a running system.
type Stack struct {
	opts      Options
	Subgraphs []Subgraph
	Brokers   []string
	// ServiceKeys are this run's service keys: one Ed25519 key per subgraph
	// and the router, made fresh at every Start and never written to disk,
	// so no key outlives the run (docs/security.md).
	ServiceKeys *auth.ServiceKeys
	// MediaSigningKey signs and verifies signed media URLs (invoices): the
	// subgraphs sign with it (MEDIA_SIGNING_KEY) and the storefront origin
	// checks; like the service keys it is fresh at every Start, so a signed
	// URL does not outlive the run that issued it.
	MediaSigningKey []byte
	mail            *smtpsink.Sink
	web             *http.Server // the storefront origin (tools/webserve)

	mu    sync.Mutex
	procs map[string]*supervised
	// stopping is closed by Stop: the supervisor restarts nothing after it.
	stopping chan struct{}
	stopOnce sync.Once
	wg       sync.WaitGroup // one per supervisor goroutine
}

// ServiceToken mints caller's service credential for calling the subgraph
// audience, as the router or that subgraph would send it (X-Service-Token).
func (s *Stack) ServiceToken(caller, audience string) (string, error) {
	signer, err := s.ServiceKeys.Signer(caller)
	if err != nil {
		return "", err
	}
	return signer.Token(audience)
}

// RouterURL is the one endpoint clients use.
func (s *Stack) RouterURL() string {
	return fmt.Sprintf("http://localhost:%d/graphql", s.opts.RouterPort)
}

// LoadSubgraphs reads supergraph/subgraphs.json: the list of composed subgraphs.
func LoadSubgraphs(root string) ([]Subgraph, error) {
	raw, err := os.ReadFile(filepath.Join(root, "supergraph", "subgraphs.json"))
	if err != nil {
		return nil, err
	}
	var out []Subgraph
	return out, json.Unmarshal(raw, &out)
}

// Start brings the system up and returns once the router answers. On error
// everything already started is stopped.
func Start(ctx context.Context, o Options) (_ *Stack, err error) {
	if o.RouterPort == 0 {
		o.RouterPort = 4000
	}
	if o.WebPort == 0 {
		o.WebPort = 8080
	}
	if o.LogLevel == "" {
		o.LogLevel = "info"
	}
	if o.Restart == (RestartPolicy{}) {
		o.Restart = DefaultRestartPolicy
	}
	if o.Router == "" {
		o.Router = os.Getenv("ROUTER")
	}
	switch o.Router {
	case "":
		o.Router = RouterHive
	case RouterHive, RouterGo:
	default:
		return nil, fmt.Errorf("ROUTER=%q: expected %s or %s", o.Router, RouterGo, RouterHive)
	}
	subgraphs, err := LoadSubgraphs(o.Root)
	if err != nil {
		return nil, fmt.Errorf("subgraph list: %w", err)
	}
	names := []string{auth.RouterService}
	for _, sg := range subgraphs {
		names = append(names, sg.Name)
	}
	keys, err := auth.GenerateServiceKeys(names)
	if err != nil {
		return nil, err
	}
	mediaKey := make([]byte, 32)
	if _, err := rand.Read(mediaKey); err != nil {
		return nil, err
	}
	s := &Stack{opts: o, Subgraphs: subgraphs, ServiceKeys: keys, MediaSigningKey: []byte(hex.EncodeToString(mediaKey)), procs: map[string]*supervised{}, stopping: make(chan struct{})}
	defer func() {
		if err != nil {
			s.Stop()
		}
	}()
	if err := s.checkPortsFree(); err != nil {
		return nil, err
	}
	if err := s.startKafka(ctx); err != nil {
		return nil, err
	}
	if s.mail, err = smtpsink.Start(SMTPAddr, mailboxAddr); err != nil {
		return nil, fmt.Errorf("smtp sink: %w", err)
	}
	s.logf("smtp sink on %s, mailbox %s", SMTPAddr, MailboxURL)
	if o.Fresh {
		if err := s.reset(ctx); err != nil {
			return nil, err
		}
	}
	if err := s.seed(ctx); err != nil {
		return nil, err
	}
	for _, sg := range subgraphs {
		if err := s.startSubgraph(sg); err != nil {
			return nil, err
		}
	}
	for _, sg := range subgraphs {
		if err := s.WaitReady(ctx, sg.Name); err != nil {
			return nil, err
		}
	}
	if err := s.startRouter(ctx); err != nil {
		return nil, err
	}
	if err := s.startWeb(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Stack) checkPortsFree() error {
	addrs := []string{fmt.Sprintf(":%d", s.opts.RouterPort), fmt.Sprintf(":%d", s.opts.WebPort)}
	for _, sg := range s.Subgraphs {
		addrs = append(addrs, sg.Addr())
	}
	if !s.externalKafka() {
		addrs = append(addrs, config.EmbeddedKafkaAddr)
	}
	addrs = append(addrs, SMTPAddr, mailboxAddr)
	for _, a := range addrs {
		l, err := net.Listen("tcp", a)
		if err != nil {
			return fmt.Errorf("port %s is taken (is `make run` or another test run still going?): %w", a, err)
		}
		l.Close()
	}
	return nil
}

// reset drops the stack's databases and flushes its Redis database.
func (s *Stack) reset(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, postgresURL())
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	defer conn.Close(ctx)
	for _, sg := range s.Subgraphs {
		name := s.opts.DBPrefix + sg.Name
		if _, err := conn.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %q WITH (FORCE)`, name)); err != nil {
			return fmt.Errorf("drop %s: %w", name, err)
		}
	}
	opt, err := redis.ParseURL(s.opts.RedisURL)
	if err != nil {
		return err
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	return rdb.FlushDB(ctx).Err()
}

func postgresURL() string {
	if u := os.Getenv("POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// subgraphEnv is a subgraph's environment.
func (s *Stack) subgraphEnv(sg Subgraph) []string {
	vars := map[string]string{
		"HTTP_ADDR":     sg.Addr(),
		"POSTGRES_DB":   s.opts.DBPrefix + sg.Name,
		"REDIS_URL":     s.opts.RedisURL,
		"KAFKA_BROKERS": strings.Join(s.Brokers, ","),
		"LOG_LEVEL":     s.opts.LogLevel,
		// the subgraph's own service key and every service's public key
		"SERVICE_TOKEN_KEY": string(s.ServiceKeys.Private[sg.Name]),
		"SERVICE_JWKS":      string(s.ServiceKeys.JWKS),
		// Seed images go to the local media store the web origin serves.
		"MEDIA_DIR":         s.MediaDir(),
		"MEDIA_BASE_URL":    s.WebURL() + "/media",
		"MEDIA_SIGNING_KEY": string(s.MediaSigningKey),
	}
	// The development key that encrypts users' and admin's signing keys at
	// rest; production (PURRA_ENV=production) refuses it.
	if os.Getenv(auth.KeyEncryptionEnv) == "" {
		vars[auth.KeyEncryptionEnv] = auth.DevKeyEncryptionKey
	}
	return s.processEnv(sg.Name, vars)
}

// processEnv is this process's environment plus base, then Options.Env, then
// the process's own Options.ProcessEnv (later wins).
func (s *Stack) processEnv(name string, base map[string]string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	env := os.Environ()
	for _, vars := range []map[string]string{base, s.opts.Env, s.opts.ProcessEnv[name]} {
		for k, v := range vars {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// seed runs every subgraph's `seed` command (migrations + demo data).
func (s *Stack) seed(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make([]error, len(s.Subgraphs))
	for i, sg := range s.Subgraphs {
		wg.Go(func() {
			errs[i] = s.runOnce(ctx, sg, "seed")
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (s *Stack) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, format+"\n", args...)
	}
}

// waitHTTP polls url until it answers 200.
func waitHTTP(ctx context.Context, url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = fmt.Errorf("status %d", resp.StatusCode)
		} else {
			last = err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return fmt.Errorf("timed out after %s: %v", timeout, last)
}
