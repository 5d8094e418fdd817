package money

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormatted(t *testing.T) {
	t.Parallel()
	for paise, want := range map[int64]string{
		0: "₹0.00", 5: "₹0.05", 99900: "₹999.00", 100000: "₹1,000.00",
		12990000: "₹1,29,900.00", 1234567850: "₹1,23,45,678.50", -150: "-₹1.50",
	} {
		assert.Equal(t, want, Money{Paise: paise}.Formatted(), "paise %d", paise)
	}
}
