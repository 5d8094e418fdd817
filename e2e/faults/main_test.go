// Package faults fails the running system for real — SIGKILLs and pauses its
// processes, the broker included — while shoppers check out through the
// router, then checks that nothing acknowledged was lost and the money path's
// invariants hold (e2e/invariants). It starts a stack of its own (databases
// purra_faults_*, Redis database 3), so it never shares state with the e2e
// suite or `make run`.
//
// A scenario that needs a short timeout (inventory's RESERVATION_TTL, …)
// sets it with sys.SetEnv and restarts the process (sys.Terminate, sys.Start,
// sys.WaitReady), and restores it the same way when it ends. The invariants
// are checked with invariants.Eventually(t, dbPrefix, …).
package faults

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/purra/supergraph/e2e/storefront"
	"github.com/purra/supergraph/tools/stack"
)

// dbPrefix names this suite's databases, for the invariant checks.
const dbPrefix = "purra_faults_"

var (
	sys    *stack.Stack
	router storefront.Client
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	sys, err = stack.Start(context.Background(), stack.Options{
		Root: root, DBPrefix: dbPrefix, RedisURL: "redis://127.0.0.1:6379/3", Fresh: true,
		LogLevel: "warn", Log: os.Stderr,
		// Many checkouts from few shoppers in a short run: the per-shopper
		// abuse limit is not what these tests are about.
		Env: map[string]string{"CHECKOUT_RATE_PER_MINUTE": "1000000"},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "faults: start the stack:", err)
		return 1
	}
	defer sys.Stop()
	router = storefront.Client{URL: sys.RouterURL()}
	return m.Run()
}
