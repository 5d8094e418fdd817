package server_test

import (
	"fmt"
	"strings"

	"github.com/purra/supergraph/platform/auth"
)

// variant is a catalogue variant the fake catalog and promotions know.
type variant struct {
	ID, SKU, Status string
	MOQ             int
	Price           int64 // paise, GST included
	RetailerPrice   int64 // 0: none
	GSTRate         int64 // percent
	Origin          string
}

// Variants of the tests.
const (
	phoneID    = "01937b00-0000-7000-8000-000000000001" // ₹15,000, MOQ 5, from Karnataka
	earbudsID  = "01937b00-0000-7000-8000-000000000002" // ₹1,299, retailer ₹999, MOQ 50
	cableID    = "01937b00-0000-7000-8000-000000000003" // ₹299, from Maharashtra
	draftID    = "01937b00-0000-7000-8000-000000000004" // product DRAFT
	archivedID = "01937b00-0000-7000-8000-000000000005" // product ARCHIVED
	unknownID  = "01937b00-0000-7000-8000-0000000000ff" // not in the catalogue
)

var variants = func() map[string]variant {
	m := map[string]variant{
		phoneID:    {ID: phoneID, SKU: "PHONE-BLACK-128", Status: "ACTIVE", MOQ: 5, Price: 1_500_000, RetailerPrice: 1_350_000, GSTRate: 18, Origin: "KARNATAKA"},
		earbudsID:  {ID: earbudsID, SKU: "BOAT-AIRDOPES-141-TRUE-WIRELESS-BOLD-BLACK", Status: "ACTIVE", MOQ: 50, Price: 129_900, RetailerPrice: 99_900, GSTRate: 18, Origin: "KARNATAKA"},
		cableID:    {ID: cableID, SKU: "CABLE-USB-C", Status: "ACTIVE", MOQ: 1, Price: 29_900, GSTRate: 18, Origin: "MAHARASHTRA"},
		draftID:    {ID: draftID, SKU: "DRAFT-ONE", Status: "DRAFT", MOQ: 1, Price: 10_000, GSTRate: 18, Origin: "KARNATAKA"},
		archivedID: {ID: archivedID, SKU: "OLD-ONE", Status: "ARCHIVED", MOQ: 1, Price: 10_000, GSTRate: 18, Origin: "KARNATAKA"},
	}
	for _, id := range manyIDs {
		m[id] = variant{ID: id, SKU: "MANY-" + id[len(id)-3:], Status: "ACTIVE", MOQ: 1, Price: 10_000, GSTRate: 12, Origin: "DELHI"}
	}
	return m
}()

// manyIDs are 51 more active variants, to fill a cart.
var manyIDs = func() []string {
	ids := make([]string, 51)
	for i := range ids {
		ids[i] = fmt.Sprintf("01937b00-0000-7000-8001-%012d", i)
	}
	return ids
}()

func seesRetailTerms(id *auth.Identity) bool {
	return id != nil && (id.Has(auth.RoleRetailer) || id.Has(auth.RoleOwner))
}

// answerCatalog answers catalog's _entities for ProductVariant like the
// catalog subgraph: null for unknown ids, the MOQ only for retailers and owners.
func answerCatalog(r fakeRequest) (any, *gqlError) {
	if !strings.Contains(r.Query, "_entities") || !strings.Contains(r.Query, "... on ProductVariant") {
		return nil, &gqlError{Message: "unexpected query " + r.Query, Extensions: map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}}
	}
	reps, _ := r.Vars["reps"].([]any)
	out := make([]any, len(reps))
	for i, rep := range reps {
		m, _ := rep.(map[string]any)
		v, found := variants[fmt.Sprint(m["id"])]
		if m["__typename"] != "ProductVariant" || !found {
			continue
		}
		var moq any
		if seesRetailTerms(r.Identity) {
			moq = v.MOQ
		}
		out[i] = map[string]any{"id": v.ID, "sku": v.SKU, "title": v.SKU, "minOrderQuantity": moq,
			"product": map[string]any{"status": v.Status}}
	}
	return map[string]any{"_entities": out}, nil
}

func paiseOf(p int64) map[string]any { return map[string]any{"paise": p} }

// answerQuote prices like promotions (docs/commerce.md, pricing rules) for a
// few coupons: WELCOME10 (10 % up to ₹1,000 above ₹1,000), FLAT500 (₹500
// above ₹5,000), SOLDOUT (used up), ONCEONLY (used by this user), EXPIRED50.
func answerQuote(r fakeRequest) (any, *gqlError) {
	if r.Identity == nil {
		return nil, unauthenticated()
	}
	in, _ := r.Vars["input"].(map[string]any)
	rawLines, _ := in["lines"].([]any)
	state, _ := in["shippingState"].(string)
	code, _ := in["couponCode"].(string)
	type priced struct {
		v                            variant
		qty, sub, auto, after, share int64
	}
	var lines []priced
	var subtotal, automatic int64
	for _, raw := range rawLines {
		m := raw.(map[string]any)
		v, found := variants[fmt.Sprint(m["variantId"])]
		if !found {
			return nil, &gqlError{Message: "no such variant", Extensions: map[string]any{"code": "BAD_USER_INPUT", "field": "variantId"}}
		}
		qty := int64(m["quantity"].(float64))
		unit := v.Price
		if r.Identity.Role == "RETAILER" && v.RetailerPrice > 0 {
			unit = v.RetailerPrice
		}
		p := priced{v: v, qty: qty, sub: unit * qty}
		if r.Identity.Role == "RETAILER" && qty >= 50 {
			p.auto = p.sub / 10
		}
		p.after = p.sub - p.auto
		subtotal, automatic = subtotal+p.sub, automatic+p.auto
		lines = append(lines, p)
	}
	base := subtotal - automatic
	var discount int64
	var rejection any
	reject := func(reason, msg string) { rejection = map[string]any{"code": code, "reason": reason, "message": msg} }
	switch code {
	case "":
	case "WELCOME10":
		if base < 100_000 {
			reject("BELOW_MINIMUM", "WELCOME10 needs an order of at least ₹1,000.00")
		} else {
			discount = min(base/10, 100_000)
		}
	case "FLAT500":
		if base < 500_000 {
			reject("BELOW_MINIMUM", "FLAT500 needs an order of at least ₹5,000.00")
		} else {
			discount = 50_000
		}
	case "SOLDOUT":
		reject("LIMIT_REACHED", "SOLDOUT has been used up")
	case "ONCEONLY":
		reject("USER_LIMIT_REACHED", "you have already used ONCEONLY")
	case "EXPIRED50":
		reject("EXPIRED", "EXPIRED50 has expired")
	default:
		reject("NOT_FOUND", "no coupon "+code)
	}
	left := discount
	for i := range lines {
		share := discount * lines[i].after / max(base, 1)
		if i == len(lines)-1 {
			share = left
		}
		lines[i].share, left = share, left-share
	}
	var outLines []any
	var cgst, sgst, igst int64
	for _, p := range lines {
		total := p.after - p.share
		gst := (total*p.v.GSTRate*2 + 100 + p.v.GSTRate) / (2 * (100 + p.v.GSTRate))
		if state != "" && state == p.v.Origin {
			cgst, sgst = cgst+gst/2, sgst+gst-gst/2
		} else {
			igst += gst
		}
		outLines = append(outLines, map[string]any{
			"variantId": p.v.ID, "quantity": p.qty, "unitPrice": paiseOf(p.sub / p.qty), "lineSubtotal": paiseOf(p.sub),
			"discount": paiseOf(p.auto + p.share), "gst": paiseOf(gst), "lineTotal": paiseOf(total),
		})
	}
	discounted := base - discount
	shipping := int64(4900)
	if discounted >= 49_900 {
		shipping = 0
	}
	return map[string]any{"quote": map[string]any{
		"lines": outLines, "subtotal": paiseOf(subtotal), "automaticDiscount": paiseOf(automatic),
		"couponDiscount": paiseOf(discount), "couponRejection": rejection,
		"gst":      map[string]any{"cgst": paiseOf(cgst), "sgst": paiseOf(sgst), "igst": paiseOf(igst), "total": paiseOf(cgst + sgst + igst)},
		"shipping": paiseOf(shipping), "total": paiseOf(discounted + shipping),
	}}, nil
}

// answerMe answers users' me { addresses { id state isDefault } } with the
// addresses set for the caller.
func (e *env) answerMe(r fakeRequest) (any, *gqlError) {
	if r.Identity == nil {
		return nil, unauthenticated()
	}
	addrs, _ := e.addresses.Load(r.Identity.Subject)
	if addrs == nil {
		addrs = []map[string]any{}
	}
	return map[string]any{"me": map[string]any{"addresses": addrs}}, nil
}

// setAddresses gives user addresses (id → state); the first is the default.
func (e *env) setAddresses(userID string, idState ...string) {
	var addrs []map[string]any
	for i := 0; i+1 < len(idState); i += 2 {
		addrs = append(addrs, map[string]any{"id": idState[i], "state": idState[i+1], "isDefault": i == 0})
	}
	e.addresses.Store(userID, addrs)
}
