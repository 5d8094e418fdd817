package review

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// MaxPage is the largest page of reviews a list returns.
const MaxPage = 50

// Sort orders a product's reviews.
type Sort string

const (
	Newest  Sort = "NEWEST"
	Highest Sort = "HIGHEST"
	Lowest  Sort = "LOWEST"
)

// Page is a validated request for a page of reviews. Ids are UUID v7, so
// "more recent" is "greater id"; a cursor carries the sort it was read with
// and, for the star sorts, the rating of its review.
type Page struct {
	First int
	Sort  Sort
	// AfterID and AfterRating locate the last review of the previous page ("" for the first page).
	AfterID     string
	AfterRating int
}

// ParsePage validates first, the opaque cursor after and sort.
func ParsePage(first *int, after *string, sort Sort) (Page, error) {
	p := Page{First: 10, Sort: sort}
	if first != nil {
		p.First = *first
	}
	if p.First < 1 || p.First > MaxPage {
		return p, errs.BadInput("first", "must be 1–%d", MaxPage)
	}
	if after == nil || *after == "" {
		return p, nil
	}
	bad := errs.BadInput("after", "invalid cursor")
	if len(*after) > 128 {
		return p, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(*after)
	if err != nil {
		return p, bad
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 3 || Sort(parts[0]) != sort {
		return p, bad
	}
	rating, err := strconv.Atoi(parts[1])
	if err != nil || rating < 0 || rating > 5 {
		return p, bad
	}
	if _, err := uuid.Parse(parts[2]); err != nil || len(parts[2]) != 36 {
		return p, bad
	}
	p.AfterRating, p.AfterID = rating, parts[2]
	return p, nil
}

// Cursor returns the cursor of r in a list read with sort.
func Cursor(sort Sort, r Review) string {
	return base64.RawURLEncoding.EncodeToString([]byte(string(sort) + ":" + strconv.Itoa(r.Rating) + ":" + r.ID))
}
