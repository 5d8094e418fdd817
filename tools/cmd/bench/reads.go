package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// categoryListing is a category page's grid: 20 product cards, each with its
// price, rating and whether it is in stock (catalog, reviews and inventory).
// The storefront's SearchProducts has no stock per card; this is the card the
// issue asks to measure, so it lives here rather than among the shipped
// documents (and the persisted-operations manifest).
const categoryListing = `query BenchCategoryListing($filter: ProductFilter, $first: Int = 20) {
  products(filter: $filter, first: $first) {
    __typename
    totalCount
    pageInfo { __typename hasNextPage endCursor }
    edges {
      __typename
      cursor
      node {
        __typename
        id
        title
        slug
        rating { __typename average count }
        priceRange {
          __typename
          min { __typename paise formatted currency }
          max { __typename paise formatted currency }
        }
        variants { __typename id inStock }
        media { __typename id alt position urls { __typename url width format } }
      }
    }
  }
}`

// catalogue is what the read scenarios rotate over: every product, every
// category and search terms made of the products' titles.
type catalogue struct {
	slugs, categories, terms []string
}

// readScenarios are the pages a shop serves, each anonymous (the router's
// response cache may answer) and signed in (never cached).
func readScenarios(ctx context.Context, root string, shoppers []shopper) ([]scenario, error) {
	doc := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(root, "operations", "storefront", name+".graphql"))
		return string(b), err
	}
	search, err := doc("SearchProducts")
	if err != nil {
		return nil, err
	}
	page, err := doc("ProductBySlug")
	if err != nil {
		return nil, err
	}
	cat, err := loadCatalogue(ctx, search)
	if err != nil {
		return nil, err
	}
	fmt.Printf("catalogue: %d products, %d categories, %d search terms\n", len(cat.slugs), len(cat.categories), len(cat.terms))
	var pageVars, listVars, searchVars []map[string]any
	for _, s := range cat.slugs {
		pageVars = append(pageVars, map[string]any{"slug": s})
	}
	for _, c := range cat.categories {
		listVars = append(listVars, map[string]any{"filter": map[string]any{"categoryId": c}, "first": 20})
	}
	for _, q := range cat.terms {
		searchVars = append(searchVars, map[string]any{"filter": map[string]any{"query": q}, "first": 20})
	}
	anonymous := func(int) string { return "" }
	signedIn := func(w int) string { return shoppers[w].token }
	return []scenario{
		request("product page, anonymous", "", page, pageVars, anonymous),
		request("product page, signed in", "≤ 2 ms CPU/page over subgraphs and PostgreSQL (router apart)", page, pageVars, signedIn),
		request("category listing, anonymous", "", categoryListing, listVars, anonymous),
		request("category listing, signed in", "", categoryListing, listVars, signedIn),
		request("search, anonymous", "", search, searchVars, anonymous),
		request("search, signed in", "", search, searchVars, signedIn),
	}, nil
}

// loadCatalogue pages through every active product and reads the category tree.
func loadCatalogue(ctx context.Context, search string) (catalogue, error) {
	var cat catalogue
	seenTerm := map[string]bool{}
	after := any(nil)
	for {
		body, _ := json.Marshal(map[string]any{"query": search, "variables": map[string]any{"first": 50, "after": after, "sort": "NEWEST"}})
		data, ok := call(ctx, body, "")
		if !ok {
			return cat, fmt.Errorf("listing the catalogue failed")
		}
		var out struct {
			Products struct {
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct {
					Node struct{ Slug, Title string }
				}
			}
		}
		if err := json.Unmarshal(data, &out); err != nil {
			return cat, err
		}
		for _, e := range out.Products.Edges {
			cat.slugs = append(cat.slugs, e.Node.Slug)
			// the first two words of a title: a brand and a model line ("apple iphone")
			words := strings.Fields(strings.ToLower(e.Node.Title))
			if len(words) > 2 {
				words = words[:2]
			}
			if t := strings.Join(words, " "); t != "" && !seenTerm[t] {
				seenTerm[t] = true
				cat.terms = append(cat.terms, t)
			}
		}
		if !out.Products.PageInfo.HasNextPage {
			break
		}
		after = out.Products.PageInfo.EndCursor
	}
	body, _ := json.Marshal(map[string]any{"query": `{ categories { id children { id children { id } } } }`})
	data, ok := call(ctx, body, "")
	if !ok {
		return cat, fmt.Errorf("reading the categories failed")
	}
	type node struct {
		ID       string
		Children []node
	}
	var out struct{ Categories []node }
	if err := json.Unmarshal(data, &out); err != nil {
		return cat, err
	}
	var walk func([]node)
	walk = func(ns []node) {
		for _, n := range ns {
			cat.categories = append(cat.categories, n.ID)
			walk(n.Children)
		}
	}
	walk(out.Categories)
	if len(cat.slugs) == 0 || len(cat.categories) == 0 {
		return cat, fmt.Errorf("empty catalogue: %d products, %d categories", len(cat.slugs), len(cat.categories))
	}
	return cat, nil
}
