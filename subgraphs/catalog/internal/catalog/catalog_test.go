package catalog_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

func field(t *testing.T, err error) string {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Code != errs.BadUserInput {
		t.Fatalf("want BAD_USER_INPUT, got %v", err)
	}
	return e.Field
}

func p64(v int64) *int64 { return &v }

func TestPrices(t *testing.T) {
	t.Parallel()
	ok := []struct {
		mrp, price int64
		retail     *int64
		moq        int
	}{{100, 100, nil, 1}, {100, 90, p64(90), 50}, {100, 1, p64(1), 1}}
	for _, c := range ok {
		if err := catalog.Prices(c.mrp, c.price, c.retail, c.moq); err != nil {
			t.Errorf("%+v: %v", c, err)
		}
	}
	bad := []struct {
		mrp, price int64
		retail     *int64
		moq        int
		field      string
	}{
		{100, 0, nil, 1, "price"}, {100, -1, nil, 1, "price"}, {0, 0, nil, 1, "mrp"}, {-5, 1, nil, 1, "mrp"},
		{100, 101, nil, 1, "price"}, {100, 90, p64(91), 1, "retailerPrice"}, {100, 90, p64(0), 1, "retailerPrice"},
		{100, 90, nil, 0, "minOrderQuantity"}, {catalog.MaxPaise + 1, 1, nil, 1, "mrp"},
	}
	for _, c := range bad {
		if f := field(t, catalog.Prices(c.mrp, c.price, c.retail, c.moq)); f != c.field {
			t.Errorf("%+v: field %s", c, f)
		}
	}
}

func TestTextLimits(t *testing.T) {
	t.Parallel()
	if s, err := catalog.Text("title", "  Apple iPhone 15  ", 200, false); err != nil || s != "Apple iPhone 15" {
		t.Fatalf("%q %v", s, err)
	}
	for _, s := range []string{"", "   ", strings.Repeat("a", 201), strings.Repeat("€", 201), "a\x00b", "tab\there", strings.Repeat("x", 10*1024)} {
		if _, err := catalog.Text("title", s, 200, false); err == nil {
			t.Errorf("%q accepted", s[:min(len(s), 20)])
		}
	}
	if _, err := catalog.Text("description", "line one\nline two\ttabbed", 10_000, true); err != nil {
		t.Errorf("multiline: %v", err)
	}
	if _, err := catalog.OptionalText("description", strings.Repeat("d", 10_001), 10_000, true); err == nil {
		t.Error("10,001 characters accepted")
	}
}

func TestSKU(t *testing.T) {
	t.Parallel()
	if s, err := catalog.SKU("sku", " apple-iphone-15-blk "); err != nil || s != "APPLE-IPHONE-15-BLK" {
		t.Fatalf("%q %v", s, err)
	}
	for _, s := range []string{"", "A B", "A_B", "A;--", strings.Repeat("A", 65), "É"} {
		if _, err := catalog.SKU("sku", s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestSlugs(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Apple iPhone 15":                 "apple-iphone-15",
		"Nothing Phone (2a)":              "nothing-phone-2a",
		"  --Samsung  Galaxy S24+ 5G!!  ": "samsung-galaxy-s24-5g",
		"फ़ोन":                            "",
	} {
		if got := catalog.Slugify(in, 220); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
	if got := catalog.BaseSlug("फ़ोन"); got != "product" {
		t.Errorf("BaseSlug of a title without ASCII = %q", got)
	}
	if got := catalog.Slugify(strings.Repeat("word ", 100), 30); len(got) > 30 || strings.HasSuffix(got, "-") {
		t.Errorf("long slug %q", got)
	}
	for s, ok := range map[string]bool{"a": true, "a-b-1": true, "-a": false, "a-": false, "a--b": false, "A": false, "a b": false, "": false} {
		if catalog.IsSlug(s) != ok {
			t.Errorf("IsSlug(%q) != %v", s, ok)
		}
	}
}

func TestTokenizeNeutralisesSyntax(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"iPhone 15":                   "iphone:* & 15:*",
		"iphone & 15":                 "iphone:* & 15:*",
		"'; DROP TABLE products;--":   "drop:* & table:* & products:*",
		`a:* | b \ ! % _ ' ( ) <-> "`: "a:* & b:*",
		"%%%":                         "",
		"फ़ोन":                        "फ़ोन:*",
		"one two three four five six seven eight nine": "one:* & two:* & three:* & four:* & five:* & six:* & seven:* & eight:*",
	} {
		s, err := catalog.NewSearch(catalog.SearchInput{Query: in, First: 10})
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if got := s.TSQuery(); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
		if !s.HasQuery {
			t.Errorf("%q: HasQuery false", in)
		}
	}
}

func TestNewSearchLimits(t *testing.T) {
	t.Parallel()
	bad := map[string]catalog.SearchInput{
		"filter.query":                {Query: strings.Repeat("q", 201)},
		"first":                       {First: 101},
		"after":                       {After: "garbage"},
		"filter.categoryId":           {CategoryID: "nope"},
		"filter.brandIds":             {BrandIDs: []string{"nope"}},
		"filter.minPrice":             {MinPrice: p64(-1)},
		"filter.maxPrice":             {MinPrice: p64(10), MaxPrice: p64(5)},
		"filter.attributes.attribute": {Attributes: []catalog.AttributeFilter{{Slug: "Colour!", Values: []string{"x"}}}},
		"filter.attributes.values":    {Attributes: []catalog.AttributeFilter{{Slug: "colour"}}},
		"sort":                        {Sort: "RANDOM"},
	}
	for want, in := range bad {
		_, err := catalog.NewSearch(in)
		if f := field(t, err); f != want {
			t.Errorf("%s: field %s", want, f)
		}
	}
	s, err := catalog.NewSearch(catalog.SearchInput{Query: strings.Repeat("q", 200), First: 100, After: catalog.EncodeCursor(41)})
	if err != nil || s.Offset != 42 {
		t.Fatalf("offset %d: %v", s.Offset, err)
	}
}

func TestMediaValidation(t *testing.T) {
	t.Parallel()
	good := catalog.NewMedia{Alt: "front", URLs: []catalog.MediaURL{{URL: "https://cdn.purra.in/a-400.webp", Width: 400, Format: "WEBP"}}}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"http://cdn.purra.in/a.webp", "javascript:alert(1)", "https://", "https://user:pw@cdn.purra.in/a",
		"https://cdn.purra.in/a b", "//cdn.purra.in/a", "https://cdn.purra.in/\"><script>", "https://" + strings.Repeat("a", 2048)} {
		m := catalog.NewMedia{Alt: "x", URLs: []catalog.MediaURL{{URL: u, Width: 400, Format: "WEBP"}}}
		if f := field(t, m.Validate()); f != "urls.url" {
			t.Errorf("%q: field %s", u, f)
		}
	}
	dup := catalog.NewMedia{Alt: "x", URLs: []catalog.MediaURL{{URL: "https://a.in/1", Width: 1, Format: "PNG"}, {URL: "https://a.in/2", Width: 1, Format: "PNG"}}}
	if f := field(t, dup.Validate()); f != "urls" {
		t.Errorf("duplicate rendition: %s", f)
	}
}

func TestProductStatusRules(t *testing.T) {
	t.Parallel()
	p := catalog.Product{Title: "A", Status: catalog.Draft}
	active := catalog.Active
	if _, err := p.Apply(catalog.ProductChanges{Status: &active}, 0); field(t, err) != "status" {
		t.Fatal("ACTIVE without variants allowed")
	}
	changed, err := p.Apply(catalog.ProductChanges{Status: &active}, 1)
	if err != nil || p.Status != catalog.Active || len(changed) != 1 {
		t.Fatalf("%v %v %v", p.Status, changed, err)
	}
	archived := catalog.Archived
	c := catalog.ProductChanges{Status: &archived}
	if field(t, c.Validate()) != "status" {
		t.Fatal("ARCHIVED through update allowed")
	}
}

func TestVariantApplyRecordsPriceChange(t *testing.T) {
	t.Parallel()
	v := catalog.Variant{ID: "v", ProductID: "p", SKU: "S", Title: "Black", MRP: 1000, Price: 900, RetailerPrice: p64(800), MOQ: 5}
	ev, changed, err := v.Apply(catalog.VariantChanges{Price: p64(950)})
	if err != nil || ev == nil || len(changed) != 0 || ev.OldPricePaise != 900 || ev.NewPricePaise != 950 || *ev.NewRetailerPricePaise != 800 {
		t.Fatalf("%+v %v %v", ev, changed, err)
	}
	moq := 10
	ev, changed, err = v.Apply(catalog.VariantChanges{MOQ: &moq})
	if err != nil || ev != nil || len(changed) != 1 {
		t.Fatalf("%+v %v %v", ev, changed, err)
	}
	if _, _, err := v.Apply(catalog.VariantChanges{MRP: p64(900)}); field(t, err) != "price" || v.MRP != 1000 {
		t.Fatalf("mrp below price: %v, mrp now %d", err, v.MRP)
	}
}
