package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// ErrRuleNameTaken: another rule has the name.
var ErrRuleNameTaken = errs.Conflicting("a discount rule with this name already exists").WithReason("DISCOUNT_RULE_NAME_TAKEN")

// ErrRuleNotFound: no rule has the id.
var ErrRuleNotFound = errs.Missing("discount rule")

const ruleCols = `id, name, description, type, percent, coalesce(min_quantity, 0), coalesce(category_id::text, ''),
	starts_at, ends_at, active, created_at, updated_at`

func scanRule(row pgx.Row) (promo.Rule, error) {
	var r promo.Rule
	err := row.Scan(&r.ID, &r.Name, &r.Description, &r.Type, &r.Percent, &r.MinQuantity, &r.CategoryID,
		&r.StartsAt, &r.EndsAt, &r.Active, &r.CreatedAt, &r.UpdatedAt)
	return r, err
}

// Rules lists every rule, newest first.
func (s *Store) Rules(ctx context.Context) ([]promo.Rule, error) {
	list, err := collect(ctx, s.db, `SELECT `+ruleCols+` FROM discount_rules ORDER BY created_at DESC, id`, scanRule)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	return list, nil
}

// ActiveRules lists the rules that are switched on (whatever their window).
func (s *Store) ActiveRules(ctx context.Context) ([]promo.Rule, error) {
	list, err := collect(ctx, s.db, `SELECT `+ruleCols+` FROM discount_rules WHERE active ORDER BY name`, scanRule)
	if err != nil {
		return nil, fmt.Errorf("active rules: %w", err)
	}
	return list, nil
}

// CreateRule inserts r and publishes discount_rule.changed.
func (s *Store) CreateRule(ctx context.Context, r promo.Rule, actor string, act AdminAction) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := insertRule(ctx, tx, r, false); err != nil {
			return err
		}
		if err := s.appendEvents(ctx, tx, actor, event{r.ID, promo.RuleChangedEvent(r, true, nil)}); err != nil {
			return err
		}
		return s.audit(ctx, tx, act, "DiscountRule", r.ID, nil, summarizeRule(r))
	})
}

// SeedRule inserts r unless a rule with its id or name exists; it publishes
// discount_rule.changed only when it inserted it.
func (s *Store) SeedRule(ctx context.Context, r promo.Rule) (bool, error) {
	var inserted bool
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		if inserted, err = insertRule(ctx, tx, r, true); err != nil || !inserted {
			return err
		}
		return s.appendEvents(ctx, tx, "", event{r.ID, promo.RuleChangedEvent(r, true, nil)})
	})
	return inserted, err
}

func insertRule(ctx context.Context, tx pgx.Tx, r promo.Rule, skipExisting bool) (bool, error) {
	onConflict := ""
	if skipExisting {
		onConflict = ` ON CONFLICT DO NOTHING`
	}
	tag, err := tx.Exec(ctx, `INSERT INTO discount_rules (id, name, description, type, percent, min_quantity, category_id,
		starts_at, ends_at, active, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, nullif($6, 0), nullif($7, '')::uuid, $8, $9, $10, $11, $12)`+onConflict,
		r.ID, r.Name, r.Description, r.Type, r.Percent, r.MinQuantity, r.CategoryID, r.StartsAt, r.EndsAt, r.Active,
		r.CreatedAt, r.UpdatedAt)
	if pg.IsUniqueViolation(err, "discount_rules_name") {
		return false, ErrRuleNameTaken
	}
	if err != nil {
		return false, fmt.Errorf("insert rule: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// UpdateRule locks rule id, lets edit change it and saves the change with a
// discount_rule.changed event in one transaction; nothing is written when
// edit fails or changes nothing.
func (s *Store) UpdateRule(ctx context.Context, id, actor string, act AdminAction, edit func(promo.Rule) (promo.Rule, []string, error)) (promo.Rule, error) {
	var out promo.Rule
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		r, err := scanRule(tx.QueryRow(ctx, `SELECT `+ruleCols+` FROM discount_rules WHERE id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrRuleNotFound
		}
		if err != nil {
			return fmt.Errorf("lock rule: %w", err)
		}
		n, changed, err := edit(r)
		if err != nil {
			return err
		}
		out = n
		if len(changed) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE discount_rules SET description = $2, percent = $3, min_quantity = nullif($4, 0),
			category_id = nullif($5, '')::uuid, starts_at = $6, ends_at = $7, active = $8, updated_at = $9 WHERE id = $1`,
			n.ID, n.Description, n.Percent, n.MinQuantity, n.CategoryID, n.StartsAt, n.EndsAt, n.Active, n.UpdatedAt); err != nil {
			return fmt.Errorf("update rule: %w", err)
		}
		if err := s.appendEvents(ctx, tx, actor, event{n.ID, promo.RuleChangedEvent(n, false, changed)}); err != nil {
			return err
		}
		return s.audit(ctx, tx, act, "DiscountRule", n.ID, summarizeRule(r), summarizeRule(n))
	})
	return out, err
}
