package graph

import (
	"github.com/purra/supergraph/subgraphs/inventory/internal/app"
	"github.com/purra/supergraph/subgraphs/inventory/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
)

func toLevel(l stock.Level) *model.StockLevel {
	return &model.StockLevel{
		VariantID: l.VariantID, OnHand: l.OnHand, Reserved: l.Reserved,
		Available: l.Available(), LowThreshold: l.LowThreshold,
	}
}

func toVariant(l stock.Level) *model.ProductVariant {
	return &model.ProductVariant{ID: l.VariantID, StoreID: l.StoreID, Available: l.Available()}
}

func toReservation(r stock.Reservation) *model.StockReservation {
	out := &model.StockReservation{
		OrderID: r.OrderID, Status: model.StockReservationStatus(r.Status), ExpiresAt: r.ExpiresAt,
		Lines: make([]*model.StockReservationLine, len(r.Lines)),
	}
	for i, l := range r.Lines {
		out.Lines[i] = &model.StockReservationLine{VariantID: l.VariantID, Quantity: l.Quantity}
	}
	return out
}

func fromReserveInput(in model.ReserveStockInput) app.ReserveInput {
	out := app.ReserveInput{OrderID: in.OrderID, TTLSeconds: in.TTLSeconds, Lines: make([]stock.Line, 0, len(in.Lines))}
	for _, l := range in.Lines {
		if l != nil {
			out.Lines = append(out.Lines, stock.Line{VariantID: l.VariantID, Quantity: l.Quantity})
		}
	}
	return out
}

func entityIDs(reps []*model.ProductVariantByIDsInput) []string {
	ids := make([]string, 0, len(reps))
	for _, rep := range reps {
		if rep != nil {
			ids = append(ids, rep.ID)
		}
	}
	return ids
}
