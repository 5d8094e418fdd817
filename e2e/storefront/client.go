// Package storefront is a client of the router for the test suites outside
// package e2e (the fault tests of e2e/faults and the money scenarios): it
// speaks only GraphQL over HTTP, as the apps do, and reports a failed request
// as an error instead of failing the test, because under a fault a request
// may fail and what matters is what was acknowledged.
package storefront

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"
)

// Client calls the router, anonymously or with a user's access token.
type Client struct {
	URL   string // the router's /graphql
	Token string
}

var httpClient = &http.Client{Timeout: 20 * time.Second}

// Error is one GraphQL error.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Response is a GraphQL response.
type Response struct {
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
}

// Code is the extensions.code of the first error, or "".
func (r Response) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// WithToken returns the client acting as the token's user.
func (c Client) WithToken(token string) Client {
	c.Token = token
	return c
}

// Do runs an operation and decodes data into out (when non-nil). The error
// is for a request that got no GraphQL answer: the router unreachable,
// a 5xx, a body that is not a GraphQL response.
func (c Client) Do(ctx context.Context, query string, vars map[string]any, out any) (Response, error) {
	raw, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return Response{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.URL, bytes.NewReader(raw))
	if err != nil {
		return Response{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("router: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return Response{}, fmt.Errorf("read router response: %w", err)
	}
	if resp.StatusCode >= 500 {
		return Response{}, fmt.Errorf("router answered %d: %s", resp.StatusCode, body)
	}
	var r Response
	if err := json.Unmarshal(body, &r); err != nil {
		return Response{}, fmt.Errorf("decode router response (%d): %w: %s", resp.StatusCode, err, body)
	}
	if out != nil && len(r.Data) > 0 && string(r.Data) != "null" {
		if err := json.Unmarshal(r.Data, out); err != nil {
			return r, fmt.Errorf("decode data: %w: %s", err, r.Data)
		}
	}
	return r, nil
}

// Must runs an operation that must succeed without GraphQL errors.
func (c Client) Must(t testing.TB, query string, vars map[string]any, out any) {
	t.Helper()
	r, err := c.Do(context.Background(), query, vars, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", r.Errors)
	}
}
