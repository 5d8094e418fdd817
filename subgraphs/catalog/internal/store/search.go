package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// Search lists the ACTIVE products matching s, one page of them, and how
// many match in all. The statement is built from fixed fragments; every
// value is a parameter.
func (s *Store) Search(ctx context.Context, q catalog.Search) ([]catalog.Product, int, error) {
	sql, args := searchSQL(q)
	// The threshold rides in the same round trip, on the same connection.
	b := &pgx.Batch{}
	b.Queue(setThreshold)
	var out []catalog.Product
	total := 0
	b.Queue(sql, args...).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var p catalog.Product
			if err := rows.Scan(&p.ID, &p.StoreID, &p.BrandID, &p.CategoryID, &p.Title, &p.Slug, &p.Description, &p.HSNCode,
				&p.GSTRate, &p.Status, &p.CreatedBy, &p.CreatedAt, &p.UpdatedAt, &p.MinPrice, &p.MaxPrice, &total); err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	// The window count comes with rows; past the last page (or with
	// first: 0) count separately.
	if err := s.db.SendBatch(ctx, b).Close(); err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	if len(out) == 0 {
		q.First, q.Offset = -1, 0
		countSQL, countArgs := searchSQL(q)
		b := &pgx.Batch{}
		b.Queue(setThreshold)
		b.Queue(countSQL, countArgs...).QueryRow(func(r pgx.Row) error { return r.Scan(&total) })
		if err := s.db.SendBatch(ctx, b).Close(); err != nil {
			return nil, 0, fmt.Errorf("search count: %w", err)
		}
	}
	return out, total, nil
}

// setThreshold lowers pg_trgm's word similarity threshold from 0.6 to 0.5
// for the connection, so that one-letter typos of short words ("samsng",
// "galxy") still match through the trigram index. Every catalogue query
// wants the same value, so it is set for the session.
const setThreshold = `SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', false)`

// searchSQL builds the listing statement; q.First < 0 builds the count.
func searchSQL(q catalog.Search) (string, []any) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	where = append(where, "p.status = 'ACTIVE'")
	// Products of a store that is not ACTIVE (pending, suspended) are not on sale.
	where = append(where, "p.store_id IN (SELECT st.id FROM stores st WHERE st.status = 'ACTIVE')")
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
	if q.CategoryID != "" || q.CategorySlug != "" {
		var anchor string
		if q.CategorySlug != "" {
			anchor = "slug = " + arg(q.CategorySlug)
		} else {
			anchor = "id = " + arg(q.CategoryID)
		}
		where = append(where, `p.category_id IN (WITH RECURSIVE sub AS (
			SELECT id, 0 AS depth FROM categories WHERE `+anchor+`
			UNION ALL SELECT c.id, sub.depth + 1 FROM categories c JOIN sub ON c.parent_id = sub.id WHERE sub.depth < 10
		) SELECT id FROM sub)`)
	}
	if len(q.BrandIDs) > 0 {
		where = append(where, "p.brand_id = ANY("+arg(q.BrandIDs)+"::uuid[])")
	}
	if len(q.BrandSlugs) > 0 {
		where = append(where, "p.brand_id IN (SELECT id FROM brands WHERE slug = ANY("+arg(q.BrandSlugs)+"::text[]))")
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
	// Stock comes from the variant_stock projection; a variant without a row
	// is not in stock. In stock means the variant that matches the price and
	// attribute filters is in stock; out of stock means no variant is.
	const inStock = "EXISTS (SELECT 1 FROM variant_stock s WHERE s.variant_id = v.id AND s.in_stock)"
	if q.InStock != nil && *q.InStock {
		vconds = append(vconds, inStock)
	}
	if len(vconds) > 0 {
		where = append(where, "EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND "+
			strings.Join(vconds, " AND ")+")")
	}
	if q.InStock != nil && !*q.InStock {
		where = append(where, "NOT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND "+inStock+")")
	}
	cond := strings.Join(where, "\n  AND ")
	if q.First < 0 {
		return "SELECT count(*) FROM products p WHERE " + cond, args
	}
	from := "products p"
	var order string
	switch {
	case q.Sort == catalog.Rating:
		// Unrated products (no row, or count 0 → NULL average) come last.
		from = "products p LEFT JOIN product_ratings r ON r.product_id = p.id"
		order = "r.average DESC NULLS LAST, nullif(r.count, 0) DESC NULLS LAST, p.created_at DESC, p.id DESC"
	case q.Sort == catalog.PriceAsc:
		order = "p.min_price_paise ASC NULLS LAST, p.id"
	case q.Sort == catalog.PriceDesc:
		order = "p.min_price_paise DESC NULLS LAST, p.id"
	case q.Sort == catalog.Relevance && score != "":
		order = score + " DESC, p.created_at DESC, p.id"
	default:
		order = "p.created_at DESC, p.id DESC"
	}
	return "SELECT " + productCols + ", count(*) OVER ()::int FROM " + from + " WHERE " + cond +
		"\nORDER BY " + order + " LIMIT " + arg(q.First) + " OFFSET " + arg(q.Offset), args
}

// ExplainSearch runs EXPLAIN ANALYZE on the statement Search would run for
// q and returns the plan and the execution time in milliseconds.
func (s *Store) ExplainSearch(ctx context.Context, q catalog.Search) (string, float64, error) {
	sql, args := searchSQL(q)
	conn, err := s.db.Acquire(ctx)
	if err != nil {
		return "", 0, err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, setThreshold); err != nil {
		return "", 0, err
	}
	// The fastest of three runs: one slow run is the machine, not the plan.
	best := -1.0
	for range 3 {
		var plan []map[string]any
		if err := conn.QueryRow(ctx, "EXPLAIN (ANALYZE, FORMAT JSON) "+sql, args...).Scan(&plan); err != nil {
			return "", 0, fmt.Errorf("explain search: %w", err)
		}
		if ms, _ := plan[0]["Execution Time"].(float64); best < 0 || ms < best {
			best = ms
		}
	}
	var text strings.Builder
	rows, err := conn.Query(ctx, "EXPLAIN (ANALYZE, COSTS OFF) "+sql, args...)
	if err != nil {
		return "", 0, fmt.Errorf("explain search: %w", err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", 0, fmt.Errorf("explain search: %w", err)
	}
	for _, l := range lines {
		text.WriteString(l + "\n")
	}
	return text.String(), best, nil
}
