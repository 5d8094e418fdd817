// Package events registers the notifications consumers: the recipient
// projection (users, admin) and the events that become messages (orders,
// payments, inventory). Each effect runs in the consumer's transaction.
package events

import (
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/subgraphs/notifications/internal/app"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// Register adds every consumer of a to c.
func Register(c *kafka.Consumer, a *app.App) {
	kafka.Handle[notify.UserRegisteredEvent](c, kafka.Topic("users"), "user.registered", a.UserRegistered)
	kafka.Handle[notify.UserUpdatedEvent](c, kafka.Topic("users"), "user.updated", a.UserUpdated)
	kafka.Handle[notify.AdminCreatedEvent](c, kafka.Topic("admin"), "admin.created", a.AdminCreated)
	kafka.Handle[notify.OrderPlacedEvent](c, kafka.Topic("orders"), "order.placed", a.OrderPlaced)
	kafka.Handle[notify.OrderStatusChangedEvent](c, kafka.Topic("orders"), "order.status_changed", a.OrderStatusChanged)
	kafka.Handle[notify.FulfilmentChangedEvent](c, kafka.Topic("orders"), "order.fulfilment_changed", a.FulfilmentChanged)
	kafka.Handle[notify.PaymentRefundedEvent](c, kafka.Topic("payments"), "payment.refunded", a.PaymentRefunded)
	kafka.Handle[notify.StockLowEvent](c, kafka.Topic("inventory"), "stock.low", a.StockLow)
}
