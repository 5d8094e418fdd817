package catalog

import (
	"errors"
	"strings"
	"testing"

	"github.com/purra/supergraph/platform/errs"
)

func TestTaxonomyValidation(t *testing.T) {
	neg, big := -1, MaxPosition+1
	bad := []struct {
		name  string
		err   error
		field string
	}{
		{"empty name", (&NewCategory{Name: " "}).Validate(), "name"},
		{"10 KB name", (&NewCategory{Name: strings.Repeat("x", 10_000)}).Validate(), "name"},
		{"bad slug", (&NewCategory{Name: "Tablets", Slug: "Tab lets"}).Validate(), "slug"},
		{"underivable slug", (&NewCategory{Name: "मोबाइल"}).Validate(), "slug"},
		{"parent", (&NewCategory{Name: "Tablets", ParentID: "x"}).Validate(), "parentId"},
		{"negative position", (&NewCategory{Name: "Tablets", Position: &neg}).Validate(), "position"},
		{"huge position", (&CategoryChanges{Position: &big}).Validate(), "position"},
		{"changed parent", (&CategoryChanges{SetParent: true, ParentID: "'; --"}).Validate(), "parentId"},
		{"http logo", (&NewBrand{Name: "Lava", LogoURL: "http://x.in/a.png"}).Validate(), "logoUrl"},
		{"changed logo", (&BrandChanges{SetLogo: true, LogoURL: "data:image/png;base64,AAAA"}).Validate(), "logoUrl"},
	}
	for _, b := range bad {
		var e *errs.Error
		if !errors.As(b.err, &e) || e.Code != errs.BadUserInput || e.Field != b.field {
			t.Errorf("%s: %v, want BAD_USER_INPUT on %s", b.name, b.err, b.field)
		}
	}
	c := NewCategory{Name: "  Smart Home "}
	if err := c.Validate(); err != nil || c.Name != "Smart Home" || c.Slug != "smart-home" {
		t.Fatalf("valid category: %v %+v", err, c)
	}
	// Clearing the parent (SetParent with "") and the logo are valid.
	if err := (&CategoryChanges{SetParent: true}).Validate(); err != nil {
		t.Fatal(err)
	}
	if err := (&BrandChanges{SetLogo: true}).Validate(); err != nil {
		t.Fatal(err)
	}
	cat := Category{ID: "c", Name: "Audio", Slug: "audio", Position: 3}
	pos := 4
	if changed, shown := (CategoryChanges{Position: &pos}).Apply(&cat); !changed || shown {
		t.Fatalf("position change: changed=%v shown=%v", changed, shown)
	}
	name := "Sound"
	if changed, shown := (CategoryChanges{Name: &name}).Apply(&cat); !changed || !shown {
		t.Fatalf("rename: changed=%v shown=%v", changed, shown)
	}
	if changed, _ := (CategoryChanges{Name: &name}).Apply(&cat); changed {
		t.Fatal("same name reported as a change")
	}
}

func TestProjectionPayloads(t *testing.T) {
	ok := StoreChanged{StoreID: "01937a00-0000-7000-8000-0000000000a1", OwnerID: "01937a00-0000-7000-8000-000000000003",
		Slug: "techhub", State: "karnataka'--", Status: "SUSPENDED"}
	if !ok.Normalize() || ok.State != "" || ok.Name != "techhub" {
		t.Fatalf("normalized = %+v", ok)
	}
	for _, bad := range []StoreChanged{
		{StoreID: "x", OwnerID: ok.OwnerID, Status: "ACTIVE"},
		{StoreID: ok.StoreID, OwnerID: "", Status: "ACTIVE"},
		{StoreID: ok.StoreID, OwnerID: ok.OwnerID, Status: "active"},
	} {
		if bad.Normalize() {
			t.Errorf("accepted %+v", bad)
		}
	}
	for _, r := range []RatingChanged{{ProductID: "x", Average: 4, Count: 1}, {ProductID: ok.StoreID, Average: 5.1, Count: 1},
		{ProductID: ok.StoreID, Average: 4, Count: -1}} {
		if r.Normalize() {
			t.Errorf("accepted %+v", r)
		}
	}
}
