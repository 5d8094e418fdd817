package catalog

import (
	"strings"

	"github.com/purra/supergraph/platform/errs"
)

// NewProduct is a product to list. Slug is empty when it is to be derived
// from the title.
type NewProduct struct {
	StoreID     string
	Title       string
	Slug        string
	Description string
	BrandID     string
	CategoryID  string
	HSNCode     string
	CreatedBy   string
}

// Validate normalises p and checks every field that needs no lookup.
func (p *NewProduct) Validate() error {
	var err error
	if p.StoreID, err = RefID("storeId", p.StoreID, "store"); err != nil {
		return err
	}
	if p.Title, err = Text("title", p.Title, MaxTitle, false); err != nil {
		return err
	}
	if p.Slug != "" {
		if p.Slug, err = Slug("slug", p.Slug, MaxSlug); err != nil {
			return err
		}
	}
	if p.Description, err = OptionalText("description", p.Description, MaxDescription, true); err != nil {
		return err
	}
	if p.BrandID, err = RefID("brandId", p.BrandID, "brand"); err != nil {
		return err
	}
	if p.CategoryID, err = RefID("categoryId", p.CategoryID, "category"); err != nil {
		return err
	}
	p.HSNCode, err = HSN("hsnCode", p.HSNCode)
	return err
}

// BaseSlug is the slug to try first for a product titled title; the store
// appends -2, -3… while it is taken.
func BaseSlug(title string) string {
	if s := Slugify(title, MaxSlug-8); s != "" {
		return s
	}
	return "product"
}

// ProductChanges are the fields of an update; nil leaves a field as it is.
type ProductChanges struct {
	Title       *string
	Slug        *string
	Description *string
	BrandID     *string
	CategoryID  *string
	HSNCode     *string
	Status      *Status
}

// Validate normalises c and checks every field that needs no lookup.
func (c *ProductChanges) Validate() error {
	var err error
	set := func(p **string, f func(string) (string, error)) {
		if err != nil || *p == nil {
			return
		}
		var v string
		if v, err = f(**p); err == nil {
			*p = &v
		}
	}
	set(&c.Title, func(s string) (string, error) { return Text("title", s, MaxTitle, false) })
	set(&c.Slug, func(s string) (string, error) { return Slug("slug", s, MaxSlug) })
	set(&c.Description, func(s string) (string, error) { return OptionalText("description", s, MaxDescription, true) })
	set(&c.BrandID, func(s string) (string, error) { return RefID("brandId", s, "brand") })
	set(&c.CategoryID, func(s string) (string, error) { return RefID("categoryId", s, "category") })
	set(&c.HSNCode, func(s string) (string, error) { return HSN("hsnCode", s) })
	if err != nil {
		return err
	}
	if c.Status != nil && *c.Status != Draft && *c.Status != Active {
		return errs.BadInput("status", "must be DRAFT or ACTIVE; use archiveProduct to archive")
	}
	return nil
}

// Apply changes p and returns the names of the fields that changed.
// variants is how many variants the product has: ACTIVE needs one.
func (p *Product) Apply(c ProductChanges, variants int) ([]string, error) {
	var changed []string
	str := func(name string, dst *string, v *string) {
		if v != nil && *v != *dst {
			*dst = *v
			changed = append(changed, name)
		}
	}
	str("title", &p.Title, c.Title)
	str("slug", &p.Slug, c.Slug)
	str("description", &p.Description, c.Description)
	str("brandId", &p.BrandID, c.BrandID)
	str("categoryId", &p.CategoryID, c.CategoryID)
	str("hsnCode", &p.HSNCode, c.HSNCode)
	if c.Status != nil && *c.Status != p.Status {
		if *c.Status == Active && variants == 0 {
			return nil, errs.BadInput("status", "add a variant before making the product ACTIVE")
		}
		p.Status = *c.Status
		changed = append(changed, "status")
	}
	return changed, nil
}

// NewVariant is a variant to add. Title is built from the attribute values
// when empty.
type NewVariant struct {
	ProductID         string
	SKU               string
	Title             string
	MRP               int64
	Price             int64
	RetailerPrice     *int64
	MOQ               int
	AttributeValueIDs []string
	// InitialStock is the stock the store starts with, announced to
	// inventory in variant.created (the catalogue keeps no stock).
	InitialStock int
}

// Validate normalises v and checks every field that needs no lookup.
func (v *NewVariant) Validate() error {
	var err error
	if v.SKU, err = SKU("sku", v.SKU); err != nil {
		return err
	}
	if v.Title != "" {
		if v.Title, err = Text("title", v.Title, MaxTitle, false); err != nil {
			return err
		}
	}
	if err := Prices(v.MRP, v.Price, v.RetailerPrice, v.MOQ); err != nil {
		return err
	}
	if v.InitialStock < 0 || v.InitialStock > MaxInitialStock {
		return errs.BadInput("initialStock", "must be between 0 and %d", MaxInitialStock)
	}
	if len(v.AttributeValueIDs) > 20 {
		return errs.BadInput("attributeValueIds", "at most 20 values")
	}
	seen := map[string]bool{}
	for i, id := range v.AttributeValueIDs {
		if v.AttributeValueIDs[i], err = RefID("attributeValueIds", id, "attribute value"); err != nil {
			return err
		}
		if seen[v.AttributeValueIDs[i]] {
			return errs.BadInput("attributeValueIds", "a value is listed twice")
		}
		seen[v.AttributeValueIDs[i]] = true
	}
	return nil
}

// VariantTitle joins attribute values ("Black, 128 GB"), or "Standard".
func VariantTitle(values []VariantAttribute) string {
	parts := make([]string, 0, len(values))
	for _, v := range values {
		parts = append(parts, v.Value)
	}
	if len(parts) == 0 {
		return "Standard"
	}
	t := strings.Join(parts, ", ")
	if len(t) > MaxTitle {
		t = t[:MaxTitle]
	}
	return strings.ToValidUTF8(t, "")
}

// CheckAttributes refuses two values of the same attribute on one variant.
func CheckAttributes(values []VariantAttribute) error {
	seen := map[string]bool{}
	for _, v := range values {
		if seen[v.AttributeID] {
			return errs.BadInput("attributeValueIds", "two values of %s", v.AttributeName)
		}
		seen[v.AttributeID] = true
	}
	return nil
}

// VariantChanges are the fields of a variant update; nil leaves a field as it is.
type VariantChanges struct {
	Title         *string
	MRP           *int64
	Price         *int64
	RetailerPrice *int64
	MOQ           *int
}

// Validate normalises c.
func (c *VariantChanges) Validate() error {
	if c.Title != nil {
		t, err := Text("title", *c.Title, MaxTitle, false)
		if err != nil {
			return err
		}
		c.Title = &t
	}
	return nil
}

// Apply changes v. It returns the price event when a price changed and the
// names of the other fields that changed; the prices are checked together.
func (v *Variant) Apply(c VariantChanges) (*VariantPriceChanged, []string, error) {
	next := *v
	if c.Title != nil {
		next.Title = *c.Title
	}
	if c.MRP != nil {
		next.MRP = *c.MRP
	}
	if c.Price != nil {
		next.Price = *c.Price
	}
	if c.RetailerPrice != nil {
		r := *c.RetailerPrice
		next.RetailerPrice = &r
	}
	if c.MOQ != nil {
		next.MOQ = *c.MOQ
	}
	if err := Prices(next.MRP, next.Price, next.RetailerPrice, next.MOQ); err != nil {
		return nil, nil, err
	}
	var changed []string
	if next.Title != v.Title {
		changed = append(changed, "title")
	}
	if next.MOQ != v.MOQ {
		changed = append(changed, "minOrderQuantity")
	}
	var ev *VariantPriceChanged
	if next.MRP != v.MRP || next.Price != v.Price || !samePaise(next.RetailerPrice, v.RetailerPrice) {
		ev = &VariantPriceChanged{
			VariantID: v.ID, ProductID: v.ProductID, SKU: v.SKU,
			OldMRPPaise: v.MRP, NewMRPPaise: next.MRP,
			OldPricePaise: v.Price, NewPricePaise: next.Price,
			OldRetailerPricePaise: v.RetailerPrice, NewRetailerPricePaise: next.RetailerPrice,
		}
	}
	*v = next
	return ev, changed, nil
}

func samePaise(a, b *int64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// NewAttribute is an attribute to create with its first values.
type NewAttribute struct {
	Name   string
	Slug   string
	Values []string
}

// Validate normalises a and checks names, slug and values.
func (a *NewAttribute) Validate() error {
	var err error
	if a.Name, err = Text("name", a.Name, MaxNameLen, false); err != nil {
		return err
	}
	if a.Slug == "" {
		if a.Slug = Slugify(a.Name, 60); a.Slug == "" {
			return errs.BadInput("slug", "cannot be derived from the name; give one")
		}
	} else if a.Slug, err = Slug("slug", a.Slug, 60); err != nil {
		return err
	}
	if len(a.Values) > MaxValues {
		return errs.BadInput("values", "at most %d values", MaxValues)
	}
	seen := map[string]bool{}
	for i, v := range a.Values {
		if a.Values[i], err = AttributeValueText("values", v); err != nil {
			return err
		}
		k := strings.ToLower(a.Values[i])
		if seen[k] {
			return errs.BadInput("values", "%q is listed twice", a.Values[i])
		}
		seen[k] = true
	}
	return nil
}

// AttributeValueText checks one attribute value.
func AttributeValueText(field, v string) (string, error) {
	return Text(field, v, MaxNameLen, false)
}
