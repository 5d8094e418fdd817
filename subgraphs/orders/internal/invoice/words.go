package invoice

import "strings"

// Words spells an amount of paise the way Indian invoices do, with the
// Indian numbering system (thousand, lakh, crore):
// 12990050 → "Rupees One Lakh Twenty-Nine Thousand Nine Hundred and Paise Fifty Only".
func Words(paise int64) string {
	if paise < 0 {
		return "Minus " + Words(-paise)
	}
	rupees, p := paise/100, paise%100
	var b strings.Builder
	b.WriteString("Rupees ")
	if rupees == 0 {
		b.WriteString("Zero")
	} else {
		b.WriteString(indian(rupees))
	}
	if p > 0 {
		b.WriteString(" and Paise ")
		b.WriteString(belowHundred(int(p)))
	}
	b.WriteString(" Only")
	return b.String()
}

var ones = []string{"", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
	"Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"}

var tens = []string{"", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"}

// indian spells n > 0: crores (which may themselves run past 99), lakhs,
// thousands, hundreds, then the rest.
func indian(n int64) string {
	var parts []string
	if c := n / 1_00_00_000; c > 0 {
		parts = append(parts, indian(c)+" Crore")
		n %= 1_00_00_000
	}
	for _, u := range []struct {
		size int64
		name string
	}{{1_00_000, "Lakh"}, {1_000, "Thousand"}, {100, "Hundred"}} {
		if q := n / u.size; q > 0 {
			parts = append(parts, belowHundred(int(q))+" "+u.name)
			n %= u.size
		}
	}
	if n > 0 {
		if len(parts) > 0 && strings.HasSuffix(parts[len(parts)-1], "Hundred") {
			parts = append(parts, "and") // "Nine Hundred and One", as cheques are written
		}
		parts = append(parts, belowHundred(int(n)))
	}
	return strings.Join(parts, " ")
}

// belowHundred spells 1–99, with a hyphen between tens and ones ("Twenty-Nine").
func belowHundred(n int) string {
	if n < 20 {
		return ones[n]
	}
	if n%10 == 0 {
		return tens[n/10]
	}
	return tens[n/10] + "-" + ones[n%10]
}
