package kafka_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	kafkago "github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/kafka"
)

// The settings of a managed Kafka, as the environment gives them, reach
// kafka.NewSecurity unchanged.
func TestConfig_KafkaSecurityFromEnvironment(t *testing.T) {
	env := map[string]string{
		"KAFKA_TLS": "true", "KAFKA_TLS_CA_FILE": "/etc/kafka/ca.pem", "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
		"KAFKA_SASL_USERNAME": "orders", "KAFKA_SASL_PASSWORD": "s3cret",
	}
	var cfg config.Base
	require.NoError(t, config.Load(&cfg, func(k string) string { return env[k] }))
	require.Equal(t, kafka.SecurityConfig{TLS: true, CAFile: "/etc/kafka/ca.pem", Mechanism: "SCRAM-SHA-512", Username: "orders", Password: "s3cret"},
		cfg.KafkaSecurity())

	var none config.Base
	require.NoError(t, config.Load(&none, func(string) string { return "" }))
	sec, err := kafka.NewSecurity(none.KafkaSecurity())
	require.NoError(t, err)
	require.Nil(t, sec.TLS, "unset: plaintext, as the embedded broker")
	require.Nil(t, sec.SASL)
}

func TestNewSecurity_Settings(t *testing.T) {
	caFile, _ := testCA(t)
	cases := []struct {
		name string
		in   kafka.SecurityConfig
		mech string // SASL mechanism name, "" none
		tls  bool
		err  string
	}{
		{name: "plaintext", in: kafka.SecurityConfig{}},
		{name: "TLS, system roots", in: kafka.SecurityConfig{TLS: true}, tls: true},
		{name: "TLS, own CA", in: kafka.SecurityConfig{TLS: true, CAFile: caFile}, tls: true},
		{name: "SCRAM-SHA-512 over TLS", in: kafka.SecurityConfig{TLS: true, Mechanism: "SCRAM-SHA-512", Username: "u", Password: "p"}, mech: "SCRAM-SHA-512", tls: true},
		{name: "mechanism case-insensitive", in: kafka.SecurityConfig{Mechanism: "scram-sha-256", Username: "u", Password: "p"}, mech: "SCRAM-SHA-256"},
		{name: "PLAIN over TLS", in: kafka.SecurityConfig{TLS: true, Mechanism: "PLAIN", Username: "u", Password: "p"}, mech: "PLAIN", tls: true},
		{name: "PLAIN without TLS", in: kafka.SecurityConfig{Mechanism: "PLAIN", Username: "u", Password: "p"}, err: "needs KAFKA_TLS=true"},
		{name: "no password", in: kafka.SecurityConfig{TLS: true, Mechanism: "SCRAM-SHA-512", Username: "u"}, err: "needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD"},
		{name: "credentials, no mechanism", in: kafka.SecurityConfig{Username: "u", Password: "p"}, err: "KAFKA_SASL_MECHANISM is not"},
		{name: "unknown mechanism", in: kafka.SecurityConfig{Mechanism: "GSSAPI", Username: "u", Password: "p"}, err: "want PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512"},
		{name: "CA without TLS", in: kafka.SecurityConfig{CAFile: caFile}, err: "KAFKA_TLS is not true"},
		{name: "CA file missing", in: kafka.SecurityConfig{TLS: true, CAFile: filepath.Join(t.TempDir(), "none.pem")}, err: "KAFKA_TLS_CA_FILE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sec, err := kafka.NewSecurity(c.in)
			if c.err != "" {
				require.ErrorContains(t, err, c.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.tls, sec.TLS != nil)
			if c.tls {
				require.GreaterOrEqual(t, sec.TLS.MinVersion, uint16(tls.VersionTLS12))
				require.Equal(t, c.in.CAFile != "", sec.TLS.RootCAs != nil)
			}
			if c.mech == "" {
				require.Nil(t, sec.SASL)
			} else {
				require.Equal(t, c.mech, sec.SASL.Name())
			}
			d := sec.Dialer()
			require.Equal(t, sec.TLS, d.TLS)
			require.Equal(t, sec.SASL, d.SASLMechanism)
		})
	}
}

// A broker that speaks only TLS with SCRAM-SHA-512 (as a managed Kafka does)
// over the real protocol: the platform's clients reach it with the right
// settings, and are refused with a wrong password or without TLS.
func TestSecurity_ManagedKafkaOverTLSWithSCRAM(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	caFile, serverTLS := testCA(t)
	cluster, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.TLS(serverTLS), kfake.EnableSASL(),
		kfake.Superuser("SCRAM-SHA-512", "purra", "s3cret"), kfake.DefaultNumPartitions(1))
	require.NoError(t, err)
	defer cluster.Close()
	brokers := cluster.ListenAddrs()

	sec, err := kafka.NewSecurity(kafka.SecurityConfig{TLS: true, CAFile: caFile, Mechanism: "SCRAM-SHA-512", Username: "purra", Password: "s3cret"})
	require.NoError(t, err)
	require.NoError(t, sec.Ping(ctx, brokers))
	const topic = "secure.events"
	require.NoError(t, sec.EnsureTopics(ctx, brokers, topic))
	msg, err := kafka.NewMessage(ctx, topic, "agg-1", "", credited{Account: "acc-1", Amount: 5})
	require.NoError(t, err)
	p := sec.NewProducer(brokers)
	defer p.Close()
	require.NoError(t, p.Publish(ctx, msg))

	// a consumer group, as kafka.Consumer reads: the key's partition is one of six
	r := kafkago.NewReader(kafkago.ReaderConfig{Brokers: brokers, GroupID: "secure-reader", Topic: topic, Dialer: sec.Dialer(),
		StartOffset: kafkago.FirstOffset, MaxWait: 100 * time.Millisecond, HeartbeatInterval: 500 * time.Millisecond,
		SessionTimeout: 6 * time.Second, RebalanceTimeout: 5 * time.Second})
	defer r.Close()
	got, err := r.ReadMessage(ctx)
	require.NoError(t, err)
	require.Equal(t, "agg-1", string(got.Key))

	short, cancelShort := context.WithTimeout(ctx, 5*time.Second)
	defer cancelShort()
	wrong, err := kafka.NewSecurity(kafka.SecurityConfig{TLS: true, CAFile: caFile, Mechanism: "SCRAM-SHA-512", Username: "purra", Password: "guess"})
	require.NoError(t, err)
	require.Error(t, wrong.Ping(short, brokers), "a wrong password is refused")
	require.Error(t, kafka.Ping(short, brokers), "plaintext to a TLS listener fails")
}

// testCA makes a self-signed certificate for 127.0.0.1: its PEM file (what
// KAFKA_TLS_CA_FILE names) and the broker's server configuration.
func testCA(t *testing.T) (string, *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "kafka.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	file := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(file, certPEM, 0o600))
	keyDER, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	pair, err := tls.X509KeyPair(certPEM, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}))
	require.NoError(t, err)
	return file, &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}
}
