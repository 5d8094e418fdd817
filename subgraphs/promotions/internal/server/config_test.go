package server_test

import (
	"testing"
	"time"

	"github.com/purra/supergraph/subgraphs/promotions/internal/server"
)

func TestConfig(t *testing.T) {
	t.Parallel()
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	c, err := server.LoadConfig(env())
	if err != nil || c.FreeShippingAbovePaise != 49900 || c.ShippingFeePaise != 4900 || c.CouponHoldTTL != time.Hour ||
		c.CouponMissesPerMinute != 30 {
		t.Fatalf("defaults %+v %v", c, err)
	}
	c, err = server.LoadConfig(env("FREE_SHIPPING_ABOVE_PAISE", "99900", "SHIPPING_FEE_PAISE", "0"))
	if err != nil || c.FreeShippingAbovePaise != 99900 || c.ShippingFeePaise != 0 {
		t.Fatalf("set %+v %v", c, err)
	}
	for _, bad := range [][]string{
		{"SHIPPING_FEE_PAISE", "-1"}, {"FREE_SHIPPING_ABOVE_PAISE", "lots"}, {"COUPON_HOLD_TTL", "10s"},
		{"COUPON_MISSES_PER_MINUTE", "0"}, {"COUPON_HOLD_SWEEP", "0s"},
	} {
		if _, err := server.LoadConfig(env(bad...)); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	// Shipping settings reach the quote.
	e := newEnv(t, "FREE_SHIPPING_ABOVE_PAISE", "1000000", "SHIPPING_FEE_PAISE", "9900")
	if q := e.mustQuote(e.customer(), []map[string]any{line(earbudsID, 1)}, nil); q.Shipping.Paise != 9900 || q.Total.Paise != 129900+9900 {
		t.Fatalf("configured shipping %+v", q)
	}
}
