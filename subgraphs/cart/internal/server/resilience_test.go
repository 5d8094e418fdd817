package server_test

import (
	"io"
	"log/slog"
	"testing"

	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/cart/internal/server"
)

// Catalog down: add-to-cart cannot check the variant, says so, writes nothing.
func TestAddToCartWhenCatalogIsDown(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "CATALOG_SUBGRAPH_URL", "http://127.0.0.1:1/graphql")
	rahul := e.customer()
	e.myCart(rahul)
	before := e.snapshot()
	wantErr(t, e.do(rahul, addMutation, map[string]any{"v": phoneID, "q": 1}, nil), "SERVICE_UNAVAILABLE", "", "")
	if e.snapshot() != before {
		t.Fatal("a failed add wrote something")
	}
}

// Redis down: variant facts come from catalog on every add, and carts work.
func TestAddToCartWhenRedisIsDown(t *testing.T) {
	t.Parallel()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	rdb, err := cache.Connect("redis://127.0.0.1:1/0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rdb.Close() })
	d.Cache = cache.New(rdb, "cart-test-down", slog.New(slog.NewTextHandler(io.Discard, nil)))
	e := &env{t: t, d: d, iss: iss}
	e.catalog = newFake(t, iss, answerCatalog)
	d.Getenv = func(k string) string {
		if k == "CATALOG_SUBGRAPH_URL" {
			return e.catalog.url
		}
		return ""
	}
	_, e.h = servicetest.Serve(t, spec, d)
	rahul := e.customer()
	e.add(rahul, phoneID, 1)
	if c := e.add(rahul, phoneID, 1); c.ItemCount != 2 {
		t.Fatalf("cart = %+v", c)
	}
	if n := e.catalog.calls.Load(); n != 2 {
		t.Fatalf("catalog calls = %d, want 2 (no cache)", n)
	}
}
