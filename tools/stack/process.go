package stack

import (
	"context"
	"fmt"
	"github.com/purra/supergraph/tools/smtpsink"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

type proc struct {
	cmd  *exec.Cmd
	done chan struct{}
}

func (s *Stack) logDir() string { return filepath.Join(s.opts.Root, ".run", "logs") }

func (s *Stack) logPath(name string) string { return filepath.Join(s.logDir(), name+".log") }

func (s *Stack) binary(name string) string { return filepath.Join(s.opts.Root, "bin", name) }

func (s *Stack) subgraph(name string) (Subgraph, error) {
	for _, sg := range s.Subgraphs {
		if sg.Name == name {
			return sg, nil
		}
	}
	return Subgraph{}, fmt.Errorf("unknown subgraph %q", name)
}

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
	cmd.Env, cmd.Stdout, cmd.Stderr = s.env(sg), logf, logf
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s failed (log: %s): %w", sg.Name, arg, logf.Name(), err)
	}
	s.logf("%-13s %s done", sg.Name, arg)
	return nil
}

// StartSubgraph starts (or restarts) one subgraph process.
func (s *Stack) StartSubgraph(_ context.Context, name string) error {
	sg, err := s.subgraph(name)
	if err != nil {
		return err
	}
	cmd := exec.Command(s.binary(name))
	cmd.Env = s.env(sg)
	if err := s.spawn(name, cmd); err != nil {
		return err
	}
	s.logf("%-13s started on %s (pid %d, log %s)", name, sg.Addr(), cmd.Process.Pid, s.logPath(name))
	return nil
}

// spawn starts cmd in its own process group, logging to .run/logs/<name>.log,
// and tracks it under name. The child dies with us (Pdeathsig), so a killed
// test run leaves no stray servers on the ports.
func (s *Stack) spawn(name string, cmd *exec.Cmd) error {
	if err := os.MkdirAll(s.logDir(), 0o755); err != nil {
		return err
	}
	logf, err := os.OpenFile(s.logPath(name), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start %s: %w", name, err)
	}
	p := &proc{cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); logf.Close(); close(p.done) }()
	s.mu.Lock()
	s.procs[name] = p
	s.mu.Unlock()
	return nil
}

// WaitReady waits for a subgraph's /readyz.
func (s *Stack) WaitReady(ctx context.Context, name string) error {
	sg, err := s.subgraph(name)
	if err != nil {
		return err
	}
	return waitHTTP(ctx, sg.Base()+"/readyz", 60*time.Second)
}

// Kill stops a process at once (SIGKILL: no graceful shutdown), as a crash would.
func (s *Stack) Kill(name string) { s.signal(name, syscall.SIGKILL) }

// Terminate stops a process gracefully (SIGTERM) and waits for it.
func (s *Stack) Terminate(name string) { s.signal(name, syscall.SIGTERM) }

func (s *Stack) signal(name string, sig syscall.Signal) {
	s.mu.Lock()
	p := s.procs[name]
	delete(s.procs, name)
	s.mu.Unlock()
	if p == nil {
		return
	}
	_ = syscall.Kill(-p.cmd.Process.Pid, sig)
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.done
	}
}

// Stop terminates the router, then every subgraph, then the broker.
func (s *Stack) Stop() {
	if s.web != nil {
		_ = s.web.Close()
	}
	s.Terminate("router")
	s.mu.Lock()
	names := make([]string, 0, len(s.procs))
	for n := range s.procs {
		names = append(names, n)
	}
	s.mu.Unlock()
	done := make(chan struct{}, len(names))
	for _, n := range names {
		go func() { s.Terminate(n); done <- struct{}{} }()
	}
	for range names {
		<-done
	}
	if s.broker != nil {
		s.broker.Close()
	}
	if s.mail != nil {
		s.mail.Close()
	}

}

// Wait blocks until a process managed by the stack exits, and returns its name.
func (s *Stack) Wait(ctx context.Context) string {
	s.mu.Lock()
	type exit struct{ name string }
	ch := make(chan exit, len(s.procs))
	for name, p := range s.procs {
		go func() { <-p.done; ch <- exit{name} }()
	}
	s.mu.Unlock()
	select {
	case e := <-ch:
		return e.name
	case <-ctx.Done():
		return ""
	}
}

// Pids returns the process id of every running process, by name.
func (s *Stack) Pids() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.procs))
	for n, p := range s.procs {
		out[n] = p.cmd.Process.Pid
	}
	return out
}

// Mailbox is the local SMTP sink, for tests that check what was emailed.
func (s *Stack) Mailbox() *smtpsink.Sink { return s.mail }
