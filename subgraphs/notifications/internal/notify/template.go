package notify

import (
	"bytes"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"time"
	"unicode/utf8"

	"github.com/purra/supergraph/platform/errs"
)

// Template limits: long enough for a designed HTML email, short enough that
// a pasted novel is refused.
const (
	MaxSubject = 300
	MaxBody    = 20000
)

// Template is the text of one event's message on one channel in one language.
// Subjects are text/template (they are headers or titles); bodies are
// html/template for EMAIL (escaping user data such as names) and text/template
// for SMS and IN_APP.
type Template struct {
	Event     Event
	Channel   Channel
	Language  Language
	Subject   string
	Body      string
	UpdatedAt time.Time
}

// Key identifies a template.
type Key struct {
	Event    Event
	Channel  Channel
	Language Language
}

// Key returns t's key.
func (t Template) Key() Key { return Key{t.Event, t.Channel, t.Language} }

// Validate checks t's identity and sizes, then parses and renders it with the
// event's sample data: a template that refers to an unknown field or does not
// parse is refused with the template error, so nothing broken is ever saved.
func (t *Template) Validate() error {
	if !t.Event.Valid() {
		return errs.BadInput("event", "unknown event")
	}
	if !t.Channel.Valid() {
		return errs.BadInput("channel", "unknown channel")
	}
	if !t.Language.Valid() {
		return errs.BadInput("language", "unsupported language")
	}
	if t.Channel == SMS {
		t.Subject = "" // a text message has no subject
	}
	t.Subject = strings.TrimSpace(t.Subject)
	switch {
	case !utf8.ValidString(t.Subject) || !utf8.ValidString(t.Body):
		return errs.BadInput("body", "must be valid UTF-8")
	case utf8.RuneCountInString(t.Subject) > MaxSubject:
		return errs.BadInput("subject", "at most %d characters", MaxSubject)
	case t.Channel != SMS && t.Subject == "":
		return errs.BadInput("subject", "required for %s", t.Channel)
	case strings.TrimSpace(t.Body) == "":
		return errs.BadInput("body", "required")
	case utf8.RuneCountInString(t.Body) > MaxBody:
		return errs.BadInput("body", "at most %d characters", MaxBody)
	}
	if _, err := renderSubject(t.Subject, t.Event.Sample()); err != nil {
		return errs.BadInput("subject", "%s", err.Error())
	}
	if _, err := renderBody(t.Channel, t.Body, t.Event.Sample()); err != nil {
		return errs.BadInput("body", "%s", err.Error())
	}
	return nil
}

// Render returns t's subject and body for data.
func (t Template) Render(data map[string]any) (subject, body string, err error) {
	if subject, err = renderSubject(t.Subject, data); err != nil {
		return "", "", err
	}
	if body, err = renderBody(t.Channel, t.Body, data); err != nil {
		return "", "", err
	}
	return subject, body, nil
}

func renderSubject(src string, data map[string]any) (string, error) {
	tpl, err := texttemplate.New("subject").Option("missingkey=error").Parse(src)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if err := tpl.Execute(&b, data); err != nil {
		return "", err
	}
	// A subject is one line: a newline in a name must not start a header.
	return strings.Join(strings.Fields(b.String()), " "), nil
}

func renderBody(ch Channel, src string, data map[string]any) (string, error) {
	var b bytes.Buffer
	if ch == Email {
		tpl, err := htmltemplate.New("body").Option("missingkey=error").Parse(src)
		if err != nil {
			return "", err
		}
		if err := tpl.Execute(&b, data); err != nil {
			return "", err
		}
		return b.String(), nil
	}
	tpl, err := texttemplate.New("body").Option("missingkey=error").Parse(src)
	if err != nil {
		return "", err
	}
	if err := tpl.Execute(&b, data); err != nil {
		return "", err
	}
	return strings.TrimSpace(b.String()), nil
}
