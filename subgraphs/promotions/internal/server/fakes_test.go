package server_test

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
)

// Variants the fake catalog knows, shaped like the catalog seed.
const (
	earbudsID = "0193a000-0000-7000-8000-000000000001" // boAt Airdopes 141, ₹1,299, retailer ₹999, MOQ 50, 18 %, Audio › Earbuds
	phoneID   = "0193a000-0000-7000-8000-000000000002" // Apple iPhone 15, ₹79,900, 18 %, Mobiles
	cableID   = "0193a000-0000-7000-8000-000000000003" // USB-C cable, ₹199.99, 18 %, sold from Maharashtra
	draftID   = "0193a000-0000-7000-8000-000000000004" // a variant of a DRAFT product
	unknownID = "0193a000-0000-7000-8000-0000000000ff" // catalog has no such variant

	storeKA   = "0193a000-0000-7000-8000-0000000000a1" // TechHub, Karnataka
	storeMH   = "0193a000-0000-7000-8000-0000000000a2" // a Maharashtra store
	earbudsCt = "0193a000-0000-7000-8000-0000000000c2"
	mobilesCt = "0193a000-0000-7000-8000-0000000000c3"
	boatID    = "0193a000-0000-7000-8000-0000000000b1"
	appleID   = "0193a000-0000-7000-8000-0000000000b2"
)

func money(p int64) map[string]any { return map[string]any{"paise": p} }

func variant(id, sku, title, product string, price int64, retailer *int64, moq int, status, category string,
	crumbs []string, brand, store, state string) map[string]any {
	bc := make([]map[string]any, len(crumbs))
	for i, c := range crumbs {
		bc[i] = map[string]any{"id": c}
	}
	v := map[string]any{
		"__typename": "ProductVariant", "id": id, "sku": sku, "title": title, "price": money(price),
		"retailerPrice": nil, "minOrderQuantity": moq,
		"product": map[string]any{
			"id": id[:35] + "9", "title": product, "status": status, "hsnCode": "8518", "gstRatePercent": 18.0,
			"category": map[string]any{"id": category, "breadcrumbs": bc},
			"brand":    map[string]any{"id": brand},
			"store":    map[string]any{"id": store, "originState": state},
		},
	}
	if retailer != nil {
		v["retailerPrice"] = money(*retailer)
	}
	return v
}

func catalogVariants() map[string]map[string]any {
	retail := int64(99900)
	return map[string]map[string]any{
		earbudsID: variant(earbudsID, "BOAT-AIRDOPES-141-TRUE-WIRELESS-BOLD-BLACK", "Bold Black", "boAt Airdopes 141",
			129900, &retail, 50, "ACTIVE", earbudsCt, []string{seed.AudioCategoryID, earbudsCt}, boatID, storeKA, "KARNATAKA"),
		phoneID: variant(phoneID, "APPLE-IPHONE-15-BLACK-128-GB", "Black, 128 GB", "Apple iPhone 15",
			7990000, nil, 1, "ACTIVE", mobilesCt, []string{mobilesCt}, appleID, storeKA, "KARNATAKA"),
		cableID: variant(cableID, "BOAT-TYPE-C-CABLE", "1 m", "boAt Type-C cable",
			19999, nil, 1, "ACTIVE", mobilesCt, []string{mobilesCt}, boatID, storeMH, "MAHARASHTRA"),
		draftID: variant(draftID, "DRAFT-SKU", "Draft", "Unreleased phone",
			1000000, nil, 1, "DRAFT", mobilesCt, []string{mobilesCt}, appleID, storeKA, "KARNATAKA"),
	}
}

// fakeCatalog answers `_entities` for ProductVariant exactly like catalog:
// null for unknown ids, and retailer price and minimum order quantity only
// for RETAILER and OWNER callers (it verifies the forwarded token).
type fakeCatalog struct {
	srv      *httptest.Server
	iss      *servicetest.Issuer
	variants map[string]map[string]any
	calls    atomic.Int64
	down     atomic.Bool
	mu       sync.Mutex
	auths    []string
	reps     []int // representations per call
}

func newFakeCatalog(t testing.TB, iss *servicetest.Issuer) *fakeCatalog {
	f := &fakeCatalog{iss: iss, variants: catalogVariants()}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeCatalog) serve(w http.ResponseWriter, r *http.Request) {
	f.calls.Add(1)
	if f.down.Load() {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	var req struct {
		Query     string `json:"query"`
		Variables struct {
			Reps []map[string]any `json:"reps"`
		} `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || !strings.Contains(req.Query, "_entities") {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	authz := r.Header.Get("Authorization")
	f.mu.Lock()
	f.auths = append(f.auths, authz)
	f.reps = append(f.reps, len(req.Variables.Reps))
	f.mu.Unlock()
	retailTerms := false
	if id, err := f.iss.Verifier.Verify(r.Context(), strings.TrimPrefix(authz, "Bearer ")); err == nil {
		retailTerms = id.Has("RETAILER") || id.Has("OWNER")
	}
	out := make([]any, len(req.Variables.Reps))
	for i, rep := range req.Variables.Reps {
		id, _ := rep["id"].(string)
		v, ok := f.variants[id]
		if rep["__typename"] != "ProductVariant" || !ok {
			continue // null entity
		}
		v = maps.Clone(v)
		if !retailTerms {
			v["retailerPrice"], v["minOrderQuantity"] = nil, nil
		}
		out[i] = v
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{"_entities": out}})
}

// lastCall returns the Authorization header and representation count of
// the latest call.
func (f *fakeCatalog) lastCall() (string, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.auths) == 0 {
		return "", 0
	}
	return f.auths[len(f.auths)-1], f.reps[len(f.reps)-1]
}
