// Package e2e tests the system the way clients use it: the real subgraph
// binaries, the embedded Kafka, Postgres, Redis and the router, spoken to only
// through http://localhost:4000/graphql.
package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/purra/supergraph/tools/stack"
)

// sys is the running system, shared by every test in the package.
var sys *stack.Stack

// otlp receives the traces of every process of sys (TestCheckoutIsOneTrace).
var otlp *otlpReceiver

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := filepath.Abs("..")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	otlp, err = startOTLPReceiver()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: OTLP receiver:", err)
		return 1
	}
	defer otlp.Close()
	// Own databases and Redis database: the tests never touch `make run` data.
	// Info logs: the consumers' "event applied" lines carry the request id (TestCheckoutIsOneTrace).
	sys, err = stack.Start(context.Background(), stack.Options{
		Root: root, DBPrefix: "purra_e2e_", RedisURL: "redis://127.0.0.1:6379/1", Fresh: true,
		LogLevel: "info", Log: os.Stderr,
		Env: map[string]string{
			// subgraphs: the standard variables, batches flushed every 100 ms
			"OTEL_EXPORTER_OTLP_ENDPOINT": otlp.Endpoint(),
			"OTEL_BSP_SCHEDULE_DELAY":     "100",
			// the router: Hive Gateway's OpenTelemetry integration (OTLP/HTTP, full URL)
			"OPENTELEMETRY": otlp.Endpoint() + "/v1/traces",
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: start the stack:", err)
		return 1
	}
	defer sys.Stop()
	return m.Run()
}
