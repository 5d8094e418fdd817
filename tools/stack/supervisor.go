package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// RestartPolicy is how the supervisor brings a crashed process back: after
// Initial, doubling on each crash in a row up to Max; a process that stayed up
// for ResetAfter starts again from Initial. Only Stop (Ctrl-C) stops the stack:
// one crashed subgraph no longer takes the rest down with it.
type RestartPolicy struct {
	Initial    time.Duration
	Max        time.Duration
	ResetAfter time.Duration
}

// DefaultRestartPolicy restarts within half a second and never waits more
// than 10 s, so a subgraph that crash-loops while the broker is down is back
// seconds after the broker.
var DefaultRestartPolicy = RestartPolicy{Initial: 500 * time.Millisecond, Max: 10 * time.Second, ResetAfter: 30 * time.Second}

// supervised is one long-running process of the stack (the broker, a subgraph
// or the router) and the goroutine that keeps it running.
type supervised struct {
	name string
	// command builds a fresh command for every start.
	command func() *exec.Cmd
	ready   func(ctx context.Context) error

	// Guarded by Stack.mu.
	cmd            *exec.Cmd
	exited         chan struct{} // closed when the current process has exited
	held           bool          // killed on purpose: do not restart until Start
	resume         chan struct{} // closed by Start while held
	startRequested bool          // Start closed resume; the supervisor has not yet relaunched
	restarts       int
}

// supervise starts p and restarts it whenever it exits, until the stack stops
// or p is held. It returns once the first start succeeded or failed.
func (s *Stack) supervise(p *supervised) error {
	if err := s.launch(p); err != nil {
		return err
	}
	s.mu.Lock()
	s.procs[p.name] = p
	s.mu.Unlock()
	s.wg.Add(1)
	go s.keepRunning(p)
	return nil
}

// launch starts one process of p.
func (s *Stack) launch(p *supervised) error {
	cmd := p.command()
	exited := make(chan struct{})
	if err := s.spawn(p.name, cmd, exited); err != nil {
		return err
	}
	s.mu.Lock()
	p.cmd, p.exited = cmd, exited
	s.mu.Unlock()
	return nil
}

func (s *Stack) keepRunning(p *supervised) {
	defer s.wg.Done()
	backoff := s.opts.Restart.Initial
	for {
		s.mu.Lock()
		cmd, exited := p.cmd, p.exited
		s.mu.Unlock()
		started := time.Now()
		select {
		case <-exited:
		case <-s.stopping:
			return
		}
		up := time.Since(started)
		if up >= s.opts.Restart.ResetAfter {
			backoff = s.opts.Restart.Initial
		}
		if !s.awaitRestart(p, cmd, up, &backoff) {
			return
		}
		for s.launch(p) != nil { // the binary is there; a failed fork is worth retrying
			select {
			case <-time.After(backoff):
			case <-s.stopping:
				return
			}
		}
		s.logf("%-13s started (pid %d)", p.name, s.pid(p))
	}
}

// awaitRestart waits until p may start again: after the backoff for a crash,
// or until Start for a held process (which may be held during the backoff).
// It reports false when the stack is stopping.
func (s *Stack) awaitRestart(p *supervised, cmd *exec.Cmd, up time.Duration, backoff *time.Duration) bool {
	crashed := false
	for {
		s.mu.Lock()
		held, resume := p.held, p.resume
		s.mu.Unlock()
		if held {
			s.logf("%-13s %s; held until Start", p.name, exitStatus(cmd))
			select {
			case <-resume:
				s.mu.Lock()
				p.held, p.startRequested = false, false
				s.mu.Unlock()
				*backoff = s.opts.Restart.Initial
				return true
			case <-s.stopping:
				return false
			}
		}
		if crashed {
			return true
		}
		s.mu.Lock()
		p.restarts++
		n := p.restarts
		s.mu.Unlock()
		s.logf("%-13s %s after %s; restart #%d in %s", p.name, exitStatus(cmd), up.Round(time.Millisecond), n, *backoff)
		select {
		case <-time.After(*backoff):
		case <-s.stopping:
			return false
		}
		*backoff = min(*backoff*2, s.opts.Restart.Max)
		crashed = true // restart now, unless it was held meanwhile
	}
}

func (s *Stack) pid(p *supervised) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return p.cmd.Process.Pid
}

// exitStatus describes how a process ended: "exited with status 1",
// "killed by signal: killed".
func exitStatus(cmd *exec.Cmd) string {
	st := cmd.ProcessState
	if st == nil {
		return "ended"
	}
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return "killed by signal: " + ws.Signal().String()
	}
	return fmt.Sprintf("exited with status %d", st.ExitCode())
}

// spawn starts cmd in its own process group, logging to .run/logs/<name>.log
// (appended to, so a restart keeps the crash's last lines), and closes exited
// when it ends. The child dies with us (Pdeathsig), so a killed test run
// leaves no stray servers on the ports.
func (s *Stack) spawn(name string, cmd *exec.Cmd, exited chan struct{}) error {
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
	go func() { _ = cmd.Wait(); logf.Close(); close(exited) }()
	return nil
}
