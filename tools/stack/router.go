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

// The routers the stack can run (Options.Router, ROUTER=…).
const (
	RouterHive = "hive" // Hive Gateway on node (router/gateway.config.mjs)
	RouterGo   = "go"   // bin/router: graphql-go-tools (router/cmd/router)
)

// RouterKind is the router this stack runs.
func (s *Stack) RouterKind() string { return s.opts.Router }

// startRouter runs the chosen router on the committed supergraph, supervised,
// from the router folder (where persisted-operations.json lives), with the
// same environment for both.
func (s *Stack) startRouter(ctx context.Context) error {
	p := &supervised{
		name: Router,
		command: func() *exec.Cmd {
			cmd := exec.Command("node", "node_modules/.bin/hive-gateway", "supergraph", "../supergraph/supergraph.graphql")
			if s.opts.Router == RouterGo {
				cmd = exec.Command(s.binary("router"), "../supergraph/supergraph.graphql")
			}
			cmd.Dir = filepath.Join(s.opts.Root, "router")
			base := map[string]string{"PORT": fmt.Sprint(s.opts.RouterPort), "LOG_JSON": "1",
				"SERVICE_TOKEN_KEY": string(s.ServiceKeys.Private[auth.RouterService])}
			// Every client of a local stack is 127.0.0.1 (tests, the load generator,
			// the developer's browser): per-IP and per-client limits would only
			// throttle the tests. router/test covers them; set the variables to try.
			for _, k := range []string{"RATE_LIMIT_PER_IP", "RATE_LIMIT_PER_CLIENT"} {
				if os.Getenv(k) == "" {
					base[k] = "0"
				}
			}
			cmd.Env = s.processEnv(Router, base)
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
	s.logf("%-13s ready on %s (%s router, log %s)", Router, s.RouterURL(), s.opts.Router, s.logPath(Router))
	return nil
}
