package server_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// world fakes the subgraphs orders calls (cart, users, promotions,
// inventory, catalog) behind one HTTP server, answering exactly what the
// real ones answer for the operations of docs/commerce.md. It keeps the
// state those subgraphs would (carts, stock, reservations, coupon holds) so
// tests can check that nothing is left behind.
type world struct {
	t  *testing.T
	mu sync.Mutex

	carts     map[string]*fakeCart        // by user id
	addresses map[string][]fakeAddress    // by user id
	variants  map[string]fakeVariant      // by variant id
	stock     map[string]int              // available units by variant id
	reserved  map[string]*fakeReservation // by order id
	holds     map[string]*fakeHold        // by order id
	coupons   map[string]fakeCoupon       // by code
	owners    map[string][]string         // store ids by owner id
	captured  map[string]int64            // payments: paise captured by order id
	stores    map[string]fakeStore        // by store id
	gstins    map[string]string           // users: a RETAILER's GSTIN by user id

	// Failure injection: answer HTTP 500 to these operations; answer these
	// others only after a delay.
	down  map[string]bool
	delay map[string]time.Duration
	// Calls counts the operations received; auth records whether every call
	// carried an Authorization header.
	calls   map[string]int
	noAuth  int
	reqTTLs []int64
}

type fakeCart struct {
	items   [][2]any // variantId, quantity
	coupon  string
	version int
}

type fakeAddress struct {
	ID, Name, Phone, Line1, City, State, PinCode string
}

type fakeStore struct {
	Name, GSTIN, City, State, PinCode string
}

type fakeVariant struct {
	SKU, Title, StoreID string
	Price               int64
	GSTRate             float64
	StoreState          string
}

type fakeReservation struct {
	lines  map[string]int
	status string // RESERVED, COMMITTED, RELEASED, EXPIRED
}

type fakeHold struct {
	code     string
	subtotal int64
	status   string // PENDING, RELEASED
}

type fakeCoupon struct {
	flatPaise int64
	reject    string // a CouponRejectionReason, or ""
	holdFails string // a CONFLICT reason holdCoupon answers, or ""
}

func newWorld(t *testing.T) *world {
	return &world{t: t, carts: map[string]*fakeCart{}, addresses: map[string][]fakeAddress{}, variants: map[string]fakeVariant{},
		stock: map[string]int{}, reserved: map[string]*fakeReservation{}, holds: map[string]*fakeHold{},
		coupons: map[string]fakeCoupon{}, owners: map[string][]string{}, down: map[string]bool{}, calls: map[string]int{},
		captured: map[string]int64{}, delay: map[string]time.Duration{}, stores: map[string]fakeStore{}, gstins: map[string]string{}}
}

// activeReservations counts reservations still holding stock.
func (w *world) activeReservations() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, r := range w.reserved {
		if r.status == "RESERVED" {
			n++
		}
	}
	return n
}

// pendingHolds counts coupon holds still held.
func (w *world) pendingHolds() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, h := range w.holds {
		if h.status == "PENDING" {
			n++
		}
	}
	return n
}

func (w *world) count(op string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.calls[op]
}

func (w *world) set(fn func(w *world)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	fn(w)
}

type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

func coded(code, reason, msg string) *gqlError {
	ext := map[string]any{"code": code}
	if reason != "" {
		ext["reason"] = reason
	}
	return &gqlError{Message: msg, Extensions: ext}
}

func (w *world) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	var body struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(rw, err.Error(), http.StatusBadRequest)
		return
	}
	doc, perr := parser.ParseQuery(&ast.Source{Input: body.Query})
	if perr != nil || len(doc.Operations) != 1 || len(doc.Operations[0].SelectionSet) != 1 {
		w.t.Errorf("fake %s: unparseable operation %q: %v", r.URL.Path, body.Query, perr)
		http.Error(rw, "bad query", http.StatusBadRequest)
		return
	}
	f := doc.Operations[0].SelectionSet[0].(*ast.Field)
	args := map[string]any{}
	for _, a := range f.Arguments {
		v, err := a.Value.Value(body.Variables)
		if err != nil {
			w.t.Errorf("fake: argument %s: %v", a.Name, err)
		}
		args[a.Name] = v
	}
	user := subject(r.Header.Get("Authorization"))
	w.mu.Lock()
	d := w.delay[f.Name]
	w.mu.Unlock()
	time.Sleep(d)

	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls[f.Name]++
	if user == "" {
		w.noAuth++
	}
	if w.down[f.Name] {
		http.Error(rw, "down", http.StatusInternalServerError)
		return
	}
	var data any
	var gerr *gqlError
	switch path := strings.TrimPrefix(r.URL.Path, "/"); path + "." + f.Name {
	case "cart.myCart":
		data, gerr = w.myCart(user)
	case "users.me":
		data = w.me(user)
	case "promotions.quote":
		data, gerr = w.quote(args["input"].(map[string]any))
	case "promotions.holdCoupon":
		data, gerr = w.holdCoupon(args["input"].(map[string]any))
	case "promotions.releaseCouponHold":
		if h := w.holds[args["orderId"].(string)]; h != nil {
			h.status = "RELEASED"
		}
		data = true
	case "inventory.reserveStock":
		data, gerr = w.reserveStock(args["input"].(map[string]any))
	case "inventory.releaseStock":
		w.releaseStock(args["orderId"].(string))
		data = true
	case "inventory.commitStock":
		data, gerr = w.commitStock(args["orderId"].(string))
	case "payments.orderPaymentState":
		id := args["orderId"].(string)
		data = map[string]any{"captured": w.captured[id] > 0, "capturedPaise": w.captured[id]}
	case "stores._entities":
		data = w.storeEntities(args["representations"].([]any))
	case "catalog.storeIdsOwnedBy":
		ids := w.owners[args["ownerId"].(string)]
		if ids == nil {
			ids = []string{}
		}
		data = ids
	default:
		w.t.Errorf("fake: unexpected %s on %s", f.Name, path)
		http.Error(rw, "unknown operation", http.StatusBadRequest)
		return
	}
	resp := map[string]any{}
	if gerr != nil {
		resp["data"] = nil
		resp["errors"] = []*gqlError{gerr}
	} else {
		resp["data"] = map[string]any{f.Name: data}
	}
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(resp)
}

// subject reads the sub claim of a bearer token (the real subgraphs verify
// it; the fake only needs to know who is asking).
func subject(authorization string) string {
	tok, ok := strings.CutPrefix(authorization, "Bearer ")
	parts := strings.Split(tok, ".")
	if !ok || len(parts) != 3 {
		return ""
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return ""
	}
	var c struct {
		Sub string `json:"sub"`
	}
	_ = json.Unmarshal(raw, &c)
	return c.Sub
}

func (w *world) myCart(user string) (any, *gqlError) {
	if user == "" {
		return nil, coded("UNAUTHENTICATED", "", "sign in required")
	}
	c := w.carts[user]
	items := []map[string]any{}
	var coupon any
	version := 0
	if c != nil {
		version = c.version
		for _, it := range c.items {
			items = append(items, map[string]any{"variantId": it[0], "quantity": it[1]})
		}
		if c.coupon != "" {
			coupon = c.coupon
		}
	}
	return map[string]any{"items": items, "couponCode": coupon, "version": version}, nil
}

func (w *world) me(user string) any {
	if user == "" {
		return nil
	}
	addrs := []map[string]any{}
	for _, a := range w.addresses[user] {
		addrs = append(addrs, map[string]any{"id": a.ID, "name": a.Name, "phone": a.Phone, "line1": a.Line1,
			"line2": nil, "landmark": nil, "city": a.City, "state": a.State, "pinCode": a.PinCode})
	}
	var gstin any
	if g := w.gstins[user]; g != "" {
		gstin = g
	}
	return map[string]any{"gstin": gstin, "addresses": addrs}
}

// storeEntities answers stores' _entities for Store: what a tax invoice says
// about the seller.
func (w *world) storeEntities(reps []any) []any {
	out := make([]any, len(reps))
	for i, r := range reps {
		s, ok := w.stores[r.(map[string]any)["id"].(string)]
		if !ok {
			continue
		}
		out[i] = map[string]any{"name": s.Name, "gstin": s.GSTIN, "pickupAddress": map[string]any{
			"line1": "1 Industrial Area", "line2": nil, "city": s.City, "state": s.State, "pinCode": s.PinCode}}
	}
	return out
}

// The fake catalogue: every variant's product is named after it, in one
// category under one root.
const (
	fakeCategoryLeaf = "01930000-0000-7000-8000-00000000ca71"
	fakeCategoryRoot = "01930000-0000-7000-8000-00000000ca70"
)

func fakeProductID(variantID string) string { return variantID[:34] + "9d" }

func m(p int64) map[string]any { return map[string]any{"paise": p} }

// quote prices like promotions: GST included in prices, CGST/SGST within
// the store's state, a FLAT coupon on the first line, shipping below ₹499.
func (w *world) quote(in map[string]any) (any, *gqlError) {
	state, _ := in["shippingState"].(string)
	code, _ := in["couponCode"].(string)
	var lines []map[string]any
	var subtotal, couponDiscount, cgst, sgst, igst int64
	coupon, known := w.coupons[code]
	var rejection any
	if code != "" && (!known || coupon.reject != "") {
		reason := "NOT_FOUND"
		if known {
			reason = coupon.reject
		}
		rejection = map[string]any{"code": code, "reason": reason, "message": "coupon " + code + ": " + strings.ToLower(reason)}
	}
	for i, raw := range in["lines"].([]any) {
		l := raw.(map[string]any)
		id := l["variantId"].(string)
		qty := toInt(l["quantity"])
		v, ok := w.variants[id]
		if !ok {
			e := coded("BAD_USER_INPUT", "", "unknown variant "+id)
			e.Extensions["field"] = "variantId"
			return nil, e
		}
		sub := v.Price * qty
		disc := int64(0)
		if i == 0 && known && coupon.reject == "" {
			disc = min(coupon.flatPaise, sub)
			couponDiscount = disc
		}
		after := sub - disc
		gst := int64(math.Round(float64(after) * v.GSTRate / (100 + v.GSTRate)))
		if v.StoreState == state {
			cgst += gst / 2
			sgst += gst - gst/2
		} else {
			igst += gst
		}
		subtotal += sub
		lines = append(lines, map[string]any{"variantId": id, "sku": v.SKU, "title": v.Title, "storeId": v.StoreID,
			"quantity": qty, "unitPrice": m(v.Price), "lineSubtotal": m(sub), "discount": m(disc),
			"automaticDiscount": m(0), "couponDiscount": m(disc), "productId": fakeProductID(id), "hsnCode": "8517",
			"categoryIds":    []string{fakeCategoryLeaf, fakeCategoryRoot},
			"gstRatePercent": v.GSTRate, "gst": m(gst), "lineTotal": m(after)})
	}
	discounted := subtotal - couponDiscount
	shipping := int64(4900)
	if discounted >= 49900 {
		shipping = 0
	}
	return map[string]any{"lines": lines, "subtotal": m(subtotal), "automaticDiscount": m(0), "couponDiscount": m(couponDiscount),
		"couponRejection": rejection, "gst": map[string]any{"cgst": m(cgst), "sgst": m(sgst), "igst": m(igst), "total": m(cgst + sgst + igst)},
		"shipping": m(shipping), "total": m(discounted + shipping)}, nil
}

func (w *world) reserveStock(in map[string]any) (any, *gqlError) {
	orderID := in["orderId"].(string)
	w.reqTTLs = append(w.reqTTLs, toInt(in["ttlSeconds"]))
	ok := map[string]any{"__typename": "StockReservation"}
	if _, exists := w.reserved[orderID]; exists {
		return ok, nil // idempotent per order id
	}
	lines := map[string]int{}
	for _, raw := range in["lines"].([]any) {
		l := raw.(map[string]any)
		id, qty := l["variantId"].(string), int(toInt(l["quantity"]))
		if w.stock[id] < qty {
			return nil, coded("CONFLICT", "OUT_OF_STOCK", fmt.Sprintf("only %d left of %s", w.stock[id], w.variants[id].SKU))
		}
		lines[id] = qty
	}
	for id, q := range lines {
		w.stock[id] -= q
	}
	w.reserved[orderID] = &fakeReservation{lines: lines, status: "RESERVED"}
	return ok, nil
}

func (w *world) releaseStock(orderID string) {
	r := w.reserved[orderID]
	if r == nil || r.status != "RESERVED" {
		return
	}
	for id, q := range r.lines {
		w.stock[id] += q
	}
	r.status = "RELEASED"
}

// commitStock answers as inventory does: an expired reservation is taken
// again while its units are there.
func (w *world) commitStock(orderID string) (any, *gqlError) {
	r := w.reserved[orderID]
	switch {
	case r == nil:
		return nil, coded("NOT_FOUND", "", "stock reservation not found")
	case r.status == "RELEASED":
		return nil, coded("CONFLICT", "RESERVATION_CLOSED", "released")
	case r.status == "EXPIRED":
		for id, q := range r.lines {
			if w.stock[id] < q {
				return nil, coded("CONFLICT", "STOCK_UNAVAILABLE", "sold meanwhile")
			}
		}
		for id, q := range r.lines {
			w.stock[id] -= q
		}
	}
	r.status = "COMMITTED"
	return map[string]any{"status": "COMMITTED"}, nil
}

// expire does what inventory's reaper does to orderID's reservation.
func (w *world) expire(orderID string) {
	if r := w.reserved[orderID]; r != nil && r.status == "RESERVED" {
		for id, q := range r.lines {
			w.stock[id] += q
		}
		r.status = "EXPIRED"
	}
}

func (w *world) holdCoupon(in map[string]any) (any, *gqlError) {
	orderID, code := in["orderId"].(string), in["code"].(string)
	ok := map[string]any{"__typename": "CouponHold"}
	if _, exists := w.holds[orderID]; exists {
		return ok, nil
	}
	if reason := w.coupons[code].holdFails; reason != "" {
		return nil, coded("CONFLICT", reason, "coupon "+code+" has been used up")
	}
	w.holds[orderID] = &fakeHold{code: code, subtotal: toInt(in["subtotalPaise"]), status: "PENDING"}
	return ok, nil
}

// toInt reads a GraphQL Int argument: int64 from a literal, float64 from JSON variables.
func toInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	}
	panic(fmt.Sprintf("not an Int: %T", v))
}
