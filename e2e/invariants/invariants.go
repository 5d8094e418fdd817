// Package invariants checks what must hold across the subgraphs whatever
// faults happened: the stock ledger is exact, nothing is sold twice, an order
// is paid at most once and its money agrees with its status, coupon limits
// hold, and every acknowledged order reached a final state.
//
// It reads each subgraph's database directly, which only the fault tests may
// do and only here: the router shows a shopper's view, not the ledger. Each
// check returns violations as sentences, so that a failure says what broke.
package invariants

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Expect is what the test knows and the databases must agree with.
type Expect struct {
	// Stocked is, per variant id, every unit ever put on hand: the initial
	// stock plus restocks. Variants not listed get the checks that need no
	// outside knowledge.
	Stocked map[string]int
	// Acknowledged are the ids of orders checkout answered with: each must
	// exist and be settled (neither PENDING_PAYMENT nor PAID).
	Acknowledged []string
}

// Check is one invariant.
type Check struct {
	Name string
	Run  func(ctx context.Context, db *DBs, e Expect) ([]string, error)
}

// All are the invariants of the money path.
var All = []Check{
	{"stock ledger", StockLedger},
	{"reserved units match live reservations", ReservedMatchesReservations},
	{"orders agree with their stock", OrdersMatchStock},
	{"at most one capture per order", AtMostOneCapture},
	{"money agrees with order status", MoneyMatchesOrders},
	{"coupon limits", CouponLimits},
	{"acknowledged orders settled", AcknowledgedSettled},
}

// DBs are the subgraphs' databases of one stack.
type DBs struct {
	prefix string
	conns  map[string]*pgx.Conn
}

// Open connects to the databases of the stack whose databases are named
// <prefix><subgraph> ("purra_faults_orders").
func Open(ctx context.Context, prefix string) (*DBs, error) {
	d := &DBs{prefix: prefix, conns: map[string]*pgx.Conn{}}
	for _, sg := range []string{"inventory", "orders", "payments", "promotions"} {
		conn, err := pgx.Connect(ctx, postgresURL(prefix+sg))
		if err != nil {
			d.Close()
			return nil, fmt.Errorf("open %s: %w", prefix+sg, err)
		}
		d.conns[sg] = conn
	}
	return d, nil
}

// Conn is one subgraph's database, for checks added by a test.
func (d *DBs) Conn(subgraph string) *pgx.Conn { return d.conns[subgraph] }

// Close closes every connection.
func (d *DBs) Close() {
	for _, c := range d.conns {
		c.Close(context.Background())
	}
}

func postgresURL(db string) string {
	base := os.Getenv("POSTGRES_URL")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		return base
	}
	return strings.Replace(base, "/"+cfg.Database+"?", "/"+db+"?", 1)
}

// Violations runs checks (All when none given) and returns every violation,
// each prefixed with its check's name.
func Violations(ctx context.Context, prefix string, e Expect, checks ...Check) ([]string, error) {
	if len(checks) == 0 {
		checks = All
	}
	db, err := Open(ctx, prefix)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var out []string
	var errs []error
	for _, c := range checks {
		v, err := c.Run(ctx, db, e)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c.Name, err))
		}
		for _, s := range v {
			out = append(out, c.Name+": "+s)
		}
	}
	return out, errors.Join(errs...)
}

// Eventually waits until the checks hold, as the system settles through
// events after a fault, and fails the test with the last violations if they
// still do not after within.
func Eventually(t testing.TB, prefix string, within time.Duration, e Expect, checks ...Check) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		v, err := Violations(ctx, prefix, e, checks...)
		cancel()
		if err == nil && len(v) == 0 {
			return
		}
		if time.Now().After(deadline) {
			if err != nil {
				t.Fatalf("invariants could not be checked: %v", err)
			}
			t.Fatalf("invariants still broken after %s:\n  %s", within, strings.Join(v, "\n  "))
		}
		time.Sleep(500 * time.Millisecond)
	}
}
