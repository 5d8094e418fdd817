package stack

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// syncBuffer collects the supervisor's log lines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newTestStack(t *testing.T, policy RestartPolicy) (*Stack, *syncBuffer) {
	t.Helper()
	log := &syncBuffer{}
	s := &Stack{opts: Options{Root: t.TempDir(), Restart: policy, Log: log},
		procs: map[string]*supervised{}, stopping: make(chan struct{})}
	t.Cleanup(s.Stop)
	return s, log
}

func shell(script string) func() *exec.Cmd {
	return func() *exec.Cmd { return exec.Command("sh", "-c", script) }
}

// processState is the state letter of /proc/<pid>/stat: S sleeping, T stopped.
func processState(t *testing.T, pid int) string {
	t.Helper()
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	require.NoError(t, err)
	fields := strings.Fields(string(raw[strings.LastIndexByte(string(raw), ')')+1:]))
	return fields[0]
}

func processStateOrExited(pid int) string {
	if _, err := os.Stat("/proc/" + strconv.Itoa(pid)); err != nil {
		return "exited"
	}
	return "running"
}

// TestSupervisor_RestartsWhatDies: a killed process is started again (a new
// pid), and the restart is logged with how it ended.
func TestSupervisor_RestartsWhatDies(t *testing.T) {
	s, log := newTestStack(t, RestartPolicy{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, ResetAfter: time.Minute})
	require.NoError(t, s.supervise(&supervised{name: "sleeper", command: shell("exec sleep 60")}))
	first := s.Pids()["sleeper"]
	require.NoError(t, s.Kill("sleeper"))
	require.Eventually(t, func() bool { return s.Pids()["sleeper"] != first }, 5*time.Second, 10*time.Millisecond)
	require.Equal(t, 1, s.Restarts("sleeper"))
	require.Contains(t, log.String(), "killed by signal: killed")
}

// TestSupervisor_BacksOffACrashLoop: a process that keeps exiting is
// restarted after growing delays, capped at Max.
func TestSupervisor_BacksOffACrashLoop(t *testing.T) {
	s, log := newTestStack(t, RestartPolicy{Initial: 20 * time.Millisecond, Max: 160 * time.Millisecond, ResetAfter: time.Minute})
	require.NoError(t, s.supervise(&supervised{name: "crasher", command: shell("exit 3")}))
	require.Eventually(t, func() bool { return s.Restarts("crasher") >= 6 }, 10*time.Second, 10*time.Millisecond)
	out := log.String()
	require.Contains(t, out, "exited with status 3")
	for _, delay := range []string{"in 20ms", "in 40ms", "in 80ms", "in 160ms"} {
		require.Contains(t, out, delay)
	}
	require.NotContains(t, out, "in 320ms", "capped at Max")
}

// TestSupervisor_HoldUntilStart: KillAndHold keeps a process down until
// Start; Stop restarts nothing.
func TestSupervisor_HoldUntilStart(t *testing.T) {
	s, _ := newTestStack(t, RestartPolicy{Initial: 10 * time.Millisecond, Max: 10 * time.Millisecond, ResetAfter: time.Minute})
	require.NoError(t, s.supervise(&supervised{name: "sleeper", command: shell("exec sleep 60")}))
	first := s.Pids()["sleeper"]
	require.NoError(t, s.KillAndHold("sleeper"))
	time.Sleep(200 * time.Millisecond)
	require.Equal(t, first, s.Pids()["sleeper"], "held: not restarted")
	require.Zero(t, s.Restarts("sleeper"))
	require.NoError(t, s.Start(context.Background(), "sleeper"))
	require.NotEqual(t, first, s.Pids()["sleeper"])
	require.Error(t, s.Start(context.Background(), "sleeper"), "already running")

	second := s.Pids()["sleeper"]
	s.Stop()
	time.Sleep(100 * time.Millisecond)
	require.Equal(t, second, s.Pids()["sleeper"], "nothing restarted after Stop")
	require.Equal(t, "exited", processStateOrExited(second), "stopped")
}

// TestSupervisor_PauseResume: Pause stops the process group (state T) and
// Resume continues it; a paused process is not mistaken for a dead one.
func TestSupervisor_PauseResume(t *testing.T) {
	s, _ := newTestStack(t, DefaultRestartPolicy)
	require.NoError(t, s.supervise(&supervised{name: "sleeper", command: shell("exec sleep 60")}))
	pid := s.Pids()["sleeper"]
	require.NoError(t, s.Pause("sleeper"))
	require.Eventually(t, func() bool { return processState(t, pid) == "T" }, 2*time.Second, 10*time.Millisecond)
	require.NoError(t, s.Resume("sleeper"))
	require.Eventually(t, func() bool { return processState(t, pid) == "S" }, 2*time.Second, 10*time.Millisecond)
	require.Zero(t, s.Restarts("sleeper"))
	require.Error(t, s.Pause("nobody"))
}
