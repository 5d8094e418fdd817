package catalog

import (
	"encoding/base64"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/purra/supergraph/platform/errs"
)

// Sort orders a listing.
type Sort string

const (
	Relevance Sort = "RELEVANCE"
	PriceAsc  Sort = "PRICE_ASC"
	PriceDesc Sort = "PRICE_DESC"
	Newest    Sort = "NEWEST"
	// Rating: highest average first, then most ratings, then newest; unrated last.
	Rating Sort = "RATING"
)

// Search limits.
const (
	MaxQuery     = 200
	MaxFirst     = 100
	maxTokens    = 8
	maxTokenLen  = 32
	maxOffset    = 10_000
	maxFilterIDs = 50
)

// AttributeFilter keeps variants having one of Values for the attribute Slug.
type AttributeFilter struct {
	Slug   string
	Values []string // lower case
}

// Search is a validated product listing request. Text search uses Tokens
// only: letters, digits and combining marks, so nothing a client types can
// reach a tsquery or a LIKE pattern as syntax.
type Search struct {
	// Tokens are the sanitised, lower-case query words; TSQuery and Text are built from them.
	Tokens     []string
	HasQuery   bool
	CategoryID string
	// CategorySlug and BrandSlugs select by the slugs a URL holds; the store
	// resolves them in the same statement, so a category page is one query.
	CategorySlug string
	BrandIDs     []string
	BrandSlugs   []string
	MinPrice     *int64
	MaxPrice     *int64
	Attributes   []AttributeFilter
	// InStock: true keeps products with a matching variant in stock, false
	// products with no variant in stock, nil does not look at stock.
	InStock *bool
	Sort    Sort
	First   int
	Offset  int
	// StoreID restricts to one store (Store.products).
	StoreID string
}

// SearchInput is a listing request as the client sent it.
type SearchInput struct {
	Query        string
	CategoryID   string
	CategorySlug string
	BrandIDs     []string
	BrandSlugs   []string
	MinPrice     *int64
	MaxPrice     *int64
	Attributes   []AttributeFilter
	InStock      *bool
	Sort         Sort
	First        int
	After        string
}

// NewSearch validates in. Field names are those of the products query.
func NewSearch(in SearchInput) (Search, error) {
	s := Search{Sort: in.Sort, First: in.First, MinPrice: in.MinPrice, MaxPrice: in.MaxPrice, InStock: in.InStock}
	if s.Sort == "" {
		s.Sort = Relevance
	}
	switch s.Sort {
	case Relevance, PriceAsc, PriceDesc, Newest, Rating:
	default:
		return s, errs.BadInput("sort", "unknown sort")
	}
	if s.First < 0 || s.First > MaxFirst {
		return s, errs.BadInput("first", "must be between 0 and %d", MaxFirst)
	}
	var err error
	if s.Offset, err = DecodeCursor(in.After); err != nil {
		return s, err
	}
	if len(in.Query) > 4*MaxQuery || utf8.RuneCountInString(in.Query) > MaxQuery {
		return s, errs.BadInput("filter.query", "must be at most %d characters", MaxQuery)
	}
	s.HasQuery = strings.TrimSpace(in.Query) != ""
	s.Tokens = Tokenize(in.Query)
	if in.CategoryID != "" {
		if s.CategoryID, err = RefID("filter.categoryId", in.CategoryID, "category"); err != nil {
			return s, err
		}
	}
	if in.CategorySlug != "" {
		if s.CategoryID != "" {
			return s, errs.BadInput("filter.categorySlug", "give categoryId or categorySlug, not both")
		}
		if len(in.CategorySlug) > 120 || !IsSlug(in.CategorySlug) {
			return s, errs.BadInput("filter.categorySlug", "must be a category slug")
		}
		s.CategorySlug = in.CategorySlug
	}
	if len(in.BrandSlugs) > 0 && len(in.BrandIDs) > 0 {
		return s, errs.BadInput("filter.brandSlugs", "give brandIds or brandSlugs, not both")
	}
	if len(in.BrandSlugs) > maxFilterIDs {
		return s, errs.BadInput("filter.brandSlugs", "at most %d brands", maxFilterIDs)
	}
	for _, slug := range in.BrandSlugs {
		if len(slug) > 120 || !IsSlug(slug) {
			return s, errs.BadInput("filter.brandSlugs", "must be brand slugs")
		}
		s.BrandSlugs = append(s.BrandSlugs, slug)
	}
	if len(in.BrandIDs) > maxFilterIDs {
		return s, errs.BadInput("filter.brandIds", "at most %d brands", maxFilterIDs)
	}
	for _, id := range in.BrandIDs {
		b, err := RefID("filter.brandIds", id, "brand")
		if err != nil {
			return s, err
		}
		s.BrandIDs = append(s.BrandIDs, b)
	}
	if s.MinPrice != nil && *s.MinPrice < 0 {
		return s, errs.BadInput("filter.minPrice", "must not be negative")
	}
	if s.MaxPrice != nil && *s.MaxPrice < 0 {
		return s, errs.BadInput("filter.maxPrice", "must not be negative")
	}
	if s.MinPrice != nil && s.MaxPrice != nil && *s.MinPrice > *s.MaxPrice {
		return s, errs.BadInput("filter.maxPrice", "must not be below minPrice")
	}
	if len(in.Attributes) > 10 {
		return s, errs.BadInput("filter.attributes", "at most 10 attributes")
	}
	for _, a := range in.Attributes {
		slug := strings.TrimSpace(a.Slug)
		if slug == "" || len(slug) > 60 || !IsSlug(slug) {
			return s, errs.BadInput("filter.attributes.attribute", "must be an attribute slug")
		}
		if len(a.Values) == 0 || len(a.Values) > 20 {
			return s, errs.BadInput("filter.attributes.values", "give 1-20 values")
		}
		f := AttributeFilter{Slug: slug}
		for _, v := range a.Values {
			v, err := AttributeValueText("filter.attributes.values", v)
			if err != nil {
				return s, err
			}
			f.Values = append(f.Values, strings.ToLower(v))
		}
		s.Attributes = append(s.Attributes, f)
	}
	return s, nil
}

// Tokenize splits q into at most 8 distinct lower-case words of letters,
// digits and combining marks (Devanagari vowel signs), each at most 32 runes.
// Everything else — quotes, &, |, !, :, *, \, %, _, ;, -- — separates words.
func Tokenize(q string) []string {
	fields := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r))
	})
	var out []string
	seen := map[string]bool{}
	for _, f := range fields {
		if utf8.RuneCountInString(f) > maxTokenLen {
			f = string([]rune(f)[:maxTokenLen])
		}
		if seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, f)
		if len(out) == maxTokens {
			break
		}
	}
	return out
}

// TSQuery is the prefix query "w1:* & w2:*" for to_tsquery. Tokens hold
// only letters, digits and marks, so the string has no other syntax.
func (s Search) TSQuery() string {
	parts := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		parts[i] = t + ":*"
	}
	return strings.Join(parts, " & ")
}

// Text is the cleaned query for trigram similarity.
func (s Search) Text() string { return strings.Join(s.Tokens, " ") }

// Cursors are opaque to clients; inside they are offsets into the ordered result.
const cursorPrefix = "o:"

// EncodeCursor returns the cursor of the item at offset.
func EncodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// DecodeCursor returns the offset at which the page after cursor starts.
func DecodeCursor(cursor string) (int, error) {
	if cursor == "" {
		return 0, nil
	}
	bad := errs.BadInput("after", "invalid cursor")
	if len(cursor) > 32 {
		return 0, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return 0, bad
	}
	n, ok := strings.CutPrefix(string(raw), cursorPrefix)
	if !ok {
		return 0, bad
	}
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || i >= maxOffset {
		return 0, bad
	}
	return i + 1, nil
}
