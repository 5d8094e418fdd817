// Package stack starts the whole Purra system on one machine: the embedded
// Kafka broker (in this process), every subgraph binary with its seed data,
// and the router. `make run` and the end-to-end tests both use it, so the
// tests run exactly what a developer runs.
package stack

import (
	"context"
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
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
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
	// Router is "hive" (Hive Gateway, node) or "go" (bin/router on
	// graphql-go-tools); empty: the ROUTER environment variable, else hive.
	Router   string
	LogLevel string
	Log      io.Writer // progress lines
	// Env is added to every subgraph's environment.
	Env map[string]string
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
	broker    *embedded.Broker
	mail      *smtpsink.Sink
	mu        sync.Mutex
	procs     map[string]*proc
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
	if o.LogLevel == "" {
		o.LogLevel = "info"
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
	s := &Stack{opts: o, Subgraphs: subgraphs, procs: map[string]*proc{}}
	defer func() {
		if err != nil {
			s.Stop()
		}
	}()
	if err := s.checkPortsFree(); err != nil {
		return nil, err
	}
	if err := s.startKafka(); err != nil {
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
		if err := s.StartSubgraph(ctx, sg.Name); err != nil {
			return nil, err
		}
	}
	for _, sg := range subgraphs {
		if err := waitHTTP(ctx, sg.Base()+"/readyz", 60*time.Second); err != nil {
			return nil, fmt.Errorf("%s not ready (log: %s): %w", sg.Name, s.logPath(sg.Name), err)
		}
	}
	if err := s.startRouter(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Stack) checkPortsFree() error {
	addrs := []string{fmt.Sprintf(":%d", s.opts.RouterPort)}
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

func (s *Stack) externalKafka() bool { return os.Getenv("KAFKA_BROKERS") != "" }

// startKafka starts the embedded broker in this process unless KAFKA_BROKERS
// points at a real cluster.
func (s *Stack) startKafka() error {
	if s.externalKafka() {
		s.Brokers = strings.Split(os.Getenv("KAFKA_BROKERS"), ",")
		return nil
	}
	b, err := embedded.Start(embedded.Config{Addr: config.EmbeddedKafkaAddr, Partitions: kafka.Partitions})
	if err != nil {
		return err
	}
	s.broker, s.Brokers = b, b.Addrs()
	s.logf("embedded kafka on %s", strings.Join(s.Brokers, ","))
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

// env is a subgraph's environment.
func (s *Stack) env(sg Subgraph) []string {
	env := os.Environ()
	vars := map[string]string{
		"HTTP_ADDR":     sg.Addr(),
		"POSTGRES_DB":   s.opts.DBPrefix + sg.Name,
		"REDIS_URL":     s.opts.RedisURL,
		"KAFKA_BROKERS": strings.Join(s.Brokers, ","),
		"LOG_LEVEL":     s.opts.LogLevel,
	}
	for k, v := range s.opts.Env {
		vars[k] = v
	}
	for k, v := range vars {
		env = append(env, k+"="+v)
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
