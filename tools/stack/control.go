package stack

import (
	"context"
	"fmt"
	"slices"
	"syscall"
	"time"
)

// The fault API: tests fail processes for real. name is a subgraph, "kafka"
// (the embedded broker) or "router".

// Names of the stack's supervised processes besides the subgraphs.
const (
	Kafka  = "kafka"
	Router = "router"
)

// Kill SIGKILLs the process (no graceful shutdown, as a crash) and returns
// once it is dead; the supervisor then restarts it like any crash.
func (s *Stack) Kill(name string) error { return s.kill(name, false) }

// KillAndHold SIGKILLs the process and keeps it down until Start, for tests
// that act while it is gone.
func (s *Stack) KillAndHold(name string) error { return s.kill(name, true) }

func (s *Stack) kill(name string, hold bool) error {
	p, err := s.process(name)
	if err != nil {
		return err
	}
	if hold {
		s.hold(p)
	}
	return s.signalAndWait(p, syscall.SIGKILL, 10*time.Second)
}

// Terminate stops the process gracefully (SIGTERM, SIGKILL after 20 s) and
// keeps it down until Start.
func (s *Stack) Terminate(name string) error {
	p, err := s.process(name)
	if err != nil {
		return err
	}
	s.hold(p)
	return s.signalAndWait(p, syscall.SIGTERM, 20*time.Second)
}

// Start starts a process held by KillAndHold or Terminate and returns once it
// is launched (not yet ready: see WaitReady). Starting a running process is
// an error.
func (s *Stack) Start(ctx context.Context, name string) error {
	p, err := s.process(name)
	if err != nil {
		return err
	}
	s.mu.Lock()
	if !p.held || p.startRequested {
		s.mu.Unlock()
		return fmt.Errorf("%s is not held: it is running or being restarted", name)
	}
	old := p.exited
	// The supervisor clears held when it takes the request, so that it
	// never mistakes a held process that exited for a crash.
	p.startRequested = true
	close(p.resume)
	s.mu.Unlock()
	for {
		s.mu.Lock()
		launched := p.exited != old
		s.mu.Unlock()
		if launched {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// StartSubgraph is Start, kept for the tests written before the supervisor.
func (s *Stack) StartSubgraph(ctx context.Context, name string) error { return s.Start(ctx, name) }

// Pause freezes the process and its children (SIGSTOP to its process group):
// it holds its connections and locks but answers nothing, like a stalled VM.
func (s *Stack) Pause(name string) error { return s.signal(name, syscall.SIGSTOP) }

// Resume continues a paused process (SIGCONT).
func (s *Stack) Resume(name string) error { return s.signal(name, syscall.SIGCONT) }

// WaitReady waits until the process answers its readiness check (a
// subgraph's /readyz, the router's /readiness, a broker metadata request).
func (s *Stack) WaitReady(ctx context.Context, name string) error {
	p, err := s.process(name)
	if err != nil {
		return err
	}
	if err := p.ready(ctx); err != nil {
		return fmt.Errorf("%s not ready (log: %s): %w", name, s.logPath(name), err)
	}
	return nil
}

// Restarts is how many times the supervisor restarted the process after it
// died without being held.
func (s *Stack) Restarts(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.procs[name]; p != nil {
		return p.restarts
	}
	return 0
}

// SetEnv changes one variable of a process's environment from its next
// start on (Kill or KillAndHold + Start), e.g. a shorter reservation TTL.
func (s *Stack) SetEnv(name, key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.ProcessEnv == nil {
		s.opts.ProcessEnv = map[string]map[string]string{}
	}
	if s.opts.ProcessEnv[name] == nil {
		s.opts.ProcessEnv[name] = map[string]string{}
	}
	s.opts.ProcessEnv[name][key] = value
}

// Names lists the supervised processes.
func (s *Stack) Names() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.procs))
	for n := range s.procs {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Pids returns the process id of every supervised process, by name.
func (s *Stack) Pids() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.procs))
	for n, p := range s.procs {
		out[n] = p.cmd.Process.Pid
	}
	return out
}

func (s *Stack) process(name string) (*supervised, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.procs[name]
	if p == nil {
		return nil, fmt.Errorf("no process %q (have: subgraphs, %q, %q)", name, Kafka, Router)
	}
	return p, nil
}

func (s *Stack) hold(p *supervised) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !p.held {
		p.held, p.resume = true, make(chan struct{})
	}
}

func (s *Stack) signal(name string, sig syscall.Signal) error {
	p, err := s.process(name)
	if err != nil {
		return err
	}
	s.mu.Lock()
	pgid := p.cmd.Process.Pid
	s.mu.Unlock()
	if err := syscall.Kill(-pgid, sig); err != nil {
		return fmt.Errorf("%s: %s: %w", name, sig, err)
	}
	return nil
}

// signalAndWait signals the current process of p and waits for it to exit,
// SIGKILLing it after grace. A paused process is continued so that it can
// act on SIGTERM.
func (s *Stack) signalAndWait(p *supervised, sig syscall.Signal, grace time.Duration) error {
	s.mu.Lock()
	pgid, exited := p.cmd.Process.Pid, p.exited
	s.mu.Unlock()
	_ = syscall.Kill(-pgid, sig)
	_ = syscall.Kill(-pgid, syscall.SIGCONT)
	select {
	case <-exited:
		return nil
	case <-time.After(grace):
	}
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	select {
	case <-exited:
		return nil
	case <-time.After(10 * time.Second):
		return fmt.Errorf("%s (pid %d) did not exit", p.name, pgid)
	}
}
