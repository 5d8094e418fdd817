package notify_test

import (
	"github.com/purra/supergraph/platform/page"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// Every built-in template (each event, channel, language) passes the same
// validation an admin's edit does.
func TestDefaults_allValid(t *testing.T) {
	ds := notify.Defaults()
	require.Len(t, ds, len(notify.Events)*3*2)
	for _, d := range ds {
		require.NoError(t, d.Validate(), "%s/%s/%s", d.Event, d.Channel, d.Language)
	}
}

func TestTemplate_Validate(t *testing.T) {
	base := notify.Template{Event: notify.OrderShipped, Channel: notify.Email, Language: notify.English,
		Subject: "Order {{.OrderNumber}}", Body: "<p>{{.Name}}</p>"}
	cases := []struct {
		name  string
		edit  func(*notify.Template)
		field string
	}{
		{"unknown event", func(t *notify.Template) { t.Event = "NOPE" }, "event"},
		{"unknown channel", func(t *notify.Template) { t.Channel = "FAX" }, "channel"},
		{"unknown language", func(t *notify.Template) { t.Language = "fr" }, "language"},
		{"field of another event", func(t *notify.Template) { t.Body = "{{.VariantID}}" }, "body"},
		{"parse error", func(t *notify.Template) { t.Subject = "{{.Name" }, "subject"},
		{"render error", func(t *notify.Template) { t.Body = "{{index .Name 99}}" }, "body"},
		{"empty subject", func(t *notify.Template) { t.Subject = " " }, "subject"},
		{"long subject", func(t *notify.Template) { t.Subject = strings.Repeat("ह", notify.MaxSubject+1) }, "subject"},
		{"invalid utf-8", func(t *notify.Template) { t.Body = "\xff" }, "body"},
	}
	for _, c := range cases {
		tpl := base
		c.edit(&tpl)
		err := tpl.Validate()
		var e *errs.Error
		require.ErrorAs(t, err, &e, c.name)
		assert.Equal(t, errs.BadUserInput, e.Code, c.name)
		assert.Equal(t, c.field, e.Field, c.name)
	}
	ok := base
	require.NoError(t, ok.Validate())

	sms := base
	sms.Channel, sms.Subject = notify.SMS, "{{broken"
	require.NoError(t, sms.Validate(), "SMS has no subject: it is dropped, not parsed")
	assert.Empty(t, sms.Subject)
}

func TestTemplate_Render(t *testing.T) {
	email := notify.Template{Event: notify.UserRegistered, Channel: notify.Email, Subject: "Hi {{.Name}}", Body: "<p>{{.Name}}</p>"}
	subject, body, err := email.Render(map[string]any{"Name": "A&B\r\nBcc: x@y"})
	require.NoError(t, err)
	assert.Equal(t, "Hi A&B Bcc: x@y", subject, "one line, not HTML-escaped")
	assert.Equal(t, "<p>A&amp;B\r\nBcc: x@y</p>", body, "HTML-escaped")

	inApp := email
	inApp.Channel = notify.InApp
	_, body, err = inApp.Render(map[string]any{"Name": "A&B"})
	require.NoError(t, err)
	assert.Equal(t, "<p>A&B</p>", body, "text templates do not escape")

	_, _, err = email.Render(map[string]any{})
	require.Error(t, err, "a missing field is an error, not <no value>")
}

func TestNewJob(t *testing.T) {
	j, err := notify.NewJob(" Sale ", " Body ", []notify.Channel{notify.Email, notify.InApp, notify.Email}, false)
	require.NoError(t, err)
	assert.Equal(t, "Sale", j.Title)
	assert.Equal(t, []notify.Channel{notify.Email, notify.InApp}, j.Channels)
	_, err = notify.NewJob("t", "b", []notify.Channel{notify.SMS}, true)
	require.NoError(t, err)
	_, err = notify.NewJob("t", "b", []notify.Channel{notify.SMS}, false)
	require.Error(t, err)
}

func TestParsePage(t *testing.T) {
	id := "01937a00-0000-7000-8000-0000000000b1"
	c := notify.Cursor(id)
	p, err := notify.ParsePage(nil, &c, nil)
	require.NoError(t, err)
	assert.Equal(t, notify.Page{Request: page.Request{First: 20, After: id}}, p)
	for _, bad := range []string{"x", strings.Repeat("a", 65), notify.Cursor("not-a-uuid")} {
		_, err := notify.ParsePage(nil, &bad, nil)
		require.Error(t, err, bad)
	}
}

func TestRecipientChannels(t *testing.T) {
	r := notify.Recipient{Email: "a@b.in", Phone: "+919876543210"}
	assert.Equal(t, []notify.Channel{notify.InApp, notify.Email}, r.Channels(false))
	assert.Equal(t, []notify.Channel{notify.InApp, notify.Email, notify.SMS}, r.Channels(true))
	assert.Equal(t, []notify.Channel{notify.InApp}, notify.Recipient{}.Channels(true))
}
