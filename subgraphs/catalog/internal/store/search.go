package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Search lists the ACTIVE products matching s, one page of them, and how
// many match in all. The statement is built from fixed fragments; every
// value is a parameter.
func (s *Store) Search(ctx context.Context, q catalog.Search) ([]catalog.Product, int, error) {
	sql, args := searchSQL(q)
	rows, err := s.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var out []catalog.Product
	total := 0
	for rows.Next() {
		var p catalog.Product
		if err := rows.Scan(&p.ID, &p.StoreID, &p.BrandID, &p.CategoryID, &p.Title, &p.Slug, &p.Description, &p.HSNCode,
			&p.GSTRate, &p.Status, &p.CreatedBy, &p.CreatedAt, &p.UpdatedAt, &p.MinPrice, &p.MaxPrice, &total); err != nil {
			return nil, 0, fmt.Errorf("search: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	// The window count comes with rows; past the last page (or with
	// first: 0) count separately.
	if len(out) == 0 {
		q.First, q.Offset = -1, 0
		countSQL, countArgs := searchSQL(q)
		if err := s.db.QueryRow(ctx, countSQL, countArgs...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("search count: %w", err)
		}
	}
	return out, total, nil
}

// searchSQL builds the listing statement; q.First < 0 builds the count.
func searchSQL(q catalog.Search) (string, []any) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	where = append(where, "p.status = 'ACTIVE'")
	score := ""
	if q.HasQuery {
		if len(q.Tokens) == 0 {
			where = append(where, "false") // only punctuation: nothing can match
		} else {
			tsq := "to_tsquery('english', " + arg(q.TSQuery()) + ")"
			text := arg(q.Text())
			// Full-text prefix match, or a close trigram match for typos
			// ("samsng"); both served by GIN indexes.
			where = append(where, "(p.search @@ "+tsq+" OR p.search_text %> "+text+")")
			// Relevance: weighted text rank, plus closeness of the whole
			// query to the title (shorter, exact titles first), plus word similarity.
			score = "ts_rank(p.search, " + tsq + ", 1) + similarity(" + text + ", lower(p.title)) + word_similarity(" + text + ", p.search_text)"
		}
	}
	if q.StoreID != "" {
		where = append(where, "p.store_id = "+arg(q.StoreID))
	}
	if q.CategoryID != "" {
		where = append(where, `p.category_id IN (WITH RECURSIVE sub AS (
			SELECT id, 0 AS depth FROM categories WHERE id = `+arg(q.CategoryID)+`
			UNION ALL SELECT c.id, sub.depth + 1 FROM categories c JOIN sub ON c.parent_id = sub.id WHERE sub.depth < 10
		) SELECT id FROM sub)`)
	}
	if len(q.BrandIDs) > 0 {
		where = append(where, "p.brand_id = ANY("+arg(q.BrandIDs)+"::uuid[])")
	}
	// One variant must satisfy the price range and every attribute filter.
	var vconds []string
	if q.MinPrice != nil {
		vconds = append(vconds, "v.price_paise >= "+arg(*q.MinPrice))
	}
	if q.MaxPrice != nil {
		vconds = append(vconds, "v.price_paise <= "+arg(*q.MaxPrice))
	}
	for _, a := range q.Attributes {
		vconds = append(vconds, `EXISTS (SELECT 1 FROM variant_attribute_values x
			JOIN attributes a ON a.id = x.attribute_id JOIN attribute_values av ON av.id = x.attribute_value_id
			WHERE x.variant_id = v.id AND a.slug = `+arg(a.Slug)+` AND lower(av.value) = ANY(`+arg(a.Values)+`::text[]))`)
	}
	if len(vconds) > 0 {
		where = append(where, "EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND "+
			strings.Join(vconds, " AND ")+")")
	}
	cond := strings.Join(where, "\n  AND ")
	if q.First < 0 {
		return "SELECT count(*) FROM products p WHERE " + cond, args
	}
	var order string
	switch {
	case q.Sort == catalog.PriceAsc:
		order = "p.min_price_paise ASC NULLS LAST, p.id"
	case q.Sort == catalog.PriceDesc:
		order = "p.min_price_paise DESC NULLS LAST, p.id"
	case q.Sort == catalog.Relevance && score != "":
		order = score + " DESC, p.created_at DESC, p.id"
	default:
		order = "p.created_at DESC, p.id DESC"
	}
	return "SELECT " + productCols + ", count(*) OVER ()::int FROM products p WHERE " + cond +
		"\nORDER BY " + order + " LIMIT " + arg(q.First) + " OFFSET " + arg(q.Offset), args
}
