package catalog

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// GSTRate is the GST rate of an HSN code. A product's rate is that of the
// longest HSN code that prefixes its own.
type GSTRate struct {
	HSNCode     string
	RatePercent float64
	Description string
	UpdatedAt   time.Time
}

// GSTSlabs are the rates an HSN code can be given, in percent: the slabs of
// Indian GST that goods of this marketplace fall under.
var GSTSlabs = []float64{0, 0.25, 3, 5, 12, 18, 28}

// SetGSTRate is an admin's request to set the rate of an HSN code.
type SetGSTRate struct {
	HSNCode     string
	RatePercent float64
}

// Validate normalises r: the HSN code must be 4, 6 or 8 digits and the rate
// one of GSTSlabs.
func (r *SetGSTRate) Validate() error {
	var err error
	if r.HSNCode, err = HSN("hsnCode", r.HSNCode); err != nil {
		return err
	}
	if !math.IsNaN(r.RatePercent) {
		for _, s := range GSTSlabs {
			if r.RatePercent == s {
				return nil
			}
		}
	}
	slabs := make([]string, len(GSTSlabs))
	for i, s := range GSTSlabs {
		slabs[i] = strconv.FormatFloat(s, 'f', -1, 64)
	}
	return errs.BadInput("ratePercent", "must be one of %s", strings.Join(slabs, ", "))
}
