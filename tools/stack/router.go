package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// startRouter runs Hive Gateway on the committed supergraph.
func (s *Stack) startRouter(ctx context.Context) error {
	dir := filepath.Join(s.opts.Root, "router")
	if err := os.MkdirAll(s.logDir(), 0o755); err != nil {
		return err
	}
	logf, err := os.OpenFile(s.logPath("router"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command("node", "node_modules/.bin/hive-gateway", "supergraph", "../supergraph/supergraph.graphql")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), fmt.Sprintf("PORT=%d", s.opts.RouterPort), "LOG_JSON=1")
	for k, v := range s.opts.Env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start router: %w", err)
	}
	p := &proc{cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); logf.Close(); close(p.done) }()
	s.mu.Lock()
	s.procs["router"] = p
	s.mu.Unlock()
	if err := waitHTTP(ctx, fmt.Sprintf("http://localhost:%d/readiness", s.opts.RouterPort), 60*time.Second); err != nil {
		return fmt.Errorf("router not ready (log: %s): %w", s.logPath("router"), err)
	}
	s.logf("%-13s ready on %s (log %s)", "router", s.RouterURL(), s.logPath("router"))
	return nil
}
