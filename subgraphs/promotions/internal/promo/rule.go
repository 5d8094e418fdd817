package promo

import (
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// RuleType is the kind of an automatic discount rule.
type RuleType string

const (
	// RetailerBulk: RETAILER buyers get Percent off a line of at least
	// MinQuantity units of one variant.
	RetailerBulk RuleType = "RETAILER_BULK"
	// CategorySale: everyone gets Percent off lines in CategoryID or below.
	CategorySale RuleType = "CATEGORY_SALE"
)

// Bounds of rule settings.
const (
	MinRuleNameLen, MaxRuleNameLen = 3, 64
	MaxMinQuantity                 = MaxQuantity
)

// Rule is an automatic discount: no code, applied when a line qualifies.
type Rule struct {
	ID          string
	Name        string // unique, upper-case
	Description string
	Type        RuleType
	Percent     int
	MinQuantity int    // RETAILER_BULK; 0 otherwise
	CategoryID  string // CATEGORY_SALE; "" otherwise
	StartsAt    *time.Time
	EndsAt      *time.Time // exclusive
	Active      bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// RuleInput is a new rule as an admin enters it.
type RuleInput struct {
	Name        string
	Description string
	Type        RuleType
	Percent     int
	MinQuantity *int
	CategoryID  *string
	StartsAt    *time.Time
	EndsAt      *time.Time
	Active      *bool
}

// NewRule validates in and returns the rule with id.
func NewRule(id string, in RuleInput, now time.Time) (Rule, error) {
	name, err := NormalizeCode("name", in.Name, MinRuleNameLen, MaxRuleNameLen)
	if err != nil {
		return Rule{}, err
	}
	r := Rule{ID: id, Name: name, Type: in.Type, Percent: in.Percent, StartsAt: utc(in.StartsAt), EndsAt: utc(in.EndsAt),
		Active: in.Active == nil || *in.Active, CreatedAt: now, UpdatedAt: now}
	if r.Description, err = Text("description", in.Description, MaxDescriptionLen); err != nil {
		return Rule{}, err
	}
	switch in.Type {
	case RetailerBulk:
		if in.MinQuantity == nil {
			return Rule{}, errs.BadInput("minQuantity", "is required for RETAILER_BULK rules")
		}
		if in.CategoryID != nil {
			return Rule{}, errs.BadInput("categoryId", "is only for CATEGORY_SALE rules")
		}
		r.MinQuantity = *in.MinQuantity
	case CategorySale:
		if in.CategoryID == nil {
			return Rule{}, errs.BadInput("categoryId", "is required for CATEGORY_SALE rules")
		}
		if in.MinQuantity != nil {
			return Rule{}, errs.BadInput("minQuantity", "is only for RETAILER_BULK rules")
		}
		r.CategoryID = strings.ToLower(*in.CategoryID)
	default:
		return Rule{}, errs.BadInput("type", "must be RETAILER_BULK or CATEGORY_SALE")
	}
	if err := r.validate(); err != nil {
		return Rule{}, err
	}
	return r, nil
}

// RulePatch is a change to a rule; nil and unset fields stay as they are.
type RulePatch struct {
	Description *string
	Percent     *int
	MinQuantity *int
	CategoryID  *string
	StartsAt    Change[*time.Time]
	EndsAt      Change[*time.Time]
	Active      *bool
}

// Apply returns r changed by p and the GraphQL names of the changed fields.
func (r Rule) Apply(p RulePatch, now time.Time) (Rule, []string, error) {
	old := r
	var changed []string
	mark := func(name string, differs bool) {
		if differs {
			changed = append(changed, name)
		}
	}
	if p.Description != nil {
		d, err := Text("description", *p.Description, MaxDescriptionLen)
		if err != nil {
			return Rule{}, nil, err
		}
		r.Description = d
		mark("description", d != old.Description)
	}
	if p.Percent != nil {
		r.Percent = *p.Percent
		mark("percent", r.Percent != old.Percent)
	}
	if p.MinQuantity != nil {
		if r.Type != RetailerBulk {
			return Rule{}, nil, errs.BadInput("minQuantity", "is only for RETAILER_BULK rules")
		}
		r.MinQuantity = *p.MinQuantity
		mark("minQuantity", r.MinQuantity != old.MinQuantity)
	}
	if p.CategoryID != nil {
		if r.Type != CategorySale {
			return Rule{}, nil, errs.BadInput("categoryId", "is only for CATEGORY_SALE rules")
		}
		r.CategoryID = strings.ToLower(*p.CategoryID)
		mark("categoryId", r.CategoryID != old.CategoryID)
	}
	if p.StartsAt.Set {
		r.StartsAt = utc(p.StartsAt.Value)
		mark("startsAt", !eqTime(r.StartsAt, old.StartsAt))
	}
	if p.EndsAt.Set {
		r.EndsAt = utc(p.EndsAt.Value)
		mark("endsAt", !eqTime(r.EndsAt, old.EndsAt))
	}
	if p.Active != nil {
		r.Active = *p.Active
		mark("active", r.Active != old.Active)
	}
	if err := r.validate(); err != nil {
		return Rule{}, nil, err
	}
	if len(changed) > 0 {
		r.UpdatedAt = now
	}
	return r, changed, nil
}

func (r Rule) validate() error {
	if r.Percent < 1 || r.Percent > MaxPercent {
		return errs.BadInput("percent", "must be 1–%d", MaxPercent)
	}
	switch r.Type {
	case RetailerBulk:
		if r.MinQuantity < 1 || r.MinQuantity > MaxMinQuantity {
			return errs.BadInput("minQuantity", "must be 1–%d", MaxMinQuantity)
		}
	case CategorySale:
		if !IsUUID(r.CategoryID) {
			return errs.BadInput("categoryId", "must be a category id (UUID)")
		}
	}
	if r.StartsAt != nil && r.EndsAt != nil && !r.EndsAt.After(*r.StartsAt) {
		return errs.BadInput("endsAt", "must be after startsAt")
	}
	return nil
}

// LiveAt reports whether the rule is switched on and within its window.
func (r Rule) LiveAt(now time.Time) bool {
	return r.Active && (r.StartsAt == nil || !now.Before(*r.StartsAt)) && (r.EndsAt == nil || now.Before(*r.EndsAt))
}

// Discount returns what the rule takes off a line of quantity units worth
// amount (paise, after nothing else), for buyer b and a variant in category
// path (root first); ok is false when the rule does not apply.
func (r Rule) Discount(b Buyer, quantity int, amount int64, categoryPath []string, now time.Time) (d int64, ok bool) {
	if !r.LiveAt(now) {
		return 0, false
	}
	switch r.Type {
	case RetailerBulk:
		ok = b.Role == RoleRetailer && quantity >= r.MinQuantity
	case CategorySale:
		for _, id := range categoryPath {
			if id == r.CategoryID {
				ok = true
			}
		}
	}
	if !ok {
		return 0, false
	}
	return PercentOf(amount, r.Percent), true
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
