package app

import (
	"context"
	"strings"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// Rules lists every rule (admins; the schema checks the scope).
func (a *App) Rules(ctx context.Context) ([]promo.Rule, error) { return a.store.Rules(ctx) }

// CreateRule validates and creates a rule (admins).
func (a *App) CreateRule(ctx context.Context, in promo.RuleInput) (promo.Rule, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return promo.Rule{}, err
	}
	r, err := promo.NewRule(newID(), in, a.now())
	if err != nil {
		return promo.Rule{}, err
	}
	if err := a.store.CreateRule(ctx, r, id.Subject, adminAction("discount_rule.create")); err != nil {
		return promo.Rule{}, err
	}
	a.forgetRules(ctx)
	return r, nil
}

// UpdateRule changes a rule (admins).
func (a *App) UpdateRule(ctx context.Context, ruleID string, p promo.RulePatch) (promo.Rule, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return promo.Rule{}, err
	}
	if !promo.IsUUID(ruleID) {
		return promo.Rule{}, errs.BadInput("id", "must be a rule id (UUID)")
	}
	now := a.now()
	r, err := a.store.UpdateRule(ctx, strings.ToLower(ruleID), id.Subject, adminAction("discount_rule.update"), func(r promo.Rule) (promo.Rule, []string, error) {
		return r.Apply(p, now)
	})
	if err != nil {
		return promo.Rule{}, err
	}
	a.forgetRules(ctx)
	return r, nil
}
