package periodic

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A failing round does not stop the job; it is logged and retried, and the
// job returns when its context ends.
func TestEveryOutlivesFailedRounds(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	ctx, cancel := context.WithCancel(context.Background())
	var rounds atomic.Int32
	done := make(chan error, 1)
	go func() {
		done <- Every(ctx, log, time.Millisecond, "reap", func(context.Context) (int, error) {
			if rounds.Add(1) == 1 {
				return 0, errors.New("database down")
			}
			if rounds.Load() == 3 {
				cancel()
			}
			return 2, nil
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Every = %v, want nil after cancel", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Every did not stop when its context ended")
	}
	if rounds.Load() < 3 {
		t.Fatalf("rounds = %d: a failed round stopped the job", rounds.Load())
	}
	out := buf.String()
	if !strings.Contains(out, "reap failed") || !strings.Contains(out, "database down") || !strings.Contains(out, "count=2") {
		t.Fatalf("log = %q", out)
	}
}
