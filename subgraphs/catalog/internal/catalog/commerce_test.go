package catalog_test

import (
	"math"
	"strings"
	"testing"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

func TestSetGSTRateValidation(t *testing.T) {
	t.Parallel()
	for _, r := range catalog.GSTSlabs {
		in := catalog.SetGSTRate{HSNCode: " 8528 ", RatePercent: r}
		if err := in.Validate(); err != nil || in.HSNCode != "8528" {
			t.Errorf("%v%%: %v (%q)", r, err, in.HSNCode)
		}
	}
	for _, h := range []string{"8528", "852872", "85287217"} {
		in := catalog.SetGSTRate{HSNCode: h, RatePercent: 18}
		if err := in.Validate(); err != nil {
			t.Errorf("%s: %v", h, err)
		}
	}
	bad := []struct {
		hsn   string
		rate  float64
		field string
	}{
		{"8528", 7, "ratePercent"}, {"8528", 40, "ratePercent"}, {"8528", -5, "ratePercent"}, {"8528", 0.2500001, "ratePercent"},
		{"8528", math.NaN(), "ratePercent"}, {"8528", math.Inf(1), "ratePercent"},
		{"852", 18, "hsnCode"}, {"85287", 18, "hsnCode"}, {"852872171", 18, "hsnCode"}, {"85_8", 18, "hsnCode"},
		{"", 18, "hsnCode"}, {strings.Repeat("1", 10_000), 18, "hsnCode"},
	}
	for _, c := range bad {
		in := catalog.SetGSTRate{HSNCode: c.hsn, RatePercent: c.rate}
		if f := field(t, in.Validate()); f != c.field {
			t.Errorf("%.12q at %v: field %q, want %q", c.hsn, c.rate, f, c.field)
		}
	}
}

func TestInitialStockLimits(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, catalog.MaxInitialStock} {
		v := catalog.NewVariant{SKU: "A-1", MRP: 100, Price: 100, MOQ: 1, InitialStock: n}
		if err := v.Validate(); err != nil {
			t.Errorf("%d: %v", n, err)
		}
	}
	for _, n := range []int{-1, catalog.MaxInitialStock + 1, math.MaxInt} {
		v := catalog.NewVariant{SKU: "A-1", MRP: 100, Price: 100, MOQ: 1, InitialStock: n}
		if f := field(t, v.Validate()); f != "initialStock" {
			t.Errorf("%d: field %q", n, f)
		}
	}
}
