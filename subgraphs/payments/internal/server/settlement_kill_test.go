package server_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/sandbox"
	"github.com/purra/supergraph/subgraphs/payments/internal/settlement"
	"github.com/purra/supergraph/subgraphs/payments/internal/store"
)

// childDBEnv names the database the child settlement run works on.
const childDBEnv = "PURRA_TEST_SETTLEMENT_CHILD_DB"

// A settlement run in another process is SIGKILLed right after its first
// payout committed; the next run (runSettlement) resumes the same run and
// finishes it. Every payable entry is settled exactly once, each store has
// one payout, and the payouts equal the ledger.
func TestSettlementRun_killedHalfWayAndResumed(t *testing.T) {
	t.Parallel()
	e := newEnv(t, settleVars)
	stores := make([]string, 6)
	for i := range stores {
		stores[i] = uuid.Must(uuid.NewV7()).String()
		for range 2 {
			e.delivered(uuid.Must(uuid.NewV7()).String(), stores[i], "UPI", true, line{total: int64(10000 + 1111*i), gst: 1500})
		}
	}
	e.delivered(uuid.Must(uuid.NewV7()).String(), stores[0], "UPI", false, line{total: 5000, gst: 700}) // not payable yet
	payable := e.count(`SELECT count(*) FROM ledger_entries WHERE payable_at <= now()`)

	cmd := exec.Command(os.Args[0], "-test.run=^TestSettlementRun_child$", "-test.v")
	cmd.Env = append(os.Environ(), childDBEnv+"="+e.d.DB.Config().ConnConfig.Database)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	require.Eventually(t, func() bool {
		return e.count(`SELECT count(*) FROM settlement_payouts`) >= 1
	}, 60*time.Second, 2*time.Millisecond, "the child never paid anybody")
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	err := <-exited
	require.Error(t, err, "killed, not finished")

	paidBefore := e.count(`SELECT count(*) FROM settlement_payouts`)
	require.Less(t, paidBefore, len(stores), "the run was not interrupted half-way")
	require.Equal(t, 1, e.count(`SELECT count(*) FROM settlement_runs WHERE status = 'RUNNING'`))

	run, resp := e.runSettlement(e.token(admin, "ADMIN", "settlements:manage"))
	ok(t, resp)
	require.True(t, run.Resumed, "the interrupted run is finished, with its cutoff")
	require.Equal(t, len(stores)-paidBefore, run.Payouts)

	require.Equal(t, 0, e.count(`SELECT count(*) FROM settlement_runs WHERE status = 'RUNNING'`))
	require.Equal(t, 1, e.count(`SELECT count(DISTINCT run_id) FROM settlement_payouts`))
	for _, s := range stores {
		require.Equal(t, 1, e.count(`SELECT count(*) FROM settlement_payouts WHERE store_id = $1`, s), s)
	}
	require.Equal(t, payable, e.count(`SELECT count(*) FROM ledger_entries WHERE payout_id IS NOT NULL`), "each payable entry settled")
	require.Equal(t, 0, e.count(`SELECT count(*) FROM ledger_entries WHERE payout_id IS NOT NULL AND payable_at > now()`))
	require.Equal(t, e.sum(`SELECT sum(amount_paise) FROM ledger_entries WHERE payout_id IS NOT NULL`),
		e.sum(`SELECT sum(amount_paise) FROM settlement_payouts`), "payouts equal the ledger")
	e.checkIdentity(stores...)

	run, resp = e.runSettlement(e.token(admin, "ADMIN", "settlements:manage"))
	ok(t, resp)
	require.False(t, run.Resumed)
	require.Zero(t, run.Payouts, "nothing is paid twice")
}

// The child of TestSettlementRun_killedHalfWayAndResumed: runs a settlement
// on the parent's database, pausing after each payout, until it is killed.
func TestSettlementRun_child(t *testing.T) {
	name := os.Getenv(childDBEnv)
	if name == "" {
		t.Skip("run by TestSettlementRun_killedHalfWayAndResumed")
	}
	ctx := context.Background()
	db, err := pg.Open(ctx, servicetest.PostgresURL(), name, pg.Options{MaxConns: 4})
	require.NoError(t, err)
	defer db.Close()
	a, err := app.New(app.Options{
		Store:  store.New(db, "payments.events", "payments"),
		Online: sandbox.New(sandbox.Config{WebhookURL: "http://127.0.0.1:1/", WebhookSecret: sandboxSecret}, db),
		Owners: noOwners{}, Categories: noCategories{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Settlement: app.SettlementOptions{Policy: settlement.DefaultPolicy, Every: time.Hour, Poll: time.Hour,
			FaultPausePerStore: 400 * time.Millisecond},
	})
	require.NoError(t, err)
	ctx = auth.WithIdentity(ctx, auth.Identity{Subject: admin, Role: auth.RoleAdmin, Scopes: []string{app.ScopeSettlements}})
	_, err = a.RunSettlement(ctx)
	require.NoError(t, err)
	t.Fatal("the child finished the run: it should have been killed half-way")
}

type noOwners struct{}

func (noOwners) StoreIDsOwnedBy(context.Context, string) ([]string, error) { return nil, nil }

type noCategories struct{}

func (noCategories) CategoryExists(context.Context, string) (bool, error) { return false, nil }

// The periodic job: the first poll pays what is payable (no run ever), the
// next run waits for SETTLEMENT_INTERVAL after the last one started (kept in
// the database, so a restart keeps the schedule), and a run left RUNNING by
// a crash is resumed at the next poll whatever the interval.
func TestSettlementJob_scheduleAndResume(t *testing.T) {
	t.Parallel()
	e := newEnv(t, map[string]string{"SETTLEMENT_POLL": "20ms", "SETTLEMENT_INTERVAL": "1h"})
	e.delivered(uuid.Must(uuid.NewV7()).String(), techHub, "UPI", true, line{total: 10000, gst: 1525})
	e.runWorkers()
	require.Eventually(t, func() bool { return e.count(`SELECT count(*) FROM settlement_payouts`) == 1 }, 10*time.Second, 10*time.Millisecond)
	require.Eventually(t, func() bool { return e.count(`SELECT count(*) FROM settlement_runs WHERE status = 'DONE'`) == 1 }, 10*time.Second, 10*time.Millisecond)

	e.delivered(uuid.Must(uuid.NewV7()).String(), gadgets, "UPI", true, line{total: 20000, gst: 3051})
	time.Sleep(300 * time.Millisecond)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM settlement_runs`), "not due for an hour")

	// A crashed run (RUNNING, cutoff now) is resumed by the next poll.
	_, err := e.d.DB.Exec(context.Background(), `INSERT INTO settlement_runs (id, cutoff, status, started_at) VALUES ($1, now(), 'RUNNING', now())`,
		uuid.Must(uuid.NewV7()).String())
	require.NoError(t, err)
	require.Eventually(t, func() bool { return e.count(`SELECT count(*) FROM settlement_runs WHERE status = 'RUNNING'`) == 0 }, 10*time.Second, 10*time.Millisecond)
	require.Equal(t, 1, e.count(`SELECT count(*) FROM settlement_payouts WHERE store_id = $1`, gadgets))
	require.Equal(t, 2, e.count(`SELECT count(*) FROM settlement_runs`))
	e.checkIdentity(techHub, gadgets)
}

// Concurrent runs (operators pressing runSettlement together) pay each
// store once: they join one run and the entry locks let one payout win.
func TestSettlementRun_concurrentRunsPayOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t, settleVars)
	stores := make([]string, 4)
	for i := range stores {
		stores[i] = uuid.Must(uuid.NewV7()).String()
		e.delivered(uuid.Must(uuid.NewV7()).String(), stores[i], "CARD", true, line{total: 25000, gst: 3814})
	}
	authz := e.token(admin, "ADMIN", "settlements:manage")
	var wg sync.WaitGroup
	var paid, failed atomic.Int64
	for range 4 {
		wg.Go(func() {
			var out struct{ RunSettlement runView }
			resp := e.gql(context.Background(), authz, runSettlementMutation, nil, &out)
			if len(resp.Errors) > 0 {
				failed.Add(1)
			}
			paid.Add(int64(out.RunSettlement.Payouts))
		})
	}
	wg.Wait()
	require.Zero(t, failed.Load(), "a concurrent run failed")
	require.Equal(t, int64(len(stores)), paid.Load())
	require.Equal(t, len(stores), e.count(`SELECT count(*) FROM settlement_payouts`))
	require.Equal(t, len(stores), e.count(`SELECT count(DISTINCT store_id) FROM settlement_payouts`))
	require.Zero(t, e.count(`SELECT count(*) FROM ledger_entries WHERE payout_id IS NULL`))
	e.checkIdentity(stores...)
}
