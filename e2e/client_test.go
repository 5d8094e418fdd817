package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"
)

// client talks to the router as an app would.
type client struct {
	token   string
	headers map[string]string
}

var httpClient = &http.Client{Timeout: 15 * time.Second}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	Header http.Header     `json:"-"`
}

// code is the extensions.code of the first error, or "".
func (r response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func (c client) withToken(token string) client {
	c.token = token
	return c
}

// post sends a body to the router and decodes the response.
func (c client) post(t *testing.T, body map[string]any) response {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, sys.RouterURL(), bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json, application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("router: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 500 {
		t.Fatalf("router answered %d: %s", resp.StatusCode, b)
	}
	var out response
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("decode router response (%d): %v: %s", resp.StatusCode, err, b)
	}
	out.Header = resp.Header
	return out
}

// do runs an operation, decodes data into out and returns the response.
func (c client) do(t *testing.T, query string, vars map[string]any, out any) response {
	t.Helper()
	r := c.post(t, map[string]any{"query": query, "variables": vars})
	decode(t, r, out)
	return r
}

// must runs an operation that must succeed.
func (c client) must(t *testing.T, query string, vars map[string]any, out any) {
	t.Helper()
	r := c.do(t, query, vars, out)
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", r.Errors)
	}
}

func decode(t *testing.T, r response, out any) {
	t.Helper()
	if out == nil || len(r.Data) == 0 || string(r.Data) == "null" {
		return
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decode data: %v: %s", err, r.Data)
	}
}
