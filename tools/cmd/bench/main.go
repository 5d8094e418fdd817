// Command bench loads the router the way the storefront does and prints, per
// scenario, requests/second, latency percentiles, errors, each process's peak
// memory and CPU milliseconds per operation (read from /proc), beside a
// calibration figure of the machine (pgbench TPC-B) taken in the same run.
// It starts the whole stack itself (`make bench`), so nothing else may be
// listening on the stack's ports.
//
// CPU per operation is the figure to compare between runs: req/s moves with
// whatever else the machine is doing, the CPU an operation costs far less.
//
// -smoke (`make bench-smoke`, part of `make test`) runs every scenario for a
// moment and fails unless each produced every figure without an error.
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
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/purra/supergraph/tools/stack"
)

const (
	dbPrefix = "purra_bench_"
	redisURL = "redis://127.0.0.1:6379/2"
)

type options struct {
	duration, warmup, calibration time.Duration
	conns                         int
	only                          string
	smoke                         bool
}

func main() {
	var o options
	flag.DurationVar(&o.duration, "duration", 20*time.Second, "how long each scenario runs")
	flag.IntVar(&o.conns, "c", 16, "concurrent connections (one signed-in shopper each)")
	flag.StringVar(&o.only, "scenario", "", "run only the scenarios whose name contains this")
	flag.BoolVar(&o.smoke, "smoke", false, "a moment per scenario; fail on any error or missing figure")
	flag.Parse()
	o.warmup, o.calibration = 2*time.Second, 10*time.Second
	if o.smoke {
		o.duration, o.warmup, o.calibration, o.conns = 1500*time.Millisecond, 300*time.Millisecond, 2*time.Second, 4
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func postgresURL() string {
	if u := os.Getenv("POSTGRES_URL"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

func run(o options) error {
	root, _ := filepath.Abs(".")
	ctx := context.Background()
	scale := 4 // ≥ the clients: TPC-B's branches are its hot rows
	if o.smoke {
		scale = 1 // quick to load; the figure only has to exist
	}
	cal, err := calibrate(ctx, postgresURL(), o.calibration, scale)
	if err != nil {
		return fmt.Errorf("calibration: %w", err)
	}
	fmt.Println("calibration:", cal)
	fmt.Println("starting the stack…")
	s, err := stack.Start(ctx, stack.Options{
		Root: root, DBPrefix: dbPrefix, RedisURL: redisURL, Fresh: true, LogLevel: "warn",
		// 16 bench shoppers place ~100 orders/s between them: far above the
		// per-shopper abuse limit (20/min), which is not what is measured here.
		Env: map[string]string{"CHECKOUT_RATE_PER_MINUTE": "1000000"},
	})
	if err != nil {
		return err
	}
	defer s.Stop()
	routerURL = s.RouterURL()
	// Worker w is shoppers[w] in every scenario; the checkout rotates each
	// worker over shoppers w, w+conns, w+2·conns (perWorker).
	shoppers := make([]shopper, o.conns*perWorker)
	for w := range shoppers {
		if shoppers[w], err = registerShopper(ctx); err != nil {
			return err
		}
	}
	defer func() {
		for _, sh := range shoppers {
			if sh.ws != nil {
				sh.ws.close()
			}
		}
	}()
	scenarios, err := readScenarios(ctx, root, shoppers)
	if err != nil {
		return err
	}
	if hasSubgraph(s, "orders") {
		more, err := commerceScenarios(ctx, root, shoppers)
		if err != nil {
			return err
		}
		scenarios = append(scenarios, more...)
	}
	ropt, _ := redis.ParseURL(redisURL)
	rdb := redis.NewClient(ropt)
	defer rdb.Close()
	m, err := newMeter(ctx, s.Pids(), postgresURL(), dbPrefix, rdb)
	if err != nil {
		return err
	}
	defer m.close(ctx)

	fmt.Printf("\n%s router, %d connections, %s per scenario, everything on this machine; %s\n", s.RouterKind(), o.conns, o.duration, cal)
	fmt.Print("CPU is ms per operation per process tree (utime+stime from /proc; postgres: the bench databases' backends;\nredis*: the whole Redis server, shared with anything else using it)\n\n")
	var failures []string
	for _, sc := range scenarios {
		if o.only != "" && !strings.Contains(sc.Name, o.only) {
			continue
		}
		if sc.Setup != nil {
			for w := range o.conns {
				if err := sc.Setup(ctx, w); err != nil {
					return fmt.Errorf("%s setup: %w", sc.Name, err)
				}
			}
		}
		_ = load(ctx, sc, o.conns, o.warmup) // warm-up: caches, JIT, pools
		if sc.Notes != nil {
			sc.Notes()
		}
		takeError()
		m.start(ctx, 500*time.Millisecond)
		res := load(ctx, sc, o.conns, o.duration)
		u := m.stop()
		failures = append(failures, report(sc, res, u, cal)...)
	}
	if o.smoke && len(failures) > 0 {
		return fmt.Errorf("smoke:\n  %s", strings.Join(failures, "\n  "))
	}
	return nil
}

// report prints a scenario's figures and returns what is wrong with them for
// the smoke mode: errors, or a figure that could not be produced.
func report(sc scenario, r result, u usage, cal calibration) (problems []string) {
	fmt.Printf("%s\n  %8.1f req/s   p50 %6.2f ms   p99 %6.2f ms   errors %d of %d",
		sc.Name, r.rps(), ms(r.percentile(50)), ms(r.percentile(99)), r.errors, r.total)
	if cal.tps > 0 && r.rps() > 0 {
		fmt.Printf("   (TPC-B tps / %.0f)", cal.tps/r.rps())
	}
	fmt.Println()
	if sc.Target != "" {
		fmt.Printf("  target: %s\n", sc.Target)
	}
	if sc.Notes != nil {
		if n := sc.Notes(); n != "" {
			fmt.Printf("  note: %s\n", n)
		}
	}
	if e := takeError(); e != "" {
		fmt.Printf("  first error: %s\n", e)
	}
	names := make([]string, 0, len(u.cpu))
	var total, subgraphs time.Duration
	for n, c := range u.cpu {
		names = append(names, n)
		total += c
		if n != stack.Router && n != stack.Kafka && n != "bench" && n != "postgres" && n != "redis*" {
			subgraphs += c
		}
	}
	// the biggest consumers first
	sort.Slice(names, func(i, j int) bool { return u.cpu[names[i]] > u.cpu[names[j]] })
	per := func(d time.Duration) float64 {
		if r.total == 0 {
			return 0
		}
		return ms(d) / float64(r.total)
	}
	fmt.Printf("  CPU ms/op: total %.2f, subgraphs %.2f, subgraphs+postgres+redis %.2f\n   ", per(total), per(subgraphs), per(subgraphs+u.cpu["postgres"]+u.cpu["redis*"]))
	for _, n := range names {
		fmt.Printf(" %s %.2f", n, per(u.cpu[n]))
	}
	fmt.Print("\n  peak RSS MB:")
	peaks := make([]string, 0, len(u.peak))
	for n := range u.peak {
		peaks = append(peaks, n)
	}
	sort.Strings(peaks)
	for _, n := range peaks {
		fmt.Printf(" %s %d", n, u.peak[n]>>20)
	}
	fmt.Print("\n\n")

	if r.total == 0 {
		problems = append(problems, sc.Name+": no operation completed")
	}
	if r.errors > 0 {
		problems = append(problems, fmt.Sprintf("%s: %d errors", sc.Name, r.errors))
	}
	for _, n := range []string{stack.Router, "bench", "postgres"} {
		if u.cpu[n] <= 0 {
			problems = append(problems, fmt.Sprintf("%s: no CPU time measured for %s", sc.Name, n))
		}
	}
	for n, p := range u.peak {
		if p <= 0 {
			problems = append(problems, fmt.Sprintf("%s: no RSS measured for %s", sc.Name, n))
		}
	}
	return problems
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
