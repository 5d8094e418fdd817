package main

import (
	"context"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// calibration is the machine's figure for this run: pgbench's TPC-B-like
// transactions per second on a scratch database, so that runs on different
// days (or machines) can be compared by their ratio to it.
type calibration struct {
	tps            float64
	scale, clients int
	took           time.Duration
}

func (c calibration) String() string {
	return fmt.Sprintf("pgbench TPC-B %.0f tps (scale %d, %d clients, %s)", c.tps, c.scale, c.clients, c.took)
}

var tpsLine = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)

// calibrate runs pgbench (installed by .ci/pgbench) on purra_bench_pgbench,
// dropped afterwards. It runs before the stack starts, so it measures the
// machine rather than the stack.
func calibrate(ctx context.Context, pgURL string, d time.Duration, scale int) (calibration, error) {
	const db = "purra_bench_pgbench"
	c := calibration{scale: scale, clients: 4, took: d}
	conn, err := pgx.Connect(ctx, pgURL)
	if err != nil {
		return c, err
	}
	defer conn.Close(ctx)
	drop := func() { _, _ = conn.Exec(ctx, `DROP DATABASE IF EXISTS `+db+` WITH (FORCE)`) }
	drop()
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+db); err != nil {
		return c, err
	}
	defer drop()
	cfg := conn.Config()
	args := []string{"-h", cfg.Host, "-p", strconv.Itoa(int(cfg.Port)), "-U", cfg.User}
	pgbench := func(more ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "pgbench", append(append(args, more...), db)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("pgbench %v: %w\n%s", more, err, out)
		}
		return string(out), nil
	}
	if _, err := pgbench("-i", "-q", "-s", strconv.Itoa(c.scale)); err != nil {
		return c, err
	}
	out, err := pgbench("-c", strconv.Itoa(c.clients), "-j", "2", "-T", strconv.Itoa(int(d.Seconds())))
	if err != nil {
		return c, err
	}
	m := tpsLine.FindStringSubmatch(out)
	if m == nil {
		return c, fmt.Errorf("no tps in pgbench's output:\n%s", out)
	}
	c.tps, _ = strconv.ParseFloat(m[1], 64)
	return c, nil
}
