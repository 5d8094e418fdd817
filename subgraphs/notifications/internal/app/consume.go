package app

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/money"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// Event effects, each run inside the consumer's transaction (the dedupe
// mark and the effect commit together; notifications_once makes even a
// replay with a new consumer group harmless).

// UserRegistered records the new recipient and welcomes them (EMAIL + IN_APP).
func (a *App) UserRegistered(ctx context.Context, tx pgx.Tx, env kafka.Envelope, p notify.UserRegisteredEvent) error {
	r := notify.Recipient{ID: p.UserID, Kind: notify.Shopper, Name: p.Name, Email: strings.ToLower(p.Email)}
	if err := a.Store.UpsertRecipient(ctx, tx, r, false); err != nil {
		return err
	}
	stored, err := a.Store.Recipient(ctx, tx, p.UserID)
	if err != nil || stored == nil {
		return err
	}
	channels := []notify.Channel{notify.InApp}
	if stored.Email != "" {
		channels = append(channels, notify.Email)
	}
	_, err = a.Enqueue(ctx, tx, env.ID, notify.UserRegistered, *stored, channels,
		map[string]any{"Name": stored.Name, "Email": stored.Email})
	return err
}

// UserUpdated refreshes the recipient's name, email and phone.
func (a *App) UserUpdated(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p notify.UserUpdatedEvent) error {
	return a.Store.UpsertRecipient(ctx, tx, notify.Recipient{ID: p.UserID, Kind: notify.Shopper, Name: p.Name,
		Email: strings.ToLower(p.Email), Phone: p.Phone}, true)
}

// AdminCreated records an admin recipient (they receive stock.low).
func (a *App) AdminCreated(ctx context.Context, tx pgx.Tx, _ kafka.Envelope, p notify.AdminCreatedEvent) error {
	return a.Store.UpsertRecipient(ctx, tx, notify.Recipient{ID: p.AdminID, Kind: notify.Admin, Name: p.Name,
		Email: strings.ToLower(p.Email)}, false)
}

// OrderPlaced remembers the order (payment.refunded names only the order)
// and tells the buyer.
func (a *App) OrderPlaced(ctx context.Context, tx pgx.Tx, env kafka.Envelope, p notify.OrderPlacedEvent) error {
	ref := notify.OrderRef{OrderID: p.OrderID, UserID: p.UserID, OrderNumber: p.OrderNumber, TotalPaise: p.TotalPaise}
	if err := a.Store.SaveOrderRef(ctx, tx, ref); err != nil {
		return err
	}
	return a.toBuyer(ctx, tx, env.ID, notify.OrderPlaced, ref, nil)
}

// OrderStatusChanged tells the buyer when their order is paid, shipped,
// delivered or cancelled.
func (a *App) OrderStatusChanged(ctx context.Context, tx pgx.Tx, env kafka.Envelope, p notify.OrderStatusChangedEvent) error {
	e, ok := notify.OrderEvent(p.To)
	if !ok || e == notify.OrderShipped && len(p.StoreIDs) > 1 {
		// An order of several stores ships store by store: each shipment
		// is announced with its own items (FulfilmentChanged).
		return nil
	}
	ref := notify.OrderRef{OrderID: p.OrderID, UserID: p.UserID, OrderNumber: p.OrderNumber}
	if known, err := a.Store.OrderRef(ctx, tx, p.OrderID); err != nil {
		return err
	} else if known != nil {
		ref.TotalPaise = known.TotalPaise
	}
	return a.toBuyer(ctx, tx, env.ID, e, ref, nil)
}

// FulfilmentChanged tells the buyer that one store's part of a multi-store
// order shipped ("your <title> has shipped"); an order of one store is
// announced once, by its own SHIPPED.
func (a *App) FulfilmentChanged(ctx context.Context, tx pgx.Tx, env kafka.Envelope, p notify.FulfilmentChangedEvent) error {
	if p.To != "SHIPPED" || len(p.StoreIDs) <= 1 {
		return nil
	}
	ref := notify.OrderRef{OrderID: p.OrderID, UserID: p.UserID, OrderNumber: p.OrderNumber}
	if known, err := a.Store.OrderRef(ctx, tx, p.OrderID); err != nil {
		return err
	} else if known != nil {
		ref.TotalPaise = known.TotalPaise
	}
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	return a.toBuyer(ctx, tx, env.ID, notify.FulfilmentShipped, ref, map[string]any{"Title": p.ShipmentTitle(),
		"Carrier": deref(p.Carrier), "TrackingNumber": deref(p.TrackingNumber)})
}

// PaymentRefunded tells the buyer about a refund. The buyer comes from the
// order projection; a refund of an order placed before notifications kept
// orders is logged and skipped (it cannot be addressed).
func (a *App) PaymentRefunded(ctx context.Context, tx pgx.Tx, env kafka.Envelope, p notify.PaymentRefundedEvent) error {
	ref, err := a.Store.OrderRef(ctx, tx, p.OrderID)
	if err != nil {
		return err
	}
	if ref == nil {
		a.Log.WarnContext(ctx, "refund of an unknown order: no notification", "order_id", p.OrderID, "event_id", env.ID)
		return nil
	}
	return a.toBuyer(ctx, tx, env.ID, notify.PaymentRefunded, *ref,
		map[string]any{"Amount": money.Money{Paise: p.AmountPaise}.Formatted(), "Full": p.Full})
}

// StockLow tells every admin.
func (a *App) StockLow(ctx context.Context, tx pgx.Tx, env kafka.Envelope, p notify.StockLowEvent) error {
	admins, err := a.Store.Admins(ctx, tx)
	if err != nil {
		return err
	}
	for _, r := range admins {
		data := map[string]any{"Name": r.Name, "VariantID": p.VariantID, "OnHand": p.OnHand,
			"Available": p.Available, "Threshold": p.Threshold}
		if _, err := a.Enqueue(ctx, tx, env.ID, notify.StockLow, r, r.Channels(a.SMSEnabled), data); err != nil {
			return err
		}
	}
	return nil
}

// toBuyer enqueues event e about order ref for its buyer on their channels.
// A buyer notifications has not heard of yet still gets the in-app message.
func (a *App) toBuyer(ctx context.Context, tx pgx.Tx, eventID string, e notify.Event, ref notify.OrderRef, extra map[string]any) error {
	r, err := a.Store.Recipient(ctx, tx, ref.UserID)
	if err != nil {
		return err
	}
	if r == nil {
		r = &notify.Recipient{ID: ref.UserID, Kind: notify.Shopper, Language: notify.English}
	}
	data := map[string]any{"Name": r.Name, "OrderNumber": ref.OrderNumber, "OrderID": ref.OrderID,
		"Total": money.Money{Paise: ref.TotalPaise}.Formatted()}
	for k, v := range extra {
		data[k] = v
	}
	_, err = a.Enqueue(ctx, tx, eventID, e, *r, r.Channels(a.SMSEnabled), data)
	return err
}
