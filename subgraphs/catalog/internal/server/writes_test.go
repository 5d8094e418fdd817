package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/purra/supergraph/subgraphs/catalog/internal/seed"
)

const updatePriceQ = `mutation($id: ID!, $price: Paise, $mrp: Paise, $retail: Paise, $moq: Int, $title: String) {
  updateVariant(input: {id: $id, price: $price, mrp: $mrp, retailerPrice: $retail, minOrderQuantity: $moq, title: $title}) {
    variant { id sku price { paise } mrp { paise } } } }`

var iphoneBlack128 = seed.ID("variant", "APPLE-IPHONE-15-BLACK-128GB")

func (e *env) variantPrice(slug, sku string) int64 {
	e.t.Helper()
	for _, v := range e.page("", map[string]any{"slug": slug}).Product.Variants {
		if v.SKU == sku {
			return v.Price.Paise
		}
	}
	e.t.Fatalf("no variant %s", sku)
	return 0
}

func TestOwnerUpdatesPrice(t *testing.T) {
	e := seeded(t)
	const slug, sku = "apple-iphone-15", "APPLE-IPHONE-15-BLACK-128GB"
	if got := e.variantPrice(slug, sku); got != 79_900_00 {
		t.Fatalf("seed price %d", got)
	}
	// Prove the page is served from Redis: a change behind the app's back is not seen.
	if _, err := e.d.DB.Exec(t.Context(), `UPDATE products SET title = 'Changed behind the cache' WHERE slug = $1`, slug); err != nil {
		t.Fatal(err)
	}
	if p := e.page("", map[string]any{"slug": slug}).Product; p.Title != "Apple iPhone 15" {
		t.Fatalf("page not cached: title %q", p.Title)
	}

	var out struct {
		UpdateVariant struct {
			Variant struct{ Price struct{ Paise int64 } }
		}
	}
	e.mustDo(e.token(vikram, "OWNER"), updatePriceQ, map[string]any{"id": iphoneBlack128, "price": 74_900_00, "retail": 70_000_00}, &out)
	if out.UpdateVariant.Variant.Price.Paise != 74_900_00 {
		t.Fatalf("payload price %d", out.UpdateVariant.Variant.Price.Paise)
	}
	if got := e.variantPrice(slug, sku); got != 74_900_00 {
		t.Fatalf("after update the page shows %d: cache not invalidated", got)
	}
	if p := e.page("", map[string]any{"slug": slug}).Product; p.Title != "Changed behind the cache" {
		t.Fatalf("page after invalidation still has title %q", p.Title)
	}
	var payload json.RawMessage
	if err := e.d.DB.QueryRow(t.Context(), `SELECT envelope->'payload' FROM outbox WHERE type = 'variant.price_changed'`).Scan(&payload); err != nil {
		t.Fatalf("no variant.price_changed in the outbox: %v", err)
	}
	var ev map[string]any
	_ = json.Unmarshal(payload, &ev)
	if ev["variantId"] != iphoneBlack128 || ev["sku"] != sku || ev["oldPricePaise"] != 7990000.0 || ev["newPricePaise"] != 7490000.0 ||
		ev["oldMrpPaise"] != 7990000.0 || ev["newMrpPaise"] != 7990000.0 || ev["newRetailerPricePaise"] != 7000000.0 || ev["productId"] != seed.ID("product", slug) {
		t.Fatalf("event payload = %s", payload)
	}
}

func TestWritesNeedTheStoreOwner(t *testing.T) {
	e := seeded(t)
	seededEvents := e.count(`SELECT count(*) FROM outbox`)
	vars := map[string]any{"id": iphoneBlack128, "price": 1_00}
	for name, c := range map[string]struct{ auth, code string }{
		"customer":      {e.token(priya, "CUSTOMER"), "FORBIDDEN"},
		"retailer":      {e.token(amit, "RETAILER"), "FORBIDDEN"},
		"another owner": {e.token(otherOwn, "OWNER"), "FORBIDDEN"},
		"no token":      {"", "UNAUTHENTICATED"},
		"bad token":     {"Bearer nope", "UNAUTHENTICATED"},
		// An admin needs catalog:write to act on a store it does not own.
		"admin without catalog:write": {e.token(admin, "ADMIN", "users:ban"), "FORBIDDEN"},
	} {
		if r := e.do(c.auth, updatePriceQ, vars, nil); r.Code() != c.code {
			t.Errorf("%s: %+v", name, r.Errors)
		}
		archive := `mutation($id: ID!) { archiveProduct(id: $id) { product { status } } }`
		if r := e.do(c.auth, archive, map[string]any{"id": seed.ID("product", "apple-iphone-15")}, nil); r.Code() != c.code {
			t.Errorf("%s archive: %+v", name, r.Errors)
		}
	}
	if got := e.variantPrice("apple-iphone-15", "APPLE-IPHONE-15-BLACK-128GB"); got != 79_900_00 {
		t.Fatalf("price changed to %d", got)
	}
	if n := e.count(`SELECT count(*) FROM outbox`); n != seededEvents {
		t.Fatalf("%d events written", n-seededEvents)
	}
	if r := e.do(e.token(vikram, "OWNER"), updatePriceQ, map[string]any{"id": "01937a00-0000-7000-8000-0000000000ff", "price": 100}, nil); r.Code() != "NOT_FOUND" {
		t.Errorf("unknown variant: %+v", r.Errors)
	}
}

const createProductQ = `mutation($in: CreateProductInput!) { createProduct(input: $in) { product { id slug status title } } }`
const createVariantQ = `mutation($in: CreateVariantInput!) { createVariant(input: $in) { variant { id sku title retailerPrice { paise } minOrderQuantity attributes { value { value } } } } }`

func productInput(title string) map[string]any {
	return map[string]any{"storeId": seed.TechHubID, "title": title, "brandId": seed.ID("brand", "oneplus"),
		"categoryId": seed.ID("category", "mobiles"), "hsnCode": "85171300", "description": "A new phone."}
}

func TestListingAProduct(t *testing.T) {
	e := seeded(t)
	owner := e.token(vikram, "OWNER")
	events := func() map[string]int {
		out := map[string]int{}
		for _, typ := range []string{"product.created", "variant.created", "product.updated", "variant.updated"} {
			out[typ] = e.count(`SELECT count(*) FROM outbox WHERE type = $1 AND envelope->>'actor' = $2`, typ, vikram)
		}
		return out
	}
	seededEvents := events()
	var created struct {
		CreateProduct struct {
			Product struct{ ID, Slug, Status string }
		}
	}
	e.mustDo(owner, createProductQ, map[string]any{"in": productInput("OnePlus 13 5G")}, &created)
	p := created.CreateProduct.Product
	if p.Slug != "oneplus-13-5g" || p.Status != "DRAFT" {
		t.Fatalf("created %+v", p)
	}
	var again struct {
		CreateProduct struct{ Product struct{ Slug string } }
	}
	e.mustDo(owner, createProductQ, map[string]any{"in": productInput("OnePlus 13 5G")}, &again)
	e.mustDo(owner, createProductQ, map[string]any{"in": productInput("OnePlus 13 5G!")}, &created)
	if again.CreateProduct.Product.Slug != "oneplus-13-5g-2" || created.CreateProduct.Product.Slug != "oneplus-13-5g-3" {
		t.Fatalf("slugs %s, %s", again.CreateProduct.Product.Slug, created.CreateProduct.Product.Slug)
	}
	// A draft is invisible to shoppers, visible to its owner, and cannot go ACTIVE without a variant.
	if out := e.page("", map[string]any{"id": p.ID}); out.Product != nil {
		t.Fatal("anonymous sees a draft")
	}
	if out := e.page(e.token(otherOwn, "OWNER"), map[string]any{"id": p.ID}); out.Product != nil {
		t.Fatal("another owner sees a draft")
	}
	if out := e.page(owner, map[string]any{"id": p.ID}); out.Product == nil || out.Product.GstRatePercent != 18 {
		t.Fatalf("owner: %+v", out.Product)
	}
	activate := `mutation($id: ID!) { updateProduct(input: {id: $id, status: ACTIVE}) { product { status } } }`
	if r := e.do(owner, activate, map[string]any{"id": p.ID}, nil); r.Code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "status" {
		t.Fatalf("active without variants: %+v", r.Errors)
	}

	var attrs struct {
		Attributes []struct {
			Slug   string
			Values []struct{ ID, Value string }
		}
	}
	e.mustDo("", `{ attributes { slug values { id value } } }`, nil, &attrs)
	valueID := map[string]string{}
	for _, a := range attrs.Attributes {
		for _, v := range a.Values {
			valueID[a.Slug+"="+v.Value] = v.ID
		}
	}
	var v struct {
		CreateVariant struct {
			Variant struct {
				ID, SKU, Title   string
				MinOrderQuantity int
				RetailerPrice    struct{ Paise int64 }
			}
		}
	}
	e.mustDo(owner, createVariantQ, map[string]any{"in": map[string]any{"productId": p.ID, "sku": "op13-blk-256", "mrp": 74_999_00,
		"price": 69_999_00, "retailerPrice": 63_000_00, "minOrderQuantity": 10,
		"attributeValueIds": []string{valueID["colour=Black"], valueID["storage=256 GB"]}}}, &v)
	if v.CreateVariant.Variant.SKU != "OP13-BLK-256" || v.CreateVariant.Variant.Title != "Black, 256 GB" || v.CreateVariant.Variant.MinOrderQuantity != 10 {
		t.Fatalf("variant %+v", v.CreateVariant.Variant)
	}
	media := `mutation($in: AddProductMediaInput!) { addProductMedia(input: $in) { media { position urls { url } } product { id } } }`
	e.mustDo(owner, media, map[string]any{"in": map[string]any{"productId": p.ID, "alt": "OnePlus 13, front",
		"urls": []map[string]any{{"url": "https://cdn.purra.in/p/op13-400.webp", "width": 400, "format": "WEBP"}}}}, nil)
	vmedia := `mutation($in: AddVariantMediaInput!) { addVariantMedia(input: $in) { media { position } variant { sku } } }`
	e.mustDo(owner, vmedia, map[string]any{"in": map[string]any{"variantId": v.CreateVariant.Variant.ID, "alt": "Black",
		"urls": []map[string]any{{"url": "https://cdn.purra.in/v/op13-blk-400.webp", "width": 400, "format": "WEBP"}}}}, nil)
	e.mustDo(owner, activate, map[string]any{"id": p.ID}, nil)

	l := e.search(query("oneplus 13"))
	if len(l.Products.Edges) == 0 || l.Products.Edges[0].Node.ID != p.ID {
		t.Fatalf("new product not found first: %v", l.titles())
	}
	page := e.page("", map[string]any{"slug": "oneplus-13-5g"}).Product
	if page == nil || len(page.Media) != 1 || len(page.Variants) != 1 || len(page.Variants[0].Media) != 1 || page.PriceRange.Min.Paise != 69_999_00 {
		t.Fatalf("page %+v", page)
	}
	now := events()
	for typ, want := range map[string]int{"product.created": 3, "variant.created": 1, "product.updated": 2, "variant.updated": 1} {
		if n := now[typ] - seededEvents[typ]; n != want {
			t.Errorf("%s: %d events, want %d", typ, n, want)
		}
	}

	// Archiving hides the product from shoppers but keeps it resolvable by reference.
	e.mustDo(owner, `mutation($id: ID!) { archiveProduct(id: $id) { product { status } } }`, map[string]any{"id": p.ID}, nil)
	if l := e.search(query("oneplus 13")); len(l.Products.Edges) > 0 && l.Products.Edges[0].Node.ID == p.ID {
		t.Fatal("archived product still listed")
	}
	if out := e.page("", map[string]any{"slug": "oneplus-13-5g"}); out.Product != nil {
		t.Fatal("archived product page still public")
	}
	var ents struct {
		Entities []map[string]any `json:"_entities"`
	}
	e.mustDo("", `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { status } } }`,
		map[string]any{"r": []map[string]any{{"__typename": "Product", "id": p.ID}}}, &ents)
	if ents.Entities[0]["status"] != "ARCHIVED" {
		t.Fatalf("entity %v", ents.Entities)
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'product.archived'`); n != 1 {
		t.Fatalf("%d product.archived events", n)
	}
}

// Every bad input is refused with its code (and field) and writes nothing.
func TestBadInputWritesNothing(t *testing.T) {
	e := seeded(t)
	owner := e.token(vikram, "OWNER")
	pid := seed.ID("product", "apple-iphone-15")
	variant := func(over map[string]any) map[string]any {
		in := map[string]any{"productId": pid, "sku": "NEW-SKU-1", "mrp": 1000_00, "price": 900_00}
		for k, v := range over {
			in[k] = v
		}
		return map[string]any{"in": in}
	}
	product := func(over map[string]any) map[string]any {
		in := productInput("Valid title")
		for k, v := range over {
			in[k] = v
		}
		return map[string]any{"in": in}
	}
	mediaQ := `mutation($in: AddProductMediaInput!) { addProductMedia(input: $in) { media { id } } }`
	media := func(url string, width int) map[string]any {
		return map[string]any{"in": map[string]any{"productId": pid, "alt": "x", "urls": []map[string]any{{"url": url, "width": width, "format": "WEBP"}}}}
	}
	big := strings.Repeat("x", 10*1024)
	cases := []struct {
		name, q     string
		vars        map[string]any
		code, field string
	}{
		{"zero price", createVariantQ, variant(map[string]any{"price": 0}), "BAD_USER_INPUT", "price"},
		{"negative price", createVariantQ, variant(map[string]any{"price": -5}), "BAD_USER_INPUT", "price"},
		{"negative mrp", createVariantQ, variant(map[string]any{"mrp": -1}), "BAD_USER_INPUT", "mrp"},
		{"price above mrp", createVariantQ, variant(map[string]any{"price": 1001_00}), "BAD_USER_INPUT", "price"},
		{"retailer above price", createVariantQ, variant(map[string]any{"retailerPrice": 901_00}), "BAD_USER_INPUT", "retailerPrice"},
		{"moq 0", createVariantQ, variant(map[string]any{"minOrderQuantity": 0}), "BAD_USER_INPUT", "minOrderQuantity"},
		{"unknown attribute value", createVariantQ, variant(map[string]any{"attributeValueIds": []string{"01937a00-0000-7000-8000-0000000000ff"}}), "BAD_USER_INPUT", "attributeValueIds"},
		{"two colours", createVariantQ, variant(map[string]any{"attributeValueIds": []string{seed.ID("value", "colour:black"), seed.ID("value", "colour:blue")}}), "BAD_USER_INPUT", "attributeValueIds"},
		{"duplicate SKU", createVariantQ, variant(map[string]any{"sku": "APPLE-IPHONE-15-BLACK-128GB"}), "CONFLICT", ""},
		{"SKU characters", createVariantQ, variant(map[string]any{"sku": "SKU 1;--"}), "BAD_USER_INPUT", "sku"},
		{"SKU length", createVariantQ, variant(map[string]any{"sku": strings.Repeat("A", 65)}), "BAD_USER_INPUT", "sku"},
		{"variant title 10 KB", createVariantQ, variant(map[string]any{"title": big}), "BAD_USER_INPUT", "title"},
		{"negative initial stock", createVariantQ, variant(map[string]any{"initialStock": -1}), "BAD_USER_INPUT", "initialStock"},
		{"initial stock above 1,000,000", createVariantQ, variant(map[string]any{"initialStock": 1_000_001}), "BAD_USER_INPUT", "initialStock"},
		{"price above mrp on update", updatePriceQ, map[string]any{"id": iphoneBlack128, "price": 80_000_00}, "BAD_USER_INPUT", "price"},
		{"retailer above price on update", updatePriceQ, map[string]any{"id": iphoneBlack128, "retail": 79_901_00}, "BAD_USER_INPUT", "retailerPrice"},
		{"moq 0 on update", updatePriceQ, map[string]any{"id": iphoneBlack128, "moq": 0}, "BAD_USER_INPUT", "minOrderQuantity"},
		{"empty title on update", updatePriceQ, map[string]any{"id": iphoneBlack128, "title": "  "}, "BAD_USER_INPUT", "title"},
		{"title 201", createProductQ, product(map[string]any{"title": strings.Repeat("t", 201)}), "BAD_USER_INPUT", "title"},
		{"title 10 KB", createProductQ, product(map[string]any{"title": big}), "BAD_USER_INPUT", "title"},
		{"title NUL", createProductQ, product(map[string]any{"title": "a\x00b"}), "BAD_USER_INPUT", "title"},
		{"description 10,001", createProductQ, product(map[string]any{"description": strings.Repeat("d", 10_001)}), "BAD_USER_INPUT", "description"},
		{"unknown category", createProductQ, product(map[string]any{"categoryId": "01937a00-0000-7000-8000-0000000000ff"}), "BAD_USER_INPUT", "categoryId"},
		{"malformed category", createProductQ, product(map[string]any{"categoryId": "x'; DROP TABLE products;--"}), "BAD_USER_INPUT", "categoryId"},
		{"unknown brand", createProductQ, product(map[string]any{"brandId": "01937a00-0000-7000-8000-0000000000ff"}), "BAD_USER_INPUT", "brandId"},
		{"unknown HSN", createProductQ, product(map[string]any{"hsnCode": "9999"}), "BAD_USER_INPUT", "hsnCode"},
		{"bad HSN", createProductQ, product(map[string]any{"hsnCode": "85A7"}), "BAD_USER_INPUT", "hsnCode"},
		{"bad slug", createProductQ, product(map[string]any{"slug": "Bad Slug"}), "BAD_USER_INPUT", "slug"},
		{"duplicate slug", createProductQ, product(map[string]any{"slug": "apple-iphone-15"}), "CONFLICT", ""},
		{"unknown store", createProductQ, product(map[string]any{"storeId": "01937a00-0000-7000-8000-0000000000ff"}), "BAD_USER_INPUT", "storeId"},
		{"duplicate slug on update", `mutation($id: ID!) { updateProduct(input: {id: $id, slug: "apple-iphone-15-pro"}) { product { id } } }`, map[string]any{"id": pid}, "CONFLICT", ""},
		{"archive by update", `mutation($id: ID!) { updateProduct(input: {id: $id, status: ARCHIVED}) { product { id } } }`, map[string]any{"id": pid}, "BAD_USER_INPUT", "status"},
		{"http media", mediaQ, media("http://cdn.purra.in/a.webp", 400), "BAD_USER_INPUT", "urls.url"},
		{"javascript media", mediaQ, media("javascript:alert(1)", 400), "BAD_USER_INPUT", "urls.url"},
		{"media without host", mediaQ, media("https:///a.webp", 400), "BAD_USER_INPUT", "urls.url"},
		{"media width", mediaQ, media("https://cdn.purra.in/a.webp", 0), "BAD_USER_INPUT", "urls.width"},
		{"duplicate attribute", `mutation { createAttribute(input: {name: "Colour"}) { attribute { id } } }`, nil, "CONFLICT", ""},
		{"duplicate attribute values", `mutation { createAttribute(input: {name: "Finish", values: ["Matte", "matte"]}) { attribute { id } } }`, nil, "BAD_USER_INPUT", "values"},
		{"duplicate value", `mutation($a: ID!) { addAttributeValue(input: {attributeId: $a, value: "black"}) { value { id } } }`, map[string]any{"a": seed.ID("attribute", "colour")}, "CONFLICT", ""},
		{"long value", `mutation($a: ID!, $v: String!) { addAttributeValue(input: {attributeId: $a, value: $v}) { value { id } } }`, map[string]any{"a": seed.ID("attribute", "colour"), "v": big}, "BAD_USER_INPUT", "value"},
	}
	tables := []string{"products", "product_variants", "variant_attribute_values", "product_media", "product_media_urls", "attributes", "attribute_values", "outbox"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = e.count(`SELECT count(*) FROM ` + tb)
	}
	for _, c := range cases {
		r := e.do(owner, c.q, c.vars, nil)
		if r.Code() != c.code {
			t.Errorf("%s: code %q, want %s: %+v", c.name, r.Code(), c.code, r.Errors)
			continue
		}
		if f, _ := r.Errors[0].Extensions["field"].(string); f != c.field {
			t.Errorf("%s: field %q, want %q", c.name, f, c.field)
		}
	}
	for _, tb := range tables {
		if n := e.count(`SELECT count(*) FROM ` + tb); n != before[tb] {
			t.Errorf("%s: %d rows → %d", tb, before[tb], n)
		}
	}
	if got := e.variantPrice("apple-iphone-15", "APPLE-IPHONE-15-BLACK-128GB"); got != 79_900_00 {
		t.Fatalf("price changed to %d", got)
	}
}

func TestSeed(t *testing.T) {
	e := seeded(t)
	if n := e.count(`SELECT count(*) FROM products WHERE status = 'ACTIVE' AND store_id = $1 AND created_by = $2`, seed.TechHubID, vikram); n < 200 {
		t.Fatalf("%d ACTIVE TechHub products, want at least 200", n)
	}
	if n := e.count(`SELECT count(*) FROM products p WHERE NOT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id)`); n != 0 {
		t.Fatalf("%d products without variants", n)
	}
	tables := []string{"products", "product_variants", "variant_attribute_values", "product_media", "product_media_urls",
		"variant_media", "variant_media_urls", "categories", "brands", "attributes", "attribute_values", "stores", "outbox"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = e.count(`SELECT count(*) FROM ` + tb)
	}
	// One product.created per product and one variant.created per variant.
	if before["outbox"] != before["products"]+before["product_variants"] {
		t.Errorf("%d outbox rows for %d products and %d variants", before["outbox"], before["products"], before["product_variants"])
	}
	if added, err := seed.Run(t.Context(), storeOf(e), seedMedia(t)); err != nil || added != 0 {
		t.Fatalf("second seed added %d: %v", added, err)
	}
	for _, tb := range tables {
		if n := e.count(`SELECT count(*) FROM ` + tb); n != before[tb] {
			t.Errorf("%s: %d rows → %d after seeding twice", tb, before[tb], n)
		}
	}
	t.Logf("seed: %v", before)
}
