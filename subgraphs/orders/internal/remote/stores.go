package remote

import (
	"context"
	"fmt"

	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/orders/internal/invoice"
)

// Seller reads what a tax invoice says about store id: its name, GSTIN and
// pickup address (whose state decides intra- or inter-state supply), as the
// stores subgraph has them now. Asked without a shopper: the invoice is
// issued by the system when the fulfilment ships.
func (c *Clients) Seller(ctx context.Context, id string) (invoice.Party, error) {
	var out struct {
		Entities []*struct {
			Name          string `json:"name"`
			GSTIN         string `json:"gstin"`
			PickupAddress struct {
				Line1   string  `json:"line1"`
				Line2   *string `json:"line2"`
				City    string  `json:"city"`
				State   string  `json:"state"`
				PinCode string  `json:"pinCode"`
			} `json:"pickupAddress"`
		} `json:"_entities"`
	}
	err := c.stores.Do(ctx, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Store {
		name gstin pickupAddress { line1 line2 city state pinCode } } } }`,
		map[string]any{"r": []map[string]any{{"__typename": "Store", "id": id}}}, &out, subgraph.Idempotent(), subgraph.As(""))
	if err != nil {
		return invoice.Party{}, fmt.Errorf("seller %s: %w", id, err)
	}
	if len(out.Entities) != 1 || out.Entities[0] == nil {
		return invoice.Party{}, fmt.Errorf("seller %s: no such store", id)
	}
	s := out.Entities[0]
	a := s.PickupAddress
	return invoice.Party{Name: s.Name, GSTIN: s.GSTIN, Address: invoice.Address{Line1: a.Line1, Line2: deref(a.Line2),
		City: a.City, State: a.State, PinCode: a.PinCode}}, nil
}
