package invoice

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRupeesUseIndianGrouping(t *testing.T) {
	assert.Equal(t, "Rs. 1,29,900.50", Rupees(1_29_900_50))
	assert.Equal(t, "Rs. 999.00", Rupees(999_00))
	assert.Equal(t, "Rs. 1,000.01", Rupees(1_000_01))
	assert.Equal(t, "Rs. 1,23,45,678.09", Rupees(1_23_45_678_09))
	assert.Equal(t, "-Rs. 0.05", Rupees(-5))
}

// TestThePDFStatesTheInvoice reads the text back out of the PDF's content
// streams: the number, the GSTINs, each line's HSN, the totals and the words.
func TestThePDFStatesTheInvoice(t *testing.T) {
	b := seller
	b.Name, b.GSTIN = "Amit Traders", "27AAAPL1234C1Z5"
	b.Address = buyerMH.Address
	inv, err := Issue(seller, b, []Item{iphone, earbuds})
	require.NoError(t, err)
	inv.Number, inv.OrderNumber, inv.IssuedAt = "TH/26-27/000001", "PUR-2026-000042", time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

	pdf, err := Render(inv)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")))
	text := pdfText(t, pdf)
	for _, want := range []string{"TAX INVOICE", "TH/26-27/000001", "PUR-2026-000042", "GSTIN 29ABCDE1234F1Z5",
		"GSTIN 27AAAPL1234C1Z5", "8517", "8518", "Inter-state supply: IGST", Rupees(inv.Total), Rupees(inv.IGST),
		"Rupees Eighty-Eight Thousand Six Hundred and Fifteen and Paise Ninety-Nine Only"} {
		assert.Contains(t, text, want)
	}
	again, err := Render(inv)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(pdf, again), "drawn again identical")
}

// pdfText inflates the page streams and joins the strings shown with Tj.
func pdfText(t *testing.T, pdf []byte) string {
	var out bytes.Buffer
	streams := regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`).FindAllSubmatch(pdf, -1)
	shown := regexp.MustCompile(`\((.*?)\) ?Tj`)
	for _, s := range streams {
		r, err := zlib.NewReader(bytes.NewReader(s[1]))
		if err != nil {
			continue
		}
		raw, _ := io.ReadAll(r)
		for _, m := range shown.FindAllSubmatch(raw, -1) {
			out.Write(m[1])
			out.WriteByte('\n')
		}
	}
	return out.String()
}
