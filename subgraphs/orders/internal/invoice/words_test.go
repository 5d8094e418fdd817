package invoice

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWordsUseTheIndianNumberingSystem(t *testing.T) {
	for paise, want := range map[int64]string{
		0:                  "Rupees Zero Only",
		50:                 "Rupees Zero and Paise Fifty Only",
		100:                "Rupees One Only",
		1_900:              "Rupees Nineteen Only",
		12_345:             "Rupees One Hundred and Twenty-Three and Paise Forty-Five Only",
		1_00_000_00:        "Rupees One Lakh Only",
		1_29_900_00:        "Rupees One Lakh Twenty-Nine Thousand Nine Hundred Only",
		1_29_900_50:        "Rupees One Lakh Twenty-Nine Thousand Nine Hundred and Paise Fifty Only",
		79_999_00:          "Rupees Seventy-Nine Thousand Nine Hundred and Ninety-Nine Only",
		2_05_00_017_00:     "Rupees Two Crore Five Lakh Seventeen Only",
		1_234_56_78_901_00: "Rupees One Thousand Two Hundred and Thirty-Four Crore Fifty-Six Lakh Seventy-Eight Thousand Nine Hundred and One Only",
	} {
		assert.Equal(t, want, Words(paise), "%d paise", paise)
	}
}
