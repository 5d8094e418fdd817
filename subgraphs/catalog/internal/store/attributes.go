package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/pg"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Errors of attribute writes.
var (
	ErrAttributeSlugTaken = errs.Conflicting("attribute slug already in use").WithReason("SLUG_TAKEN")
	ErrValueTaken         = errs.Conflicting("the attribute already has this value").WithReason("VALUE_TAKEN")
)

// CreateAttribute creates an attribute (last in order) with its values.
func (s *Store) CreateAttribute(ctx context.Context, in catalog.NewAttribute) (catalog.Attribute, error) {
	a := catalog.Attribute{ID: uuid.Must(uuid.NewV7()).String(), Name: in.Name, Slug: in.Slug}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO attributes (id, name, slug, position)
			VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM attributes))`, a.ID, a.Name, a.Slug)
		if pg.IsUniqueViolation(err, "attributes_slug_key") {
			return ErrAttributeSlugTaken
		}
		if err != nil {
			return fmt.Errorf("insert attribute: %w", err)
		}
		for i, v := range in.Values {
			val := catalog.AttributeValue{ID: uuid.Must(uuid.NewV7()).String(), AttributeID: a.ID, Value: v, Position: i}
			if _, err := tx.Exec(ctx, `INSERT INTO attribute_values (id, attribute_id, value, position) VALUES ($1, $2, $3, $4)`,
				val.ID, val.AttributeID, val.Value, val.Position); err != nil {
				return fmt.Errorf("insert attribute value: %w", err)
			}
			a.Values = append(a.Values, val)
		}
		return s.audit(ctx, tx, "attribute.create", "Attribute", a.ID, nil, map[string]any{"name": a.Name, "slug": a.Slug, "values": in.Values})
	})
	return a, err
}

// AddAttributeValue appends a value to an attribute; NOT_FOUND for an
// unknown attribute, CONFLICT when the value exists (ignoring case).
func (s *Store) AddAttributeValue(ctx context.Context, attributeID, value string) (catalog.Attribute, catalog.AttributeValue, error) {
	var a catalog.Attribute
	v := catalog.AttributeValue{ID: uuid.Must(uuid.NewV7()).String(), AttributeID: attributeID, Value: value}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT id, name, slug FROM attributes WHERE id = $1 FOR UPDATE`, attributeID).Scan(&a.ID, &a.Name, &a.Slug)
		if pg.IsNoRows(err) {
			return errs.Missing("attribute")
		}
		if err != nil {
			return fmt.Errorf("lock attribute: %w", err)
		}
		err = tx.QueryRow(ctx, `INSERT INTO attribute_values (id, attribute_id, value, position)
			VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM attribute_values WHERE attribute_id = $2))
			RETURNING position`, v.ID, attributeID, value).Scan(&v.Position)
		if pg.IsUniqueViolation(err, "attribute_values_value_key") {
			return ErrValueTaken
		}
		if err != nil {
			return fmt.Errorf("insert attribute value: %w", err)
		}
		return s.audit(ctx, tx, "attribute.add_value", "Attribute", a.ID, nil, map[string]any{"valueId": v.ID, "value": v.Value})
	})
	return a, v, err
}
