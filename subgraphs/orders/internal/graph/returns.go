package graph

import (
	"context"
	"errors"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/loader"
	"github.com/purra/supergraph/platform/money"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/returns"
)

// Returns: the resolvers in orders.resolvers.go call these.

// ReturnLoaders batch the edges of returns: N orders' returns, N returns'
// histories or orders cost one query each.
type ReturnLoaders struct {
	Of      *dataloader.Loader[string, []*returns.Return]
	History *dataloader.Loader[string, []returns.Change]
	Order   *dataloader.Loader[string, *order.Order]
}

func newReturnLoaders(a *app.App) *ReturnLoaders {
	return &ReturnLoaders{
		Of:      loader.New(a.ReturnsOfOrders),
		History: loader.New(a.ReturnHistory),
		Order:   loader.New(a.OrdersByIDs),
	}
}

// returnError gives the returns domain's errors their GraphQL codes (the
// only place that knows both sides); errors already coded pass through.
func returnError(err error) error {
	var ie *returns.InputError
	var te *returns.TransitionError
	var we *returns.WindowError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ie):
		e := errs.BadInput(ie.Field, "%s", ie.Message)
		e.Reason = ie.Reason
		return e
	case errors.As(err, &te):
		return errs.Conflicting("%s", te.Error()).WithReason("ILLEGAL_TRANSITION")
	case errors.As(err, &we):
		return errs.Conflicting("%s", we.Error()).WithReason("RETURN_WINDOW_CLOSED")
	case errors.Is(err, returns.ErrNotDelivered):
		return errs.Conflicting("%s", err.Error()).WithReason("NOT_DELIVERED")
	case errors.Is(err, returns.ErrNotFound):
		return errs.Missing("return")
	case errors.Is(err, returns.ErrFulfilmentNotFound):
		e := errs.Missing("fulfilment")
		e.Field = "fulfilmentId"
		return e
	}
	return err
}

func toReturn(r *returns.Return) *model.Return {
	if r == nil {
		return nil
	}
	m := &model.Return{
		ID: r.ID, OrderID: r.OrderID, Store: &model.Store{ID: r.StoreID}, FulfilmentID: r.FulfilmentID,
		Buyer: &model.User{ID: r.UserID}, Status: model.ReturnStatus(r.Status), Reason: model.ReturnReason(r.Reason),
		Comment: opt(r.Comment), RejectionReason: opt(r.RejectionReason), Refund: money.Money{Paise: r.Refund},
		RequestedAt: r.RequestedAt, DecidedAt: r.DecidedAt, ReceivedAt: r.ReceivedAt, RefundedAt: r.RefundedAt,
		UpdatedAt: r.UpdatedAt,
	}
	for _, it := range r.Items {
		m.Items = append(m.Items, &model.ReturnItem{OrderItemID: it.OrderItemID, Variant: &model.ProductVariant{ID: it.VariantID},
			Title: it.Title, Quantity: it.Quantity, Refund: money.Of(it.Refund), Resaleable: it.Resaleable})
	}
	if r.RefundTo != nil {
		rt := r.RefundTo.Masked()
		m.CodRefundTo = &model.CodRefundTo{Kind: model.CodRefundKind(rt.Kind), AccountName: opt(rt.AccountName),
			AccountNumber: opt(rt.AccountNumber), Ifsc: opt(rt.IFSC), UpiVpa: opt(rt.UPIVPA)}
	}
	return m
}

func toReturnConnection(p app.ReturnPage) *model.ReturnConnection {
	c := &model.ReturnConnection{Edges: make([]*model.ReturnEdge, len(p.Returns)),
		PageInfo: &model.PageInfo{HasNextPage: p.HasMore}, TotalCount: p.Total}
	for i, r := range p.Returns {
		c.Edges[i] = &model.ReturnEdge{Cursor: returns.Cursor(r.ID), Node: toReturn(r)}
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	return c
}

func toReturnHistory(changes []returns.Change) []*model.ReturnStatusChange {
	out := make([]*model.ReturnStatusChange, len(changes))
	for i, c := range changes {
		var from *model.ReturnStatus
		if c.From != "" {
			f := model.ReturnStatus(c.From)
			from = &f
		}
		out[i] = &model.ReturnStatusChange{From: from, To: model.ReturnStatus(c.To), At: c.At, Note: opt(c.Note)}
	}
	return out
}

func toReturnWindows(s app.ReturnWindowSettings) *model.ReturnWindows {
	out := &model.ReturnWindows{DefaultDays: s.DefaultDays, Categories: make([]*model.CategoryReturnWindow, len(s.Categories))}
	for i, w := range s.Categories {
		out.Categories[i] = &model.CategoryReturnWindow{CategoryID: w.CategoryID, Days: w.Days, UpdatedAt: w.UpdatedAt}
	}
	return out
}

func (r *Resolver) requestReturn(ctx context.Context, in model.RequestReturnInput) (*model.Return, error) {
	req := returns.Request{OrderID: in.OrderID, Reason: returns.Reason(in.Reason), Comment: deref(in.Comment),
		FulfilmentID: deref(in.FulfilmentID), StoreID: deref(in.StoreID)}
	if len(in.Items) > returns.MaxItems {
		return nil, returnError(&returns.InputError{Field: "items", Message: "give 1–50 items"})
	}
	for _, it := range in.Items {
		req.Items = append(req.Items, returns.RequestItem{OrderItemID: it.OrderItemID, Quantity: it.Quantity})
	}
	if c := in.CodRefundTo; c != nil {
		req.RefundTo = &returns.RefundToInput{AccountName: deref(c.AccountName), AccountNumber: deref(c.AccountNumber),
			IFSC: deref(c.Ifsc), UPIVPA: deref(c.UpiVpa)}
	}
	ret, err := r.App.RequestReturn(ctx, req)
	return toReturn(ret), returnError(err)
}

func (r *Resolver) markReturnReceived(ctx context.Context, in model.MarkReturnReceivedInput) (*model.Return, error) {
	if len(in.Items) > returns.MaxItems {
		return nil, returnError(&returns.InputError{Field: "items", Message: "name every item of the return exactly once"})
	}
	items := make([]app.Receipt, len(in.Items))
	for i, it := range in.Items {
		items[i] = app.Receipt{OrderItemID: it.OrderItemID, Resaleable: it.Resaleable}
	}
	ret, err := r.App.MarkReturnReceived(ctx, in.ReturnID, items)
	return toReturn(ret), returnError(err)
}

func (r *Resolver) myReturns(ctx context.Context, first *int, after *string, status *model.ReturnStatus) (*model.ReturnConnection, error) {
	p, err := returns.ParsePage(first, after)
	if err != nil {
		return nil, err
	}
	page, err := r.App.MyReturns(ctx, statusOf(status), p.First, p.After)
	if err != nil {
		return nil, returnError(err)
	}
	return toReturnConnection(page), nil
}

func (r *Resolver) storeReturns(ctx context.Context, storeID string, first *int, after *string, status *model.ReturnStatus) (*model.ReturnConnection, error) {
	p, err := returns.ParsePage(first, after)
	if err != nil {
		return nil, err
	}
	page, err := r.App.StoreReturns(ctx, storeID, statusOf(status), p.First, p.After)
	if err != nil || page == nil {
		return nil, returnError(err)
	}
	return toReturnConnection(*page), nil
}

func (r *Resolver) orderReturns(ctx context.Context, orderID string) ([]*model.Return, error) {
	l := For(ctx)
	rs, err := load(ctx, l, l.Returns.Of, orderID)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Return, len(rs))
	for i, ret := range rs {
		out[i] = toReturn(ret)
	}
	return out, nil
}

func (r *Resolver) returnOrder(ctx context.Context, obj *model.Return) (*model.Order, error) {
	o, err := For(ctx).Returns.Order.Load(ctx, obj.OrderID)()
	if err != nil {
		return nil, err
	}
	if o == nil {
		return nil, nil // not readable by this caller (a store's owner of a multi-store order)
	}
	m := toOrder(o)
	For(ctx).group([]*model.Order{m})
	return m, nil
}

func (r *Resolver) returnHistory(ctx context.Context, obj *model.Return) ([]*model.ReturnStatusChange, error) {
	changes, err := For(ctx).Returns.History.Load(ctx, obj.ID)()
	if err != nil {
		return nil, err
	}
	return toReturnHistory(changes), nil
}

func statusOf(s *model.ReturnStatus) returns.Status {
	if s == nil {
		return ""
	}
	return returns.Status(*s)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
