package india_test

import (
	"errors"
	"github.com/purra/supergraph/platform/india"
	"testing"

	"github.com/purra/supergraph/platform/errs"
)

func TestNormalizeGSTIN(t *testing.T) {
	t.Parallel()
	valid := []struct{ in, want string }{
		{"27AAPFU0939F1ZV", "27AAPFU0939F1ZV"},   // published example, Maharashtra
		{"33AAACH7409R1Z8", "33AAACH7409R1Z8"},   // Tamil Nadu
		{"24ABCPP1234F1Z6", "24ABCPP1234F1Z6"},   // seed: Gujarat
		{"29AABCT1234H1ZI", "29AABCT1234H1ZI"},   // seed: Karnataka
		{" 27aapfu0939f1zv ", "27AAPFU0939F1ZV"}, // trimmed, upper-cased
	}
	for _, c := range valid {
		got, err := india.NormalizeGSTIN("gstin", c.in)
		if err != nil || got != c.want {
			t.Errorf("india.NormalizeGSTIN(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	invalid := []struct{ name, in string }{
		{"checksum", "29AAACR5055K1Z5"}, // should end in 3
		{"checksum off by one", "27AAPFU0939F1ZW"},
		{"state 00", "00AAPFU0939F1ZV"},
		{"state 39", "39AAPFU0939F1ZV"},
		{"14 chars", "27AAPFU0939F1Z"},
		{"16 chars", "27AAPFU0939F1ZVV"},
		{"no Z at 14", "27AAPFU0939F1YV"},
		{"entity number 0", "27AAPFU0939F0ZV"},
		{"digits where letters go", "2712345678901ZV"},
		{"empty", ""},
		{"unicode", "27AAPFU0939F1Zé"},
	}
	for _, c := range invalid {
		if _, err := india.NormalizeGSTIN("gstin", c.in); errs.CodeOf(err) != errs.BadUserInput {
			t.Errorf("%s: india.NormalizeGSTIN(%q) err = %v, want BAD_USER_INPUT", c.name, c.in, err)
		}
	}
	_, err := india.NormalizeGSTIN("gstin", "29AAACR5055K1Z5")
	var e *errs.Error
	if !errors.As(err, &e) || e.Field != "gstin" || e.Reason != "GSTIN_CHECKSUM" {
		t.Errorf("checksum error = %#v, want field gstin reason GSTIN_CHECKSUM", err)
	}
}

func TestGSTINCheckChar(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]byte{"27AAPFU0939F1Z": 'V', "29AAACR5055K1Z": '3', "33AAACH7409R1Z": '8'} {
		if got := india.GSTINCheckChar(in); got != want {
			t.Errorf("india.GSTINCheckChar(%s) = %c, want %c", in, got, want)
		}
	}
}

func TestSpecialStateCodes(t *testing.T) {
	t.Parallel()
	for _, prefix := range []string{"97", "99", "01", "38"} {
		body := prefix + "AAPFU0939F1Z"
		g := body + string(india.GSTINCheckChar(body))
		if _, err := india.NormalizeGSTIN("gstin", g); err != nil {
			t.Errorf("state %s: %v", prefix, err)
		}
	}
}

func TestPAN(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"AAPFU0939F", "aabct1234h"} {
		if _, err := india.NormalizePAN("pan", ok); err != nil {
			t.Errorf("india.NormalizePAN(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "AAPFU0939", "AAPFU09391", "1APFU0939F", "AAPFU0939FF"} {
		if _, err := india.NormalizePAN("pan", bad); errs.CodeOf(err) != errs.BadUserInput {
			t.Errorf("india.NormalizePAN(%q) = %v, want BAD_USER_INPUT", bad, err)
		}
	}
	if got := india.PANOfGSTIN("27AAPFU0939F1ZV"); got != "AAPFU0939F" {
		t.Errorf("india.PANOfGSTIN = %s", got)
	}
}
