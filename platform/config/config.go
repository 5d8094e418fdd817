// Package config reads a service's configuration from the environment, the only
// place the environment is read. Defaults work on a developer machine with
// PostgreSQL, Redis and the embedded Kafka on localhost.
package config

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"

	"github.com/purra/supergraph/platform/kafka"
)

// EmbeddedKafkaAddr is where `make run` and the tests start the in-process
// broker when KAFKA_BROKERS is unset.
const EmbeddedKafkaAddr = "127.0.0.1:19092"

// Base is the configuration every subgraph shares; a subgraph embeds it in
// its own Config struct.
type Base struct {
	HTTPAddr     string   `env:"HTTP_ADDR"`
	LogLevel     string   `env:"LOG_LEVEL" envDefault:"info"`
	PostgresURL  string   `env:"POSTGRES_URL" envDefault:"postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"`
	Database     string   `env:"POSTGRES_DB"` // default purra_<service>
	PoolMaxConns int32    `env:"POSTGRES_MAX_CONNS" envDefault:"10"`
	RedisURL     string   `env:"REDIS_URL" envDefault:"redis://127.0.0.1:6379/0"`
	KafkaBrokers []string `env:"KAFKA_BROKERS" envSeparator:"," envDefault:"127.0.0.1:19092"` // EmbeddedKafkaAddr: a loopback default deploy/validate sees
	// A managed Kafka (deploy/k8s/overlays/prod): TLS (KAFKA_TLS_CA_FILE when
	// its CA is not among the system's roots) and SASL PLAIN (only over TLS)
	// or SCRAM-SHA-256/512 with a user and password; kafka.NewSecurity checks them.
	KafkaTLS           bool   `env:"KAFKA_TLS"`
	KafkaTLSCAFile     string `env:"KAFKA_TLS_CA_FILE"`
	KafkaSASLMechanism string `env:"KAFKA_SASL_MECHANISM"`
	KafkaSASLUsername  string `env:"KAFKA_SASL_USERNAME"`
	KafkaSASLPassword  string `env:"KAFKA_SASL_PASSWORD"`
	// Shopper tokens come from users, admin tokens from admin.
	JWKSURLs        []string      `env:"JWKS_URLS" envSeparator:"," envDefault:"http://127.0.0.1:3001/.well-known/jwks.json,http://127.0.0.1:3012/.well-known/jwks.json"`
	JWTIssuers      []string      `env:"JWT_ISSUERS" envSeparator:"," envDefault:"purra-users,purra-admin"`
	ShutdownTimeout time.Duration `env:"SHUTDOWN_TIMEOUT" envDefault:"15s"`
	QueryComplexity int           `env:"GRAPHQL_MAX_COMPLEXITY" envDefault:"2000"`
	// Service identity (docs/security.md): this service's own Ed25519 key
	// (PKCS#8 PEM, a secret) and the JWKS of every service's public key. No
	// default: `make run` and the tests provision fresh ones; a deployment
	// mounts its own per environment (deploy:"required": deploy/validate
	// fails a deployment that does not set it).
	ServiceTokenKey string `env:"SERVICE_TOKEN_KEY" deploy:"required"`
	ServiceJWKS     string `env:"SERVICE_JWKS" deploy:"required"`
	// X-Forwarded-For is believed only from these peers (the router's
	// addresses, CIDRs), TRUSTED_PROXY_HOPS entries from the right. Unset:
	// from nobody, so a direct caller cannot choose its recorded IP. Deployed
	// behind the router it must name the router, or every shopper shares the
	// router's address (its rate-limit bucket, its audit entries).
	TrustedProxies   []string `env:"TRUSTED_PROXIES" envSeparator:"," deploy:"required"`
	TrustedProxyHops int      `env:"TRUSTED_PROXY_HOPS" envDefault:"1"`
	// Introspection stays on: the router needs _service, and the supergraph is public anyway.
}

// Load fills cfg (a pointer to a struct embedding Base) from getenv.
func Load(cfg any, getenv func(string) string) error {
	environ := map[string]string{}
	for _, k := range keysOf(cfg) {
		if v := getenv(k); v != "" {
			environ[k] = v
		}
	}
	if err := env.ParseWithOptions(cfg, env.Options{Environment: environ}); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

func keysOf(cfg any) []string {
	params, err := env.GetFieldParams(cfg)
	if err != nil {
		return nil
	}
	keys := make([]string, 0, len(params))
	for _, p := range params {
		keys = append(keys, p.Key)
	}
	return keys
}

// Brokers returns the Kafka bootstrap list, the embedded broker when unset.
func (b Base) Brokers() []string {
	if len(b.KafkaBrokers) == 0 {
		return []string{EmbeddedKafkaAddr}
	}
	return b.KafkaBrokers
}

// KafkaSecurity is the TLS and SASL settings for kafka.NewSecurity.
func (b Base) KafkaSecurity() kafka.SecurityConfig {
	return kafka.SecurityConfig{TLS: b.KafkaTLS, CAFile: b.KafkaTLSCAFile, Mechanism: b.KafkaSASLMechanism,
		Username: b.KafkaSASLUsername, Password: b.KafkaSASLPassword}
}

// DatabaseName is the subgraph's own database: one per subgraph, never shared.
func (b Base) DatabaseName(service string) string {
	if b.Database != "" {
		return b.Database
	}
	return "purra_" + service
}

// Redacted prints the configuration with passwords masked, for the start-up log.
func (b Base) Redacted() map[string]any {
	return map[string]any{
		"http_addr": b.HTTPAddr, "postgres_url": mask(b.PostgresURL), "redis_url": mask(b.RedisURL),
		"kafka_brokers": strings.Join(b.Brokers(), ","), "jwks_urls": strings.Join(b.JWKSURLs, ","),
	}
}

func mask(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "<unparseable>"
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
