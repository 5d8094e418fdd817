// Package seed loads the demo catalogue: store TechHub (owned by Vikram)
// selling 200+ real Indian-market electronics, each with its variants,
// attribute values and images. Ids are derived from slugs and SKUs, so
// seeding again adds nothing.
package seed

import (
	"context"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
)

// Fixed ids other subgraphs' seeds use too.
const (
	TechHubID = "01937a00-0000-7000-8000-0000000000a1"
	VikramID  = "01937a00-0000-7000-8000-000000000003"
	// BulkSKU is the variant with a retailer price and a minimum order of 50
	// that the commerce demo orders in bulk (Amit, a retailer).
	BulkSKU = "BOAT-AIRDOPES-141-TRUE-WIRELESS-BOLD-BLACK"
	// BulkStock is the bulk SKU's initial stock: enough for Amit's order of 100.
	BulkStock = 1000
	// TechHubState is TechHub's GST place of supply (Bengaluru).
	TechHubState = "KARNATAKA"
)

var namespace = uuid.MustParse("01937a00-0000-7000-8000-00000000ca7a")

// ID is the deterministic id of a seeded row of kind with natural key key.
func ID(kind, key string) string { return uuid.NewSHA1(namespace, []byte(kind+":"+key)).String() }

// Run loads the catalogue through st: one transaction, with one product.created
// per new product and one variant.created (with its initial stock) per new
// variant. Image URLs point into media (Images draws the files).
func Run(ctx context.Context, st *store.Store, media storage.Storage) (int, error) {
	return st.Import(ctx, Catalogue(media), VikramID)
}

// epoch is when the first seeded product was listed; later lines are newer.
var epoch = time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)

// Catalogue builds the demo data from the tables in data.go, with the image
// URLs of media.
func Catalogue(media storage.Storage) store.Import {
	in, _ := build(media)
	return in
}

// build is Catalogue plus the pictures its URLs name, by key prefix.
func build(media storage.Storage) (store.Import, pictures) {
	pics := pictures{media: media, cards: map[string]picture{}}
	in := store.Import{Store: catalog.Store{ID: TechHubID, OwnerUserID: VikramID, Name: "TechHub", Status: "ACTIVE",
		State: TechHubState}}
	for i, c := range categories {
		cat := catalog.Category{ID: ID("category", c.Slug), Name: c.Name, Slug: c.Slug, Position: i}
		if c.Parent != "" {
			cat.ParentID = ID("category", c.Parent)
		}
		in.Categories = append(in.Categories, cat)
	}
	for _, name := range brands {
		slug := catalog.Slugify(name, 60)
		in.Brands = append(in.Brands, catalog.Brand{ID: ID("brand", slug), Name: name, Slug: slug,
			LogoURL: pics.logo(slug, name)})
	}
	values := map[string][]string{} // attribute slug → values in first-seen order
	seen := map[string]bool{}
	addValue := func(attr, v string) catalog.VariantAttribute {
		if k := attr + ":" + strings.ToLower(v); !seen[k] {
			seen[k] = true
			values[attr] = append(values[attr], v)
		}
		return catalog.VariantAttribute{AttributeID: ID("attribute", attr), AttributeSlug: attr,
			ValueID: ID("value", attr+":"+strings.ToLower(v)), Value: v}
	}
	n := 0
	for _, g := range groups {
		for _, l := range g.Lines {
			in.Products = append(in.Products, product(g, l, n, addValue, &pics))
			n++
		}
	}
	for _, a := range attributes {
		attr := catalog.Attribute{ID: ID("attribute", a.Slug), Name: a.Name, Slug: a.Slug}
		for i, v := range values[a.Slug] {
			attr.Values = append(attr.Values, catalog.AttributeValue{ID: ID("value", a.Slug+":"+strings.ToLower(v)),
				AttributeID: attr.ID, Value: v, Position: i})
		}
		in.Attributes = append(in.Attributes, attr)
	}
	return in, pics
}

func product(g group, l line, n int, addValue func(attr, v string) catalog.VariantAttribute, pics *pictures) store.ImportProduct {
	slug := catalog.Slugify(l.Title, catalog.MaxSlug)
	at := epoch.Add(time.Duration(n) * time.Hour)
	p := catalog.Product{
		ID: ID("product", slug), StoreID: TechHubID, BrandID: ID("brand", catalog.Slugify(l.Brand, 60)),
		CategoryID: ID("category", g.Category), Title: l.Title, Slug: slug, Description: fmt.Sprintf(g.Blurb, l.Title),
		HSNCode: g.HSN, Status: catalog.Active, CreatedBy: VikramID, CreatedAt: at, UpdatedAt: at,
	}
	ip := store.ImportProduct{Product: p}
	first := ""
	if len(l.Colours) > 0 {
		first = l.Colours[0]
	}
	// The front view is the first colour's picture; the back view shows the
	// brand on the colour, so products of a brand share their backs.
	for i, view := range []string{"front", "back"} {
		urls := pics.front(l, slug, first)
		if view == "back" {
			urls = pics.back(l.Brand, first)
		}
		ip.Media = append(ip.Media, catalog.Media{ID: ID("product-media", slug+":"+view), OwnerID: p.ID,
			Alt: l.Title + ", " + view + " view", Position: i, URLs: urls})
	}
	colours, tiers := l.Colours, l.Tiers
	if len(colours) == 0 {
		colours = []string{""}
	}
	if len(tiers) == 0 {
		tiers = []string{""}
	}
	// The iPhone 15 lists all nine colour × storage variants; every other
	// product keeps to six.
	limit := 6
	if slug == "apple-iphone-15" {
		limit = 9
	}
	for ti, tier := range tiers {
		for _, colour := range colours {
			if len(ip.Variants) == limit {
				break
			}
			v := variant(g, l, p, colour, tier, ti, len(ip.Variants), addValue)
			v.Media[0].URLs = pics.front(l, slug, colour)
			ip.Variants = append(ip.Variants, v)
		}
	}
	ip.InitialStock = make(map[string]int, len(ip.Variants))
	for _, v := range ip.Variants {
		ip.InitialStock[v.ID] = InitialStock(slug, v.SKU)
	}
	return ip
}

// InitialStock is the deterministic stock a seeded variant starts with:
// 20–300 units from its SKU; 100–300 for the iPhone 15 family, which the
// demo sells most of; BulkStock for the bulk SKU.
func InitialStock(productSlug, sku string) int {
	h := int(hash("stock:" + sku))
	switch {
	case sku == BulkSKU:
		return BulkStock
	case isIPhone15(productSlug):
		return 100 + h%201
	default:
		return 20 + h%281
	}
}

// isIPhone15 reports whether the product is an iPhone 15 model (not its accessories).
func isIPhone15(slug string) bool {
	switch slug {
	case "apple-iphone-15", "apple-iphone-15-plus", "apple-iphone-15-pro", "apple-iphone-15-pro-max":
		return true
	}
	return false
}

func variant(g group, l line, p catalog.Product, colour, tier string, tierIndex, pos int,
	addValue func(attr, v string) catalog.VariantAttribute) catalog.Variant {
	var attrs []catalog.VariantAttribute
	var titleParts, skuParts []string
	skuParts = append(skuParts, skuCode(p.Slug, 32))
	if colour != "" {
		attrs = append(attrs, addValue("colour", colour))
		titleParts = append(titleParts, colour)
		skuParts = append(skuParts, skuCode(colour, 20))
	}
	if tier != "" {
		for i, v := range strings.Split(tier, "/") {
			attrs = append(attrs, addValue(g.TierAttrs[i], v))
			titleParts = append(titleParts, v)
			skuParts = append(skuParts, strings.ReplaceAll(skuCode(v, 10), "-", ""))
		}
	}
	sku := strings.Join(skuParts, "-")
	price := (l.Price + int64(tierIndex)*l.Step) * 100
	h := hash(sku)
	v := catalog.Variant{
		ID: ID("variant", sku), ProductID: p.ID, SKU: sku, Title: strings.Join(titleParts, ", "),
		MRP: mrp(price, l.Off), Price: price, MOQ: []int{5, 10, 20, 25, 30, 40}[h%6], Position: pos, Attributes: attrs,
	}
	if v.Title == "" {
		v.Title = "Standard"
	}
	// Retailers buy 8–12% below the selling price, rounded to the rupee.
	retail := price * int64(88+h%5) / 100 / 100 * 100
	v.RetailerPrice = &retail
	if sku == BulkSKU {
		v.MOQ = 50
	}
	v.Media = []catalog.Media{{ID: ID("variant-media", sku), OwnerID: v.ID, Alt: p.Title + " in " + v.Title, Position: 0}}
	return v
}

// mrp is price marked up by off percent, rounded up to a price ending in 99 (or the price itself).
func mrp(price int64, off int) int64 {
	if off == 0 {
		return price
	}
	m := price * int64(100+off) / 100
	m = (m/10000+1)*10000 - 100
	if m < price {
		return price
	}
	return m
}

func skuCode(s string, max int) string {
	return strings.ToUpper(catalog.Slugify(s, max))
}

func hash(s string) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(s))
	return h.Sum32()
}
