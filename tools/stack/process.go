package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/purra/supergraph/tools/smtpsink"
)

func (s *Stack) logDir() string { return filepath.Join(s.opts.Root, ".run", "logs") }

func (s *Stack) logPath(name string) string { return filepath.Join(s.logDir(), name+".log") }

func (s *Stack) binary(name string) string { return filepath.Join(s.opts.Root, "bin", name) }

// runOnce runs `bin/<name> <arg>` to completion.
func (s *Stack) runOnce(ctx context.Context, sg Subgraph, arg string) error {
	if err := os.MkdirAll(s.logDir(), 0o755); err != nil {
		return err
	}
	logf, err := os.Create(s.logPath(sg.Name + "-" + arg))
	if err != nil {
		return err
	}
	defer logf.Close()
	cmd := exec.CommandContext(ctx, s.binary(sg.Name), arg)
	cmd.Env, cmd.Stdout, cmd.Stderr = s.subgraphEnv(sg), logf, logf
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s failed (log: %s): %w", sg.Name, arg, logf.Name(), err)
	}
	s.logf("%-13s %s done", sg.Name, arg)
	return nil
}

// startSubgraph starts a subgraph under the supervisor.
func (s *Stack) startSubgraph(sg Subgraph) error {
	p := &supervised{
		name: sg.Name,
		command: func() *exec.Cmd {
			cmd := exec.Command(s.binary(sg.Name))
			cmd.Env = s.subgraphEnv(sg)
			return cmd
		},
		ready: func(ctx context.Context) error { return waitHTTP(ctx, sg.Base()+"/readyz", 60*time.Second) },
	}
	if err := s.supervise(p); err != nil {
		return err
	}
	s.logf("%-13s started on %s (pid %d, log %s)", sg.Name, sg.Addr(), s.pid(p), s.logPath(sg.Name))
	return nil
}

// Stop stops everything in order: the router (no new requests), then every
// subgraph at once (each flushes its outbox), then the broker. No process is
// restarted once Stop began.
func (s *Stack) Stop() {
	if s.web != nil {
		_ = s.web.Close()
	}
	s.stopOnce.Do(func() { close(s.stopping) })
	s.terminate(Router)
	var wg sync.WaitGroup
	for _, name := range s.Names() {
		if name != Router && name != Kafka {
			wg.Go(func() { s.terminate(name) })
		}
	}
	wg.Wait()
	s.terminate(Kafka)
	s.wg.Wait()
	if s.mail != nil {
		s.mail.Close()
	}

}

// terminate stops one process for good, if it was started.
func (s *Stack) terminate(name string) {
	s.mu.Lock()
	p := s.procs[name]
	s.mu.Unlock()
	if p != nil {
		_ = s.signalAndWait(p, syscall.SIGTERM, 20*time.Second)
	}
}

// Mailbox is the local SMTP sink, for tests that check what was emailed.
func (s *Stack) Mailbox() *smtpsink.Sink { return s.mail }
