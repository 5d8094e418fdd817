package graph

import (
	"strings"

	"github.com/purra/supergraph/subgraphs/notifications/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

func toNotification(n notify.Notification) *model.Notification {
	status := model.NotificationStatus(n.Status)
	if n.Status == notify.Sending {
		status = model.NotificationStatusQueued // being sent is still queued to the outside
	}
	return &model.Notification{
		ID: n.ID, Channel: model.NotificationChannel(n.Channel), Event: model.NotificationEvent(n.Event),
		Title: n.Title, Body: n.Body, Status: status, ReadAt: n.ReadAt, CreatedAt: n.CreatedAt, SentAt: n.SentAt,
	}
}

func toConnection(ns []notify.Notification, hasNext bool) *model.NotificationConnection {
	c := &model.NotificationConnection{Edges: make([]*model.NotificationEdge, len(ns)), PageInfo: &model.PageInfo{HasNextPage: hasNext}}
	for i, n := range ns {
		c.Edges[i] = &model.NotificationEdge{Cursor: notify.Cursor(n.ID), Node: toNotification(n)}
	}
	if len(ns) > 0 {
		end := c.Edges[len(ns)-1].Cursor
		c.PageInfo.EndCursor = &end
	}
	return c
}

func toTemplate(t notify.Template) *model.NotificationTemplate {
	return &model.NotificationTemplate{
		Event: model.NotificationEvent(t.Event), Channel: model.NotificationChannel(t.Channel),
		Language: toLanguage(t.Language), Subject: t.Subject, Body: t.Body, Fields: t.Event.Fields(), UpdatedAt: t.UpdatedAt,
	}
}

func toLanguage(l notify.Language) model.NotificationLanguage {
	return model.NotificationLanguage(strings.ToUpper(string(l)))
}

func fromLanguage(l model.NotificationLanguage) notify.Language {
	return notify.Language(strings.ToLower(string(l)))
}

func fromChannels(cs []model.NotificationChannel) []notify.Channel {
	out := make([]notify.Channel, len(cs))
	for i, c := range cs {
		out[i] = notify.Channel(c)
	}
	return out
}

func toJob(j notify.Job) *model.BulkNotificationJob {
	channels := make([]model.NotificationChannel, len(j.Channels))
	for i, c := range j.Channels {
		channels[i] = model.NotificationChannel(c)
	}
	return &model.BulkNotificationJob{
		ID: j.ID, Title: j.Title, Body: j.Body, Channels: channels, Status: model.BulkJobStatus(j.Status),
		RecipientCount: j.RecipientCount, CreatedAt: j.CreatedAt, FinishedAt: j.FinishedAt,
	}
}
