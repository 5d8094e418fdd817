package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/purra/supergraph/platform/auth"
)

// startRouter runs Hive Gateway on the committed supergraph.
func (s *Stack) startRouter(ctx context.Context) error {
	cmd := exec.Command("node", "node_modules/.bin/hive-gateway", "supergraph", "../supergraph/supergraph.graphql")
	cmd.Dir = filepath.Join(s.opts.Root, "router")
	cmd.Env = append(os.Environ(), fmt.Sprintf("PORT=%d", s.opts.RouterPort), "LOG_JSON=1",
		"SERVICE_TOKEN_KEY="+string(s.ServiceKeys.Private[auth.RouterService]))
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
