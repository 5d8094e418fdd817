// Package invoice is the GST tax invoice a store issues when its fulfilment
// ships, and the credit notes that follow its refunds (docs/marketplace.md,
// "Tax invoices"). It holds the rules only: numbering, the tax split of each
// line, totals in words and the PDF; storing and allocating numbers is the
// store's job, deciding when to issue the app's.
package invoice

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/purra/supergraph/platform/page"
)

// Kind says whether a document charges the buyer or credits them back.
type Kind string

const (
	TaxInvoice Kind = "TAX_INVOICE"
	CreditNote Kind = "CREDIT_NOTE"
)

// Address is a postal address on an invoice.
type Address struct {
	Line1   string `json:"line1"`
	Line2   string `json:"line2,omitempty"`
	City    string `json:"city"`
	State   string `json:"state"` // IndianState name, e.g. KARNATAKA
	PinCode string `json:"pinCode"`
}

// Party is the seller or the buyer. GSTIN is empty for a consumer (B2C).
type Party struct {
	Name    string  `json:"name"`
	GSTIN   string  `json:"gstin,omitempty"`
	Phone   string  `json:"phone,omitempty"`
	Address Address `json:"address"`
}

// Line is one line of an invoice, amounts in paise. Total is what the buyer
// paid for the line (GST included, after discounts); Taxable + CGST + SGST +
// IGST = Total exactly.
type Line struct {
	OrderItemID string
	Description string
	HSN         string
	Quantity    int
	RatePercent float64
	Taxable     int64
	CGST        int64
	SGST        int64
	IGST        int64
	Total       int64
}

// Invoice is a tax invoice or a credit note, immutable once issued.
type Invoice struct {
	ID            string
	Kind          Kind
	Number        string
	StoreID       string
	OrderID       string
	OrderNumber   string
	FinancialYear string
	Sequence      int
	Seller        Party
	Buyer         Party
	PlaceOfSupply string // the buyer's state
	Interstate    bool   // IGST rather than CGST + SGST
	Lines         []Line
	Taxable       int64
	CGST          int64
	SGST          int64
	IGST          int64
	Total         int64
	// Credit notes only: the invoice credited and the refund that caused it.
	OriginalID     string
	OriginalNumber string
	RefundID       string
	IssuedAt       time.Time
}

// IST is the time zone of the financial year.
var IST = time.FixedZone("IST", 5*3600+1800)

// FinancialYear is the Indian financial year (April to March) of t:
// 7 Dec 2026 → "2026-27"; 15 Mar 2027 → "2026-27".
func FinancialYear(t time.Time) string {
	t = t.In(IST)
	y := t.Year()
	if t.Month() < time.April {
		y--
	}
	return fmt.Sprintf("%d-%02d", y, (y+1)%100)
}

// Prefix is a store's series prefix from its name: its capitals
// ("TechHub" → "TH", "SoundWave Audio" → "SWA"), else the first letters of
// its words, at most 3 characters, so that a number stays within the 16
// characters rule 46(b) of the CGST Rules allows.
func Prefix(storeName string) string {
	var caps, initials []rune
	start := true
	for _, r := range storeName {
		switch {
		case unicode.IsUpper(r) && r < unicode.MaxASCII:
			caps = append(caps, r)
		case (unicode.IsLetter(r) || unicode.IsDigit(r)) && r < unicode.MaxASCII:
			if start {
				initials = append(initials, unicode.ToUpper(r))
			}
		}
		start = !(unicode.IsLetter(r) || unicode.IsDigit(r))
	}
	p := caps
	if len(p) < 2 {
		p = initials
	}
	if len(p) < 2 {
		p = []rune(strings.ToUpper(asciiAlnum(storeName) + "XX"))[:2]
	}
	if len(p) > 3 {
		p = p[:3]
	}
	return string(p)
}

func asciiAlnum(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Number formats a document number: TH/26-27/000042 for invoices,
// THC/26-27/00042 for credit notes (a separate series, as the rules allow),
// both at most 16 characters with a prefix of at most 3.
func Number(kind Kind, prefix, financialYear string, seq int) string {
	fy := financialYear[2:] // "2026-27" → "26-27"
	if kind == CreditNote {
		return fmt.Sprintf("%sC/%s/%05d", prefix, fy, seq)
	}
	return fmt.Sprintf("%s/%s/%06d", prefix, fy, seq)
}

var fyPattern = regexp.MustCompile(`^(\d{4})-(\d{2})$`)

// ValidFinancialYear accepts "2026-27" (the second year following the first).
func ValidFinancialYear(fy string) bool {
	m := fyPattern.FindStringSubmatch(fy)
	if m == nil {
		return false
	}
	y, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	return (y+1)%100 == n
}

// PDFKey is where inv's PDF is stored:
// private/invoices/<store>/<year>/th-26-27-000001.pdf. Under private/
// (platform/storage), the media origin serves it only through a signed URL.
func PDFKey(inv Invoice) string {
	name := strings.ToLower(strings.NewReplacer("/", "-").Replace(inv.Number))
	return "private/invoices/" + inv.StoreID + "/" + inv.FinancialYear + "/" + name + ".pdf"
}

// Pages of a store's documents, newest first (ids are UUID v7).
const cursorKind page.Kind = "i"

// ParsePage validates first and the opaque cursor after.
func ParsePage(first *int, after *string) (page.Request, error) { return cursorKind.Parse(first, after) }

// Cursor returns the cursor of the document with id.
func Cursor(id string) string { return cursorKind.Cursor(id) }
