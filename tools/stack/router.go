package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// startRouter runs Hive Gateway on the committed supergraph.
func (s *Stack) startRouter(ctx context.Context) error {
	cmd := exec.Command("node", "node_modules/.bin/hive-gateway", "supergraph", "../supergraph/supergraph.graphql")
	cmd.Dir = filepath.Join(s.opts.Root, "router")
	cmd.Env = append(os.Environ(), fmt.Sprintf("PORT=%d", s.opts.RouterPort), "LOG_JSON=1")
	// Every client of a local stack is 127.0.0.1 (tests, the load generator,
	// the developer's browser): per-IP and per-client limits would only
	// throttle the tests. router/test covers them; set the variables to try.
	for _, k := range []string{"RATE_LIMIT_PER_IP", "RATE_LIMIT_PER_CLIENT"} {
		if os.Getenv(k) == "" {
			cmd.Env = append(cmd.Env, k+"=0")
		}
	}
	for k, v := range s.opts.Env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	if err := s.spawn("router", cmd); err != nil {
		return err
	}
	if err := waitHTTP(ctx, fmt.Sprintf("http://localhost:%d/readiness", s.opts.RouterPort), 60*time.Second); err != nil {
		return fmt.Errorf("router not ready (log: %s): %w", s.logPath("router"), err)
	}
	s.logf("%-13s ready on %s (log %s)", "router", s.RouterURL(), s.logPath("router"))
	return nil
}
