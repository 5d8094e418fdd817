package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// The routers the stack can run (Options.Router, ROUTER=…).
const (
	RouterHive = "hive" // Hive Gateway on node (router/gateway.config.mjs)
	RouterGo   = "go"   // bin/router: graphql-go-tools (router/cmd/router)
)

// RouterKind is the router this stack runs.
func (s *Stack) RouterKind() string { return s.opts.Router }

// startRouter runs the chosen router on the committed supergraph, from the
// router folder (where persisted-operations.json lives), with the same
// environment for both.
func (s *Stack) startRouter(ctx context.Context) error {
	var cmd *exec.Cmd
	switch s.opts.Router {
	case RouterGo:
		cmd = exec.Command(s.binary("router"), "../supergraph/supergraph.graphql")
	default:
		cmd = exec.Command("node", "node_modules/.bin/hive-gateway", "supergraph", "../supergraph/supergraph.graphql")
	}
	cmd.Dir = filepath.Join(s.opts.Root, "router")
	cmd.Env = append(os.Environ(), fmt.Sprintf("PORT=%d", s.opts.RouterPort), "LOG_JSON=1")
	for k, v := range s.opts.Env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	if err := s.spawn("router", cmd); err != nil {
		return err
	}
	if err := waitHTTP(ctx, fmt.Sprintf("http://localhost:%d/readiness", s.opts.RouterPort), 60*time.Second); err != nil {
		return fmt.Errorf("router not ready (log: %s): %w", s.logPath("router"), err)
	}
	s.logf("%-13s ready on %s (%s router, log %s)", "router", s.RouterURL(), s.opts.Router, s.logPath("router"))
	return nil
}
