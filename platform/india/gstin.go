// Package india holds Indian identifiers every subgraph that deals with
// businesses checks the same way: GSTIN (format, state code, checksum) and PAN.
package india

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/purra/supergraph/platform/errs"
)

var (
	gstinPattern = regexp.MustCompile(`^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$`)
	panPattern   = regexp.MustCompile(`^[A-Z]{5}[0-9]{4}[A-Z]$`)
)

const gstinAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// NormalizeGSTIN upper-cases s and checks it is a GST identification number:
// the 15-character pattern, a state code 01–38 (or 97 other territory, 99
// centre jurisdiction) and the mod-36 check character.
func NormalizeGSTIN(field, s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 15 || !gstinPattern.MatchString(s) {
		return "", errs.BadInput(field, "is not a valid GSTIN (15 characters like 27AAPFU0939F1ZV)")
	}
	state, _ := strconv.Atoi(s[:2])
	if !(state >= 1 && state <= 38 || state == 97 || state == 99) {
		return "", errs.BadInput(field, "has an unknown state code %s", s[:2])
	}
	if GSTINCheckChar(s[:14]) != s[14] {
		return "", errs.BadInput(field, "is not a valid GSTIN (check character does not match)").WithReason("GSTIN_CHECKSUM")
	}
	return s, nil
}

// GSTINCheckChar computes the GSTIN check character of the first 14
// characters: each character's value (0-9, A-Z = 0..35) is multiplied by
// alternating weights 1 and 2, the quotient and remainder of each product by
// 36 are summed, and the check is (36 - sum mod 36) mod 36.
func GSTINCheckChar(first14 string) byte {
	sum := 0
	for i := 0; i < len(first14); i++ {
		v := strings.IndexByte(gstinAlphabet, first14[i])
		p := v * (1 + i%2)
		sum += p/36 + p%36
	}
	return gstinAlphabet[(36-sum%36)%36]
}

// NormalizePAN upper-cases s and checks the PAN pattern AAAAA9999A.
func NormalizePAN(field, s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 10 || !panPattern.MatchString(s) {
		return "", errs.BadInput(field, "is not a valid PAN (10 characters like AAPFU0939F)")
	}
	return s, nil
}

// PANOfGSTIN returns the PAN embedded in a GSTIN (characters 3–12).
func PANOfGSTIN(gstin string) string { return gstin[2:12] }
