package graph

import (
	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/orders/internal/invoice"
)

func toInvoices(invs []invoice.Invoice) []*model.Invoice {
	out := make([]*model.Invoice, len(invs))
	for i, inv := range invs {
		out[i] = toInvoice(inv)
	}
	return out
}

func toInvoice(inv invoice.Invoice) *model.Invoice {
	m := &model.Invoice{
		ID: inv.ID, Kind: model.InvoiceKind(inv.Kind), Number: inv.Number, FinancialYear: inv.FinancialYear,
		Seller: toParty(inv.Seller), Buyer: toParty(inv.Buyer), PlaceOfSupply: inv.PlaceOfSupply, Interstate: inv.Interstate,
		TaxableValue: money.Money{Paise: inv.Taxable}, Cgst: money.Money{Paise: inv.CGST}, Sgst: money.Money{Paise: inv.SGST},
		Igst: money.Money{Paise: inv.IGST}, Total: money.Money{Paise: inv.Total}, TotalInWords: invoice.Words(inv.Total), CreditedInvoiceNumber: opt(inv.OriginalNumber),
		IssuedAt: inv.IssuedAt, Source: inv,
	}
	for _, l := range inv.Lines {
		m.Lines = append(m.Lines, &model.InvoiceLine{OrderItemID: l.OrderItemID, Description: l.Description, HsnCode: l.HSN,
			Quantity: l.Quantity, GstRatePercent: l.RatePercent, TaxableValue: money.Of(l.Taxable), Cgst: money.Of(l.CGST),
			Sgst: money.Of(l.SGST), Igst: money.Of(l.IGST), Total: money.Of(l.Total)})
	}
	return m
}

func toParty(p invoice.Party) *model.InvoiceParty {
	a := p.Address
	return &model.InvoiceParty{Name: p.Name, Gstin: opt(p.GSTIN), Address: &model.InvoiceAddress{Line1: a.Line1,
		Line2: opt(a.Line2), City: a.City, State: a.State, PinCode: a.PinCode}}
}

func toInvoiceConnection(p *app.InvoicePage) *model.InvoiceConnection {
	c := &model.InvoiceConnection{TotalCount: p.Total, PageInfo: &model.PageInfo{HasNextPage: p.HasMore}}
	for _, inv := range p.Invoices {
		c.Edges = append(c.Edges, &model.InvoiceEdge{Cursor: invoice.Cursor(inv.ID), Node: toInvoice(inv)})
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	if c.Edges == nil {
		c.Edges = []*model.InvoiceEdge{}
	}
	return c
}
