package kafka

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"strings"
	"time"

	kafkago "github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"
)

// SecurityConfig is how a managed Kafka wants to be reached, as the
// environment states it (platform/config: KAFKA_TLS, KAFKA_TLS_CA_FILE,
// KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD).
type SecurityConfig struct {
	TLS       bool
	CAFile    string // PEM; empty: the system's roots
	Mechanism string // "", PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512
	Username  string
	Password  string
}

// Security is what every connection to the brokers uses: TLS and a SASL
// mechanism, each nil when off. The zero value is plaintext without SASL,
// the embedded broker of `make run` and the tests.
type Security struct {
	TLS  *tls.Config
	SASL sasl.Mechanism
}

// NewSecurity checks c and builds the TLS configuration and SASL mechanism.
// A half-configured SASL is an error at start-up rather than an
// authentication failure on every connection later.
func NewSecurity(c SecurityConfig) (Security, error) {
	var s Security
	if c.TLS {
		s.TLS = &tls.Config{MinVersion: tls.VersionTLS12}
		if c.CAFile != "" {
			pemData, err := os.ReadFile(c.CAFile)
			if err != nil {
				return Security{}, fmt.Errorf("KAFKA_TLS_CA_FILE: %w", err)
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pemData) {
				return Security{}, fmt.Errorf("KAFKA_TLS_CA_FILE %s: no PEM certificate", c.CAFile)
			}
			s.TLS.RootCAs = pool
		}
	} else if c.CAFile != "" {
		return Security{}, fmt.Errorf("KAFKA_TLS_CA_FILE is set but KAFKA_TLS is not true")
	}
	mech := strings.ToUpper(strings.TrimSpace(c.Mechanism))
	if mech == "" {
		if c.Username != "" || c.Password != "" {
			return Security{}, fmt.Errorf("KAFKA_SASL_USERNAME/PASSWORD are set but KAFKA_SASL_MECHANISM is not")
		}
		return s, nil
	}
	if c.Username == "" || c.Password == "" {
		return Security{}, fmt.Errorf("KAFKA_SASL_MECHANISM=%s needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD", mech)
	}
	switch mech {
	case "PLAIN":
		if s.TLS == nil {
			// PLAIN sends the password as is: only inside TLS
			return Security{}, fmt.Errorf("KAFKA_SASL_MECHANISM=PLAIN needs KAFKA_TLS=true (it sends the password in the clear)")
		}
		s.SASL = plain.Mechanism{Username: c.Username, Password: c.Password}
	case "SCRAM-SHA-256", "SCRAM-SHA-512":
		algo := scram.SHA512
		if mech == "SCRAM-SHA-256" {
			algo = scram.SHA256
		}
		m, err := scram.Mechanism(algo, c.Username, c.Password)
		if err != nil {
			return Security{}, fmt.Errorf("KAFKA_SASL_MECHANISM=%s: %w", mech, err)
		}
		s.SASL = m
	default:
		return Security{}, fmt.Errorf("KAFKA_SASL_MECHANISM=%q: want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512", c.Mechanism)
	}
	return s, nil
}

// Dialer is the dialer of readers, topic creation and pings.
func (s Security) Dialer() *kafkago.Dialer {
	return &kafkago.Dialer{Timeout: 10 * time.Second, DualStack: true, TLS: s.TLS, SASLMechanism: s.SASL}
}

// transport is the writer's transport; nil keeps kafka-go's default.
func (s Security) transport() kafkago.RoundTripper {
	if s.TLS == nil && s.SASL == nil {
		return nil
	}
	return &kafkago.Transport{TLS: s.TLS, SASL: s.SASL, DialTimeout: 10 * time.Second}
}

// NewProducer returns a producer for brokers reached with s.
func (s Security) NewProducer(brokers []string) *Producer {
	p := NewProducer(brokers)
	p.w.Transport = s.transport()
	return p
}

// EnsureTopics creates topics that do not exist yet, through brokers reached with s.
func (s Security) EnsureTopics(ctx context.Context, brokers []string, topics ...string) error {
	return ensureTopics(ctx, s.Dialer(), brokers, topics...)
}

// Ping checks a broker reached with s answers (see the package's Ping).
func (s Security) Ping(ctx context.Context, brokers []string) error {
	return ping(ctx, s.Dialer(), brokers)
}
