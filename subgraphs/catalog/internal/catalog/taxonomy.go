package catalog

import (
	"github.com/purra/supergraph/platform/errs"
)

// Limits of categories and brands (admin input).
const (
	MaxTaxonomyName = 100
	MaxTaxonomySlug = 80
	MaxPosition     = 10_000
)

// NewCategory is a category an admin creates.
type NewCategory struct {
	Name, Slug string
	ParentID   string // "" for a root
	Position   *int   // nil: after its last sibling
}

// Validate normalises c (slug derived from the name when omitted).
func (c *NewCategory) Validate() error {
	var err error
	if c.Name, err = Text("name", c.Name, MaxTaxonomyName, false); err != nil {
		return err
	}
	if c.Slug, err = taxonomySlug(c.Slug, c.Name); err != nil {
		return err
	}
	if c.ParentID != "" {
		if c.ParentID, err = RefID("parentId", c.ParentID, "category"); err != nil {
			return err
		}
	}
	return checkPosition(c.Position)
}

// CategoryChanges changes a category; nil fields stay. SetParent with
// ParentID "" makes it a root.
type CategoryChanges struct {
	Name, Slug *string
	SetParent  bool
	ParentID   string
	Position   *int
}

// Validate normalises c.
func (c *CategoryChanges) Validate() error {
	if c.Name != nil {
		n, err := Text("name", *c.Name, MaxTaxonomyName, false)
		if err != nil {
			return err
		}
		c.Name = &n
	}
	if c.Slug != nil {
		s, err := Slug("slug", *c.Slug, MaxTaxonomySlug)
		if err != nil {
			return err
		}
		c.Slug = &s
	}
	if c.SetParent && c.ParentID != "" {
		id, err := RefID("parentId", c.ParentID, "category")
		if err != nil {
			return err
		}
		c.ParentID = id
	}
	return checkPosition(c.Position)
}

// Apply changes cat and reports whether anything changed and whether the
// change shows on product pages and in search (name or place in the tree).
func (c CategoryChanges) Apply(cat *Category) (changed, shown bool) {
	before := *cat
	if c.Name != nil {
		cat.Name = *c.Name
	}
	if c.Slug != nil {
		cat.Slug = *c.Slug
	}
	if c.SetParent {
		cat.ParentID = c.ParentID
	}
	if c.Position != nil {
		cat.Position = *c.Position
	}
	return *cat != before, cat.Name != before.Name || cat.ParentID != before.ParentID || cat.Slug != before.Slug
}

// NewBrand is a brand an admin creates.
type NewBrand struct {
	Name, Slug, LogoURL string
}

// Validate normalises b.
func (b *NewBrand) Validate() error {
	var err error
	if b.Name, err = Text("name", b.Name, MaxTaxonomyName, false); err != nil {
		return err
	}
	if b.Slug, err = taxonomySlug(b.Slug, b.Name); err != nil {
		return err
	}
	if b.LogoURL != "" {
		return checkURL("logoUrl", b.LogoURL)
	}
	return nil
}

// BrandChanges changes a brand; nil fields stay. SetLogo with LogoURL ""
// removes the logo.
type BrandChanges struct {
	Name, Slug *string
	SetLogo    bool
	LogoURL    string
}

// Validate normalises c.
func (c *BrandChanges) Validate() error {
	if c.Name != nil {
		n, err := Text("name", *c.Name, MaxTaxonomyName, false)
		if err != nil {
			return err
		}
		c.Name = &n
	}
	if c.Slug != nil {
		s, err := Slug("slug", *c.Slug, MaxTaxonomySlug)
		if err != nil {
			return err
		}
		c.Slug = &s
	}
	if c.SetLogo && c.LogoURL != "" {
		return checkURL("logoUrl", c.LogoURL)
	}
	return nil
}

// Apply changes b and reports whether anything changed.
func (c BrandChanges) Apply(b *Brand) bool {
	before := *b
	if c.Name != nil {
		b.Name = *c.Name
	}
	if c.Slug != nil {
		b.Slug = *c.Slug
	}
	if c.SetLogo {
		b.LogoURL = c.LogoURL
	}
	return *b != before
}

func taxonomySlug(slug, name string) (string, error) {
	if slug == "" {
		if s := Slugify(name, MaxTaxonomySlug); s != "" {
			return s, nil
		}
		return "", errs.BadInput("slug", "cannot be derived from the name; give one")
	}
	return Slug("slug", slug, MaxTaxonomySlug)
}

func checkPosition(p *int) error {
	if p != nil && (*p < 0 || *p > MaxPosition) {
		return errs.BadInput("position", "must be between 0 and %d", MaxPosition)
	}
	return nil
}

// Errors of taxonomy writes.
var (
	ErrCategorySlugTaken = errs.Conflicting("category slug already in use").WithReason("SLUG_TAKEN")
	ErrBrandSlugTaken    = errs.Conflicting("brand slug already in use").WithReason("SLUG_TAKEN")
	ErrCategoryCycle     = errs.BadInput("parentId", "a category cannot be its own ancestor")
	ErrUnknownParent     = errs.BadInput("parentId", "unknown category")
)
