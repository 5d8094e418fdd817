package seed_test

import (
	"context"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/webp"

	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
	"github.com/purra/supergraph/subgraphs/catalog/internal/seed"
)

// The tables must build a catalogue the database accepts: unique slugs and
// SKUs, valid prices, 1–6 variants (nine for the iPhone 15) and https media.
func TestCatalogueIsValid(t *testing.T) {
	c := seed.Catalogue(testMedia(t))
	if len(c.Products) < 200 {
		t.Fatalf("%d products, want at least 200", len(c.Products))
	}
	slugs, skus := map[string]bool{}, map[string]bool{}
	bulk := 0
	for _, p := range c.Products {
		if slugs[p.Product.Slug] {
			t.Errorf("duplicate slug %s", p.Product.Slug)
		}
		slugs[p.Product.Slug] = true
		want := 6
		if p.Product.Slug == "apple-iphone-15" {
			want = 9
			if len(p.Variants) != 9 {
				t.Errorf("iPhone 15 has %d variants, want 9", len(p.Variants))
			}
		}
		if len(p.Variants) < 1 || len(p.Variants) > want {
			t.Errorf("%s has %d variants", p.Product.Slug, len(p.Variants))
		}
		for _, v := range p.Variants {
			if skus[v.SKU] {
				t.Errorf("duplicate SKU %s", v.SKU)
			}
			skus[v.SKU] = true
			if _, err := catalog.SKU("sku", v.SKU); err != nil {
				t.Errorf("SKU %q: %v", v.SKU, err)
			}
			if err := catalog.Prices(v.MRP, v.Price, v.RetailerPrice, v.MOQ); err != nil {
				t.Errorf("%s: %v", v.SKU, err)
			}
			if r := float64(*v.RetailerPrice) / float64(v.Price); r < 0.87 || r > 0.93 {
				t.Errorf("%s: retailer price is %.2f of the price", v.SKU, r)
			}
			if v.SKU == seed.BulkSKU {
				bulk++
				if v.MOQ != 50 {
					t.Errorf("bulk SKU has MOQ %d", v.MOQ)
				}
			}
			for _, m := range v.Media {
				nm := catalog.NewMedia{Alt: m.Alt, URLs: m.URLs}
				if err := nm.Validate(); err != nil {
					t.Errorf("%s media: %v", v.SKU, err)
				}
			}
		}
		for _, m := range p.Media {
			if len(m.URLs) != 6 {
				t.Errorf("%s: %d renditions", p.Product.Slug, len(m.URLs))
			}
		}
	}
	if bulk != 1 {
		t.Errorf("bulk SKU %s found %d times", seed.BulkSKU, bulk)
	}
	for _, s := range []string{"apple-iphone-15", "apple-iphone-15-plus", "apple-iphone-15-pro", "apple-iphone-15-pro-max", "apple-iphone-15-silicone-case-with-magsafe"} {
		if !slugs[s] {
			t.Errorf("missing %s", s)
		}
	}
}

// Every seeded variant starts with 20–300 units, the iPhone 15 family with at
// least 100, the bulk SKU with 1,000; always the same for the same SKU.
func TestInitialStock(t *testing.T) {
	c := seed.Catalogue(testMedia(t))
	n := 0
	for _, p := range c.Products {
		if len(p.InitialStock) != len(p.Variants) {
			t.Errorf("%s: %d stocks for %d variants", p.Product.Slug, len(p.InitialStock), len(p.Variants))
		}
		for _, v := range p.Variants {
			got, ok := p.InitialStock[v.ID]
			n++
			switch {
			case !ok:
				t.Errorf("%s has no initial stock", v.SKU)
			case v.SKU == seed.BulkSKU:
				if got != 1000 {
					t.Errorf("bulk SKU starts with %d", got)
				}
			case p.Product.Slug == "apple-iphone-15":
				if got < 100 || got > 300 {
					t.Errorf("%s starts with %d", v.SKU, got)
				}
			case got < 20 || got > 300:
				t.Errorf("%s starts with %d", v.SKU, got)
			}
			if got != seed.InitialStock(p.Product.Slug, v.SKU) {
				t.Errorf("%s: not deterministic", v.SKU)
			}
		}
	}
	if n < 500 {
		t.Errorf("%d variants", n)
	}
}

func testMedia(t *testing.T) *storage.Local {
	t.Helper()
	st, err := storage.NewLocal(t.TempDir(), "https://media.purra.test")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// Every image URL of the seed names a file the media store can hold, under
// the media base; Images draws them (checked here on the iPhone 15, whose
// nine variants share three colour pictures) as real WebP and JPEG files.
func TestImagesOfTheSeed(t *testing.T) {
	media := testMedia(t)
	c := seed.Catalogue(media)
	urls := map[string]bool{}
	for _, b := range c.Brands {
		urls[b.LogoURL] = true
	}
	var iphone []string
	for _, p := range c.Products {
		for _, m := range p.Media {
			for _, u := range m.URLs {
				urls[u.URL] = true
			}
		}
		for _, v := range p.Variants {
			for _, m := range v.Media {
				for _, u := range m.URLs {
					urls[u.URL] = true
					if p.Product.Slug == "apple-iphone-15" {
						iphone = append(iphone, u.URL)
					}
				}
			}
		}
	}
	for u := range urls {
		if !strings.HasPrefix(u, "https://media.purra.test/v1/") {
			t.Fatalf("%s is not in the media store", u)
		}
	}
	if len(iphone) != 9*6 {
		t.Fatalf("iPhone 15 variants have %d image URLs", len(iphone))
	}
	// Draw only the iPhone 15's pictures here (all of them take minutes).
	only := map[string]bool{}
	for _, u := range iphone {
		only[u] = true
	}
	if err := seed.ImagesWhere(context.Background(), media, func(url string) bool { return only[url] }); err != nil {
		t.Fatal(err)
	}
	for u := range only {
		f, err := os.Open(filepath.Join(media.Dir(), strings.TrimPrefix(u, "https://media.purra.test/")))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(u, ".webp") {
			_, err = webp.Decode(f)
		} else {
			_, err = jpeg.Decode(f)
		}
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
	}
}
