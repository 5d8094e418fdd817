package server_test

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
)

// The seed holds the doc's coupons and rule, and re-running it inserts and
// publishes nothing.
func TestSeedIsIdempotent(t *testing.T) {
	t.Parallel()
	e := newEnv(t) // seeded once
	if e.count(`SELECT count(*) FROM coupons`) != 4 || e.count(`SELECT count(*) FROM discount_rules`) != 1 ||
		e.events("coupon.created") != 4 || e.events("discount_rule.changed") != 1 {
		t.Fatal("first seed")
	}
	before := e.snapshot()
	n, err := seed.Run(context.Background(), e.st)
	if err != nil || n != 0 {
		t.Fatalf("second seed inserted %d: %v", n, err)
	}
	e.unchanged(before, "a second seed")
	// The catalog seed's Audio category: UUIDv5 of "category:audio" in its namespace.
	if want := uuid.NewSHA1(uuid.MustParse("01937a00-0000-7000-8000-00000000ca7a"), []byte("category:audio")).String(); seed.AudioCategoryID != want {
		t.Fatalf("audio category %s, want %s", seed.AudioCategoryID, want)
	}
	for code, status := range map[string]string{"WELCOME10": "ACTIVE", "FLAT500": "ACTIVE", "AUDIO15": "ACTIVE", "EXPIRED50": "EXPIRED"} {
		if c := e.coupon(anonymous, code); c == nil || c.Status != status {
			t.Errorf("%s: %+v", code, c)
		}
	}
}
