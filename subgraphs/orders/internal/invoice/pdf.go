package invoice

import (
	"bytes"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Render draws inv as an A4 PDF. The rendering depends only on inv (its
// dates included), so a PDF lost from storage is drawn again identical.
// The core fonts have no ₹ glyph: amounts read "Rs.".
func Render(inv Invoice) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true) // resources in a fixed order: the same bytes every time
	pdf.SetCreationDate(inv.IssuedAt)
	pdf.SetModificationDate(inv.IssuedAt)
	pdf.SetTitle(title(inv)+" "+inv.Number, true)
	pdf.SetAuthor(inv.Seller.Name, true)
	pdf.SetMargins(12, 12, 12)
	pdf.AddPage()
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: names with accents still print

	pdf.SetFont("Helvetica", "B", 15)
	pdf.CellFormat(0, 8, tr(strings.ToUpper(title(inv))), "", 1, "C", false, 0, "")
	pdf.SetFont("Helvetica", "", 9)
	pdf.CellFormat(0, 5, tr(fmt.Sprintf("No. %s   Date %s   Order %s", inv.Number,
		inv.IssuedAt.In(IST).Format("02 Jan 2006"), inv.OrderNumber)), "", 1, "C", false, 0, "")
	if inv.Kind == CreditNote {
		pdf.CellFormat(0, 5, tr("Against tax invoice "+inv.OriginalNumber), "", 1, "C", false, 0, "")
	}
	pdf.Ln(3)

	y := pdf.GetY()
	party(pdf, tr, "Sold by", inv.Seller, 12, y)
	party(pdf, tr, "Billed and shipped to", inv.Buyer, 108, y)
	pdf.SetY(y + 34)
	pdf.SetFont("Helvetica", "", 9)
	supply := "Intra-state supply: CGST + SGST"
	if inv.Interstate {
		supply = "Inter-state supply: IGST"
	}
	pdf.CellFormat(0, 5, tr("Place of supply: "+inv.PlaceOfSupply+"   "+supply), "", 1, "L", false, 0, "")
	pdf.Ln(2)

	lines(pdf, tr, inv)

	pdf.Ln(3)
	pdf.SetFont("Helvetica", "B", 9)
	pdf.MultiCell(0, 5, tr("Amount in words: "+Words(inv.Total)), "", "L", false)
	pdf.SetFont("Helvetica", "", 8)
	pdf.Ln(4)
	pdf.MultiCell(0, 4, tr("Whether tax is payable under reverse charge: No. Sold through Purra, an electronic "+
		"commerce operator that collects tax at source under section 52 of the CGST Act. "+
		"This is a computer-generated document and needs no signature."), "", "L", false)

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("invoice %s: render: %w", inv.Number, err)
	}
	return buf.Bytes(), nil
}

func title(inv Invoice) string {
	if inv.Kind == CreditNote {
		return "Credit note"
	}
	return "Tax invoice"
}

func party(pdf *fpdf.Fpdf, tr func(string) string, heading string, p Party, x, y float64) {
	pdf.SetXY(x, y)
	pdf.SetFont("Helvetica", "B", 9)
	pdf.CellFormat(90, 5, tr(heading), "", 2, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", 9)
	rows := []string{p.Name, p.Address.Line1}
	if p.Address.Line2 != "" {
		rows = append(rows, p.Address.Line2)
	}
	rows = append(rows, p.Address.City+" "+p.Address.PinCode, p.Address.State)
	if p.GSTIN != "" {
		rows = append(rows, "GSTIN "+p.GSTIN)
	}
	for _, r := range rows {
		pdf.CellFormat(90, 4.5, tr(r), "", 2, "L", false, 0, "")
	}
}

var columns = []struct {
	name  string
	width float64
	align string
}{{"#", 7, "C"}, {"Description", 58, "L"}, {"HSN", 14, "C"}, {"Qty", 9, "R"}, {"Taxable", 22, "R"},
	{"Rate", 11, "R"}, {"CGST", 19, "R"}, {"SGST", 19, "R"}, {"IGST", 19, "R"}, {"Total", 0, "R"}}

func lines(pdf *fpdf.Fpdf, tr func(string) string, inv Invoice) {
	pdf.SetFont("Helvetica", "B", 8)
	pdf.SetFillColor(235, 235, 235)
	for i, c := range columns {
		pdf.CellFormat(c.width, 6, c.name, "1", ln(i), "C", true, 0, "")
	}
	pdf.SetFont("Helvetica", "", 8)
	for n, l := range inv.Lines {
		cells := []string{fmt.Sprint(n + 1), truncate(l.Description, 44), l.HSN, fmt.Sprint(l.Quantity), Rupees(l.Taxable),
			fmt.Sprintf("%g%%", l.RatePercent), Rupees(l.CGST), Rupees(l.SGST), Rupees(l.IGST), Rupees(l.Total)}
		for i, c := range columns {
			pdf.CellFormat(c.width, 6, tr(cells[i]), "1", ln(i), c.align, false, 0, "")
		}
	}
	pdf.SetFont("Helvetica", "B", 8)
	totals := []string{"", "Total", "", "", Rupees(inv.Taxable), "", Rupees(inv.CGST), Rupees(inv.SGST), Rupees(inv.IGST), Rupees(inv.Total)}
	for i, c := range columns {
		pdf.CellFormat(c.width, 6, totals[i], "1", ln(i), c.align, false, 0, "")
	}
}

func ln(i int) int {
	if i == len(columns)-1 {
		return 1
	}
	return 0
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Rupees formats paise with Indian digit grouping: 12990050 → "Rs. 1,29,900.50".
func Rupees(paise int64) string {
	sign := ""
	if paise < 0 {
		sign, paise = "-", -paise
	}
	r := fmt.Sprint(paise / 100)
	if len(r) > 3 {
		head, tail := r[:len(r)-3], r[len(r)-3:]
		var groups []string
		for len(head) > 2 {
			groups = append([]string{head[len(head)-2:]}, groups...)
			head = head[:len(head)-2]
		}
		groups = append([]string{head}, groups...)
		r = strings.Join(groups, ",") + "," + tail
	}
	return fmt.Sprintf("%sRs. %s.%02d", sign, r, paise%100)
}
