package service

import (
	"context"
	"fmt"
	"io"
)

// ReplayParked re-delivers the subgraph's parked events (failed_events; all,
// or those of eventIDs) through the handlers its Build registers, reporting
// each outcome to out (`<binary> replay-parked [event-id…]`, `make
// replay-parked`). It serves nothing and starts no worker, so it can run
// beside the serving process. It fails when any event fails again.
func ReplayParked(ctx context.Context, spec Spec, getenv func(string) string, out io.Writer, eventIDs ...string) error {
	d, err := Open(ctx, spec, getenv)
	if err != nil {
		return err
	}
	defer d.DB.Close()
	sg, err := spec.Build(ctx, d)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	if sg.Close != nil {
		defer sg.Close()
	}
	results, err := d.Consumer.ReplayParked(ctx, eventIDs...)
	failed := 0
	for _, r := range results {
		if r.Err != nil {
			failed++
			fmt.Fprintf(out, "still failing %s %s: %v\n", r.EventID, r.Type, r.Err)
		} else {
			fmt.Fprintf(out, "replayed %s %s\n", r.EventID, r.Type)
		}
	}
	fmt.Fprintf(out, "%s: %d parked events replayed, %d still failing\n", spec.Name, len(results)-failed, failed)
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d parked events still failing", failed)
	}
	return nil
}
