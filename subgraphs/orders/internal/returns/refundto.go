package returns

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RefundToKind is where a cash-on-delivery refund is paid.
type RefundToKind string

const (
	BankAccount RefundToKind = "BANK_ACCOUNT"
	UPI         RefundToKind = "UPI"
)

// RefundTo is the bank account or UPI VPA a cash-on-delivery order's
// refund is paid to (there is no payment to refund to).
type RefundTo struct {
	Kind          RefundToKind `json:"kind"`
	AccountName   string       `json:"accountName,omitempty"`
	AccountNumber string       `json:"accountNumber,omitempty"`
	IFSC          string       `json:"ifsc,omitempty"`
	UPIVPA        string       `json:"upiVpa,omitempty"`
}

var (
	// IFSC: four letters (the bank), a zero, six letters or digits (the branch).
	ifscRe = regexp.MustCompile(`^[A-Z]{4}0[A-Z0-9]{6}$`)
	// Indian bank account numbers are 9 to 18 digits.
	accountRe = regexp.MustCompile(`^[0-9]{9,18}$`)
	// A UPI VPA: handle@provider.
	vpaRe = regexp.MustCompile(`^[a-zA-Z0-9._-]{2,256}@[a-zA-Z][a-zA-Z0-9]{1,63}$`)
)

// RefundToInput is codRefundTo as given: either the bank fields or the VPA.
type RefundToInput struct {
	AccountName   string
	AccountNumber string
	IFSC          string
	UPIVPA        string
}

// ParseRefundTo validates where a COD refund goes: exactly one of a bank
// account (holder's name 2–100 characters, 9–18 digits, IFSC) or a UPI VPA.
func ParseRefundTo(in RefundToInput) (*RefundTo, error) {
	const f = "codRefundTo"
	bank := in.AccountName != "" || in.AccountNumber != "" || in.IFSC != ""
	switch {
	case bank && in.UPIVPA != "":
		return nil, badInput(f, "give a bank account or a UPI VPA, not both")
	case in.UPIVPA != "":
		vpa := strings.TrimSpace(in.UPIVPA)
		if len(vpa) > 320 || !vpaRe.MatchString(vpa) {
			return nil, badInput(f+".upiVpa", "must be a UPI VPA such as name@okbank")
		}
		return &RefundTo{Kind: UPI, UPIVPA: strings.ToLower(vpa)}, nil
	case bank:
		name, err := text(f+".accountName", in.AccountName, 2, 100)
		if err != nil {
			return nil, err
		}
		no := strings.ReplaceAll(strings.TrimSpace(in.AccountNumber), " ", "")
		if len(no) > 40 || !accountRe.MatchString(no) {
			return nil, badInput(f+".accountNumber", "must be 9–18 digits")
		}
		ifsc := strings.ToUpper(strings.TrimSpace(in.IFSC))
		if len(ifsc) > 20 || !ifscRe.MatchString(ifsc) {
			return nil, badInput(f+".ifsc", "must be an IFSC such as HDFC0001234")
		}
		return &RefundTo{Kind: BankAccount, AccountName: name, AccountNumber: no, IFSC: ifsc}, nil
	}
	return nil, badInput(f, "give a bank account or a UPI VPA")
}

// Masked is r with the account number reduced to its last four digits, for
// reading back (the full number goes only to payments, which pays it).
func (r RefundTo) Masked() RefundTo {
	if n := len(r.AccountNumber); n > 4 {
		r.AccountNumber = strings.Repeat("X", n-4) + r.AccountNumber[n-4:]
	}
	return r
}

// text trims s and checks its length in characters and that it has no
// control or bidi-override characters.
func text(field, s string, min, max int) (string, error) {
	if len(s) > 4*max { // cheap bound before counting runes of a huge string
		return "", badInput(field, "must be at most %d characters", max)
	}
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return "", badInput(field, "must be valid UTF-8")
	}
	if n := utf8.RuneCountInString(s); n < min || n > max {
		return "", badInput(field, "must be %d–%d characters", min, max)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') {
			return "", badInput(field, "must not contain control characters")
		}
	}
	return s, nil
}

// ParseRejection validates a store's reason for rejecting a return.
func ParseRejection(reason string) (string, error) { return text("reason", reason, 3, 500) }
