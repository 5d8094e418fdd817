package stack

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"time"
)

// startRouter runs Hive Gateway on the committed supergraph, supervised.
func (s *Stack) startRouter(ctx context.Context) error {
	p := &supervised{
		name: Router,
		command: func() *exec.Cmd {
			cmd := exec.Command("node", "node_modules/.bin/hive-gateway", "supergraph", "../supergraph/supergraph.graphql")
			cmd.Dir = filepath.Join(s.opts.Root, "router")
			cmd.Env = s.processEnv(Router, map[string]string{"PORT": fmt.Sprint(s.opts.RouterPort), "LOG_JSON": "1"})
			return cmd
		},
		ready: func(ctx context.Context) error {
			return waitHTTP(ctx, fmt.Sprintf("http://localhost:%d/readiness", s.opts.RouterPort), 60*time.Second)
		},
	}
	if err := s.supervise(p); err != nil {
		return err
	}
	if err := s.WaitReady(ctx, Router); err != nil {
		return err
	}
	s.logf("%-13s ready on %s (log %s)", Router, s.RouterURL(), s.logPath(Router))
	return nil
}
