package credential

import (
	"strings"

	"github.com/purra/supergraph/platform/errs"
)

// MaxEmailLen is the longest address SMTP allows (RFC 5321).
const MaxEmailLen = 254

// NormalizeEmail trims and lower-cases s and checks it is a plain address
// local@domain.tld. Quoted local parts, comments, display names and IP
// literals are refused: they are legal but only ever seen in attacks.
func NormalizeEmail(field, s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", errs.BadInput(field, "is required")
	}
	if len(s) > MaxEmailLen {
		return "", errs.BadInput(field, "must be at most %d characters", MaxEmailLen)
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || !validLocal(local) || !validDomain(domain) {
		return "", errs.BadInput(field, "is not a valid email address")
	}
	return s, nil
}

func validLocal(s string) bool {
	if s == "" || len(s) > 64 || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && !strings.ContainsRune(".!#$%&'*+/=?^_`{|}~-", rune(c)) {
			return false
		}
	}
	return true
}

func validDomain(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 || len(s) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			if !isAlnum(l[i]) && l[i] != '-' {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	for i := 0; i < len(tld); i++ {
		if tld[i] >= '0' && tld[i] <= '9' {
			return false // a numeric TLD means an IP address, not a mailbox domain
		}
	}
	return true
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
