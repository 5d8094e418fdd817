package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// op returns a document the apps ship (operations/storefront/<name>.graphql),
// so these tests also prove the shipped operations work.
func op(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "operations", "storefront", name+".graphql"))
	if err != nil {
		t.Fatalf("operation %s: %v", name, err)
	}
	return string(b)
}

// Seed accounts (subgraphs/users/seed).
const (
	seedPassword = "Purra@2026"
	rahulEmail   = "rahul@purra.in"
	vikramEmail  = "vikram@purra.in"
)

type authPayload struct {
	AccessToken  string `json:"accessToken"`
	RefreshToken string `json:"refreshToken"`
	User         struct {
		ID    string `json:"id"`
		Name  string `json:"name"`
		Email string `json:"email"`
		Role  string `json:"role"`
	} `json:"user"`
}

// login returns a client carrying the account's access token.
func login(t *testing.T, email, password string) (client, authPayload) {
	t.Helper()
	var out struct{ Login authPayload }
	client{}.must(t, op(t, "Login"), map[string]any{"input": map[string]any{"email": email, "password": password}}, &out)
	return client{}.withToken(out.Login.AccessToken), out.Login
}

// newShopper registers a fresh customer and returns it logged in.
func newShopper(t *testing.T) (client, authPayload) {
	t.Helper()
	email := fmt.Sprintf("e2e-%s@example.in", uuid.NewString()[:8])
	var out struct{ Register authPayload }
	client{}.must(t, op(t, "Register"), map[string]any{"input": map[string]any{
		"name": "Asha Verma", "email": email, "phone": "+91 98450 12345", "password": "Sunrise2026x",
	}}, &out)
	return client{}.withToken(out.Register.AccessToken), out.Register
}

// db opens a subgraph's e2e database, for asserting what was (not) written.
func db(t *testing.T, subgraph string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, "postgres://postgres@127.0.0.1:5432/purra_e2e_"+subgraph+"?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func count(t *testing.T, conn *pgx.Conn, query string, args ...any) int {
	t.Helper()
	var n int
	if err := conn.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
