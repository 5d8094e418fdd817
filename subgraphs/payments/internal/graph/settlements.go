package graph

import (
	"errors"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/payments/internal/settlement"
)

// gqlError maps the settlement domain's errors to coded GraphQL errors (the
// one place that knows both); anything else passes through.
func gqlError(err error) error {
	var ie *settlement.InputError
	if errors.As(err, &ie) {
		return errs.BadInput(ie.Field, "%s", ie.Message)
	}
	return err
}

func toSettlementPage(p app.PayoutPage) (*model.SettlementConnection, error) {
	c := &model.SettlementConnection{TotalCount: p.Total, PageInfo: &model.PageInfo{HasNextPage: p.HasNext}}
	for _, po := range p.Payouts {
		s, err := toSettlement(po, p.Lines[po.ID])
		if err != nil {
			return nil, err
		}
		cursor := app.PayoutKind.Cursor(po.ID)
		c.Edges = append(c.Edges, &model.SettlementEdge{Cursor: cursor, Node: s})
		c.PageInfo.EndCursor = &cursor
	}
	if c.Edges == nil {
		c.Edges = []*model.SettlementEdge{}
	}
	return c, nil
}

func toSettlement(p settlement.Payout, lines []settlement.StatementLine) (*model.Settlement, error) {
	csv, err := settlement.StatementCSV(lines)
	if err != nil {
		return nil, err
	}
	t := p.Totals
	s := &model.Settlement{
		ID: p.ID, RunID: p.RunID, PeriodStart: p.PeriodStart, PeriodEnd: p.PeriodEnd,
		GrossSales: money.Of(t.Sales), Commission: money.Of(t.Commission), CommissionGst: money.Of(t.CommissionGST),
		Tcs: money.Of(t.TCS), Fees: money.Of(t.Fees), Refunds: money.Of(t.Refunds), PayoutAmount: money.Of(p.Amount),
		Status: model.SettlementStatus(p.Status), CreatedAt: p.CreatedAt, StatementCSV: csv,
		Entries: make([]*model.SettlementEntry, len(lines)),
	}
	for i, l := range lines {
		s.Entries[i] = &model.SettlementEntry{ID: l.EntryID, Kind: model.SettlementEntryKind(l.Kind), Amount: money.Of(l.Amount),
			FulfilmentID: l.FulfilmentID, OrderNumber: l.OrderNumber, RefundID: optional(l.RefundID),
			PayableAt: l.PayableAt, CreatedAt: l.CreatedAt}
	}
	return s, nil
}

func toCommissionRate(r settlement.CommissionRate) *model.CommissionRate {
	return &model.CommissionRate{CategoryID: r.CategoryID, Percent: r.Rate.Percent(), UpdatedAt: r.UpdatedAt}
}
