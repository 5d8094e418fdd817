// Command bench loads the router the way the storefront does and prints
// requests/second, latency percentiles and each process's peak memory. It
// starts the whole stack itself (`make bench`), so nothing else may be
// listening on the stack's ports.
//
// Scenarios use the documents the apps ship (operations/storefront/*.graphql).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/purra/supergraph/tools/stack"
)

func main() {
	duration := flag.Duration("duration", 20*time.Second, "how long each scenario runs")
	conns := flag.Int("c", 16, "concurrent connections")
	only := flag.String("scenario", "", "run only this scenario")
	flag.Parse()
	if err := run(*duration, *conns, *only); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(duration time.Duration, conns int, only string) error {
	root, _ := filepath.Abs(".")
	ctx := context.Background()
	fmt.Println("starting the stack…")
	s, err := stack.Start(ctx, stack.Options{
		Root: root, DBPrefix: "purra_bench_", RedisURL: "redis://127.0.0.1:6379/2", Fresh: true, LogLevel: "warn",
		// 16 bench shoppers place ~100 orders/s between them: far above the
		// per-shopper abuse limit (20/min), which is not what is measured here.
		Env: map[string]string{"CHECKOUT_RATE_PER_MINUTE": "1000000"},
	})
	if err != nil {
		return err
	}
	defer s.Stop()
	routerURL = s.RouterURL()
	scenarios, err := storefrontScenarios(ctx, root)
	if err != nil {
		return err
	}
	if hasSubgraph(s, "orders") && (only == "" || only == "add to cart" || only == "checkout to CONFIRMED") {
		more, err := commerceScenarios(ctx, root, conns)
		if err != nil {
			return err
		}
		scenarios = append(scenarios, more...)
	}
	fmt.Printf("\n%d connections, %s per scenario, everything on this machine\n\n", conns, duration)
	for _, sc := range scenarios {
		if only != "" && sc.Name != only {
			continue
		}
		if sc.Setup != nil {
			for w := range conns {
				if err := sc.Setup(ctx, w); err != nil {
					return fmt.Errorf("%s setup: %w", sc.Name, err)
				}
			}
		}
		_ = load(ctx, sc, conns, 2*time.Second) // warm-up: caches, JIT, pools
		mem := watchMemory(s.Pids())
		res := load(ctx, sc, conns, duration)
		peaks := mem.stop()
		report(sc, res, peaks)
	}
	return nil
}

func report(sc scenario, r result, peaks map[string]int64) {
	fmt.Printf("%s\n  %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   errors %d of %d\n",
		sc.Name, r.rps(), ms(r.percentile(50)), ms(r.percentile(99)), r.errors, r.total)
	if sc.Target != "" {
		fmt.Printf("  target: %s\n", sc.Target)
	}
	names := make([]string, 0, len(peaks))
	for n := range peaks {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Print("  peak RSS:")
	for _, n := range names {
		fmt.Printf("  %s %d MB", n, peaks[n]>>20)
	}
	fmt.Print("\n\n")
}

func hasSubgraph(s *stack.Stack, name string) bool {
	for _, sg := range s.Subgraphs {
		if sg.Name == name {
			return true
		}
	}
	return false
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
