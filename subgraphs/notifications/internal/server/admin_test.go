package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/audit"
)

const updateTemplate = `mutation($in: UpdateNotificationTemplateInput!) {
	updateNotificationTemplate(input: $in) { event channel language subject body fields updatedAt } }`

const sendBulk = `mutation($in: SendBulkNotificationInput!) {
	sendBulkNotification(input: $in) { id title status channels recipientCount finishedAt } }`

func shippedTemplate(subject, body string) map[string]any {
	return map[string]any{"in": map[string]any{"event": "ORDER_SHIPPED", "channel": "EMAIL", "language": "EN",
		"subject": subject, "body": body}}
}

// Only admins with notifications:send read and change templates and send
// announcements; every change leaves exactly one admin.action.
func TestPermissions(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	ops := []struct {
		query string
		vars  map[string]any
	}{
		{`{ notificationTemplates { event } }`, nil},
		{`{ bulkNotificationJobs { id } }`, nil},
		{updateTemplate, shippedTemplate("Shipped {{.OrderNumber}}", "<p>{{.Name}}</p>")},
		{sendBulk, map[string]any{"in": map[string]any{"title": "Sale", "body": "Now", "channels": []string{"IN_APP"}}}},
	}
	for _, op := range ops {
		wantErr(t, e.do("", op.query, op.vars, nil), "UNAUTHENTICATED", "")
		wantErr(t, e.do(e.token(uuid.NewString(), "CUSTOMER"), op.query, op.vars, nil), "FORBIDDEN", "")
		wantErr(t, e.do(e.token("01937a00-0000-7000-8000-0000000000b2", "ADMIN", "catalog:write"), op.query, op.vars, nil), "FORBIDDEN", "")
	}
	assert.Equal(t, 0, e.outbox("admin.action"))
	assert.Equal(t, 0, e.count(`SELECT count(*) FROM bulk_jobs`))

	var list struct {
		NotificationTemplates []struct{ Event, Channel, Language string }
	}
	ok(t, e.do(e.admin(), ops[0].query, nil, &list))
	assert.Len(t, list.NotificationTemplates, 10*3*2, "every event, channel and language is seeded")

	ok(t, e.do(e.admin(), ops[2].query, ops[2].vars, nil))
	require.Equal(t, 1, e.outbox("admin.action"))
	var raw []byte
	require.NoError(t, e.d.DB.QueryRow(t.Context(), `SELECT envelope FROM outbox WHERE type = 'admin.action'`).Scan(&raw))
	var env struct{ Payload audit.Action }
	require.NoError(t, json.Unmarshal(raw, &env))
	a := env.Payload
	assert.Equal(t, "01937a00-0000-7000-8000-0000000000b4", a.AdminID)
	assert.Equal(t, "notifications:send", a.Permission)
	assert.Equal(t, "notification_template.update", a.Action)
	assert.Equal(t, "ORDER_SHIPPED/EMAIL/en", a.TargetID)
	assert.Contains(t, string(a.Before), "has shipped")
	assert.Contains(t, string(a.After), "Shipped {{.OrderNumber}}")

	ok(t, e.do(e.admin(), ops[3].query, ops[3].vars, nil))
	assert.Equal(t, 2, e.outbox("admin.action"))
}

// A template that does not parse or does not render with the sample data is
// refused with the template error, and nothing is saved or audited; a good
// one is used by the next message.
func TestUpdateTemplate_validation(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	bad := []struct{ subject, body, field, msg string }{
		{"Shipped {{.OrderNumber}", "<p>x</p>", "subject", "template: subject"},
		{"Shipped", "<p>{{.Nmae}}</p>", "body", "Nmae"},
		{"Shipped", "<p>{{if .Name}}</p>", "body", "unexpected EOF"},
		{"Shipped", "   ", "body", "required"},
		{"", "<p>x</p>", "subject", "required"},
		{strings.Repeat("x", 10_000), "<p>x</p>", "subject", "at most"},
		{"Shipped", strings.Repeat("x", 20_001), "body", "at most"},
	}
	for _, b := range bad {
		resp := e.do(e.admin(), updateTemplate, shippedTemplate(b.subject, b.body), nil)
		wantErr(t, resp, "BAD_USER_INPUT", b.field)
		assert.Contains(t, resp.Errors[0].Message, b.msg)
	}
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM templates WHERE event = 'ORDER_SHIPPED' AND channel = 'EMAIL'
		AND language = 'en' AND subject = 'Order {{.OrderNumber}} has shipped'`), "unchanged")
	assert.Equal(t, 0, e.outbox("admin.action"))

	var out struct {
		UpdateNotificationTemplate struct {
			Subject string
			Fields  []string
		}
	}
	ok(t, e.do(e.admin(), updateTemplate, shippedTemplate("📦 {{.OrderNumber}} is on its way", "<p>Dear {{.Name}}, {{.OrderNumber}} ships today.</p>"), &out))
	assert.Equal(t, []string{"Name", "OrderID", "OrderNumber", "Total"}, out.UpdateNotificationTemplate.Fields)

	user := e.register("<script>alert(1)</script>", "x@example.in")
	e.deliver(uuid.NewString(), "order.status_changed", map[string]any{"orderId": uuid.NewString(),
		"orderNumber": "PUR-1", "userId": user, "from": "PACKED", "to": "SHIPPED"})
	e.send()
	mails := e.sink.Messages("x@example.in")
	require.Len(t, mails, 2)
	assert.Equal(t, "📦 PUR-1 is on its way", mails[1].Subject)
	assert.Contains(t, mails[1].HTML, "Dear &lt;script&gt;", "user data is escaped in HTML email")
}

// A bulk announcement covers every shopper exactly once on the chosen
// channels, in batches whose cursor survives a restart of the worker.
func TestBulk_resumesAfterRestart(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	var users []string
	for i := range 5 {
		users = append(users, e.register("User", "user"+string(rune('a'+i))+"@example.in"))
	}
	e.deliver(uuid.NewString(), "admin.created", map[string]any{"adminId": uuid.NewString(), "name": "Priya", "email": "priya@purra.in"})
	e.send()
	e.sink.Reset()

	var out struct {
		SendBulkNotification struct {
			ID, Status string
			Channels   []string
		}
	}
	ok(t, e.do(e.admin(), sendBulk, map[string]any{"in": map[string]any{"title": "  Great Indian Electronics Sale ",
		"body": "Up to 40% off <today>", "channels": []string{"IN_APP", "EMAIL", "IN_APP"}}}, &out))
	job := out.SendBulkNotification
	assert.Equal(t, "RUNNING", job.Status)
	assert.Equal(t, []string{"IN_APP", "EMAIL"}, job.Channels)

	first := *e.w.Fanout
	first.Batch = 2
	worked, err := first.Step(t.Context())
	require.NoError(t, err)
	require.True(t, worked)
	assert.Equal(t, 2, e.count(`SELECT recipient_count FROM bulk_jobs WHERE id = $1`, job.ID))
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM bulk_jobs WHERE id = $1 AND cursor::text = $2`, job.ID, users[1]))

	// "Restart": a new worker knows only what the job row says.
	restarted := *e.w.Fanout
	restarted.Batch = 2
	for range 10 {
		worked, err := restarted.Step(t.Context())
		require.NoError(t, err)
		if !worked {
			break
		}
	}
	var jobs struct {
		BulkNotificationJobs []struct {
			Status         string
			RecipientCount int
			FinishedAt     *string
		}
	}
	ok(t, e.do(e.admin(), `{ bulkNotificationJobs(first: 5) { status recipientCount finishedAt } }`, nil, &jobs))
	require.Len(t, jobs.BulkNotificationJobs, 1)
	assert.Equal(t, "DONE", jobs.BulkNotificationJobs[0].Status)
	assert.Equal(t, 5, jobs.BulkNotificationJobs[0].RecipientCount)
	assert.NotNil(t, jobs.BulkNotificationJobs[0].FinishedAt)

	for _, u := range users {
		assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE event_id = $1 AND user_id = $2 AND channel = 'IN_APP'`, job.ID, u))
		assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE event_id = $1 AND user_id = $2 AND channel = 'EMAIL'`, job.ID, u))
	}
	assert.Equal(t, 10, e.count(`SELECT count(*) FROM notifications WHERE event_id = $1`, job.ID), "no admin, nobody twice")
	e.send()
	mails := e.sink.Messages("")
	require.Len(t, mails, 5)
	assert.Equal(t, "Great Indian Electronics Sale", mails[0].Subject)
	assert.Contains(t, mails[0].HTML, "Up to 40% off &lt;today&gt;")

	var mine struct {
		MyNotifications struct {
			Edges []struct{ Node struct{ Title, Body string } }
		}
	}
	ok(t, e.do(e.token(users[3], "CUSTOMER"), `{ myNotifications(first: 1) { edges { node { title body } } } }`, nil, &mine))
	require.Len(t, mine.MyNotifications.Edges, 1)
	assert.Equal(t, "Up to 40% off <today>", mine.MyNotifications.Edges[0].Node.Body)
}

// Bad announcements are refused with the field at fault; nothing is written.
func TestBulk_badInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	cases := []struct {
		in    map[string]any
		field string
	}{
		{map[string]any{"title": " ", "body": "b", "channels": []string{"IN_APP"}}, "title"},
		{map[string]any{"title": strings.Repeat("t", 151), "body": "b", "channels": []string{"IN_APP"}}, "title"},
		{map[string]any{"title": "t", "body": strings.Repeat("b", 10_000), "channels": []string{"IN_APP"}}, "body"},
		{map[string]any{"title": "t", "body": "b", "channels": []string{}}, "channels"},
		{map[string]any{"title": "t", "body": "b", "channels": []string{"SMS"}}, "channels"},
	}
	for _, c := range cases {
		wantErr(t, e.do(e.admin(), sendBulk, map[string]any{"in": c.in}, nil), "BAD_USER_INPUT", c.field)
	}
	wantErr(t, e.do(e.admin(), sendBulk, map[string]any{"in": map[string]any{"title": "t", "body": "b", "channels": []string{"FAX"}}}, nil),
		"GRAPHQL_VALIDATION_FAILED", "")
	wantErr(t, e.do(e.admin(), `{ bulkNotificationJobs(first: 0) { id } }`, nil, nil), "BAD_USER_INPUT", "first")
	assert.Equal(t, 0, e.count(`SELECT count(*) FROM bulk_jobs`))
	assert.Equal(t, 0, e.outbox("admin.action"))
}
