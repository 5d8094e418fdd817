package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"
)

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat times: 100 on every
// Linux this runs on (asking sysconf would need cgo).
const clockTicks = 100

// procStat is what /proc/<pid>/stat says about one process.
type procStat struct {
	ppid int
	// cpu is utime+stime+cutime+cstime in clock ticks: the process's own time
	// plus that of the children it has reaped, so a tree's total counts a
	// child that exited during the scenario (its parent reaped it) once.
	cpu int64
	// self is utime+stime alone: the load generator's own figure (its
	// children are the whole stack).
	self int64
	rss  int64 // bytes
}

// scanProcs reads every process's stat. One pass serves all the trees.
func scanProcs() map[int]procStat {
	out := map[int]procStat{}
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return out
	}
	page := int64(os.Getpagesize())
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// The command name (field 2) may hold spaces: fields are counted
		// after its closing parenthesis.
		i := strings.LastIndexByte(string(b), ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 22 {
			continue
		}
		num := func(k int) int64 { n, _ := strconv.ParseInt(f[k], 10, 64); return n }
		// f[0] is field 3 (state): field n is f[n-3].
		out[pid] = procStat{ppid: int(num(1)), cpu: num(11) + num(12) + num(13) + num(14), self: num(11) + num(12), rss: num(21) * page}
	}
	return out
}

// tree sums cpu and rss over root and its descendants.
func tree(procs map[int]procStat, root int) (cpu, rss int64) {
	children := map[int][]int{}
	for pid, p := range procs {
		children[p.ppid] = append(children[p.ppid], pid)
	}
	stack := []int{root}
	for len(stack) > 0 {
		pid := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p, ok := procs[pid]
		if !ok {
			continue
		}
		cpu += p.cpu
		rss += p.rss
		stack = append(stack, children[pid]...)
	}
	return cpu, rss
}

// usage is one scenario's resources per process: CPU time and peak RSS.
type usage struct {
	cpu  map[string]time.Duration
	peak map[string]int64 // bytes; absent where not measurable (postgres, redis)
}

// meter samples the stack's processes during a scenario: the process tree of
// each supervised process (router, subgraphs, broker), the load generator
// itself, the PostgreSQL backends serving the bench's databases (tracked by
// pid as they come and go) and the Redis server (INFO cpu: the whole server,
// which other users of the machine may share).
type meter struct {
	roots    map[string]int
	pg       *pgx.Conn
	pgPrefix string
	pgSelf   int
	redis    *redis.Client

	stopc chan struct{}
	done  chan usage
}

func newMeter(ctx context.Context, roots map[string]int, pgURL, dbPrefix string, rdb *redis.Client) (*meter, error) {
	m := &meter{roots: roots, pgPrefix: dbPrefix, redis: rdb}
	conn, err := pgx.Connect(ctx, pgURL)
	if err != nil {
		return nil, fmt.Errorf("postgres for the meter: %w", err)
	}
	m.pg = conn
	if err := conn.QueryRow(ctx, `SELECT pg_backend_pid()`).Scan(&m.pgSelf); err != nil {
		return nil, err
	}
	if _, err := os.Stat(fmt.Sprintf("/proc/%d/stat", m.pgSelf)); err != nil {
		return nil, fmt.Errorf("PostgreSQL's backends are not visible in /proc (another machine or container?): %w", err)
	}
	return m, nil
}

func (m *meter) close(ctx context.Context) { m.pg.Close(ctx) }

// backends lists the pids of the backends connected to the bench's databases.
func (m *meter) backends(ctx context.Context) []int {
	rows, err := m.pg.Query(ctx, `SELECT pid FROM pg_stat_activity WHERE datname LIKE $1 AND pid <> $2`, m.pgPrefix+"%", m.pgSelf)
	if err != nil {
		return nil
	}
	pids, _ := pgx.CollectRows(rows, pgx.RowTo[int])
	return pids
}

func (m *meter) redisCPU(ctx context.Context) time.Duration {
	info, err := m.redis.Info(ctx, "cpu").Result()
	if err != nil {
		return 0
	}
	var total float64
	for _, line := range strings.Split(info, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if ok && (k == "used_cpu_sys" || k == "used_cpu_user") {
			f, _ := strconv.ParseFloat(v, 64)
			total += f
		}
	}
	return time.Duration(total * float64(time.Second))
}

// start begins sampling every interval until stop.
func (m *meter) start(ctx context.Context, interval time.Duration) {
	m.stopc, m.done = make(chan struct{}), make(chan usage, 1)
	go func() {
		u := usage{cpu: map[string]time.Duration{}, peak: map[string]int64{}}
		redis0 := m.redisCPU(ctx)
		first := scanProcs()
		// each backend's CPU when first seen (0 if it connected after the start) and last seen
		firstPG, lastPG := map[int]int64{}, map[int]int64{}
		seeBackends := func(procs map[int]procStat, initial bool) {
			for _, pid := range m.backends(ctx) {
				p, ok := procs[pid]
				if !ok {
					continue
				}
				if _, seen := firstPG[pid]; !seen {
					firstPG[pid] = 0
					if initial {
						firstPG[pid] = p.cpu
					}
				}
				lastPG[pid] = p.cpu
			}
		}
		seeBackends(first, true)
		var last map[int]procStat
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for stopped := false; !stopped; {
			select {
			case <-m.stopc:
				stopped = true
			case <-tick.C:
			}
			last = scanProcs()
			for name, pid := range m.roots {
				if _, rss := tree(last, pid); rss > u.peak[name] {
					u.peak[name] = rss
				}
			}
			if rss := last[os.Getpid()].rss; rss > u.peak["bench"] {
				u.peak["bench"] = rss
			}
			seeBackends(last, false)
		}
		for name, pid := range m.roots {
			c0, _ := tree(first, pid)
			c1, _ := tree(last, pid)
			u.cpu[name] = ticks(c1 - c0)
		}
		u.cpu["bench"] = ticks(last[os.Getpid()].self - first[os.Getpid()].self)
		var pg int64
		for pid, c := range lastPG {
			pg += c - firstPG[pid]
		}
		u.cpu["postgres"] = ticks(pg)
		u.cpu["redis*"] = m.redisCPU(ctx) - redis0
		m.done <- u
	}()
}

func (m *meter) stop() usage {
	close(m.stopc)
	return <-m.done
}

func ticks(n int64) time.Duration { return time.Duration(n) * time.Second / clockTicks }
