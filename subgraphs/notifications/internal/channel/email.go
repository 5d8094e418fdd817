package channel

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"strings"
	"time"

	"github.com/wneessen/go-mail"
)

// SMTP sends email through an SMTP server (the local smtpsink in
// development). Without credentials it does not authenticate; no TLS to
// localhost, STARTTLS when the server offers it otherwise.
type SMTP struct {
	Host     string
	Port     int
	From     string // "Purra <no-reply@purra.in>"
	Username string
	Password string
	Timeout  time.Duration
}

// Send delivers m in one SMTP session: an HTML body with a plain-text
// alternative, UTF-8 (go-mail encodes the subject and body as needed).
func (s SMTP) Send(ctx context.Context, m Message) error {
	msg := mail.NewMsg()
	if err := msg.From(s.From); err != nil {
		return fmt.Errorf("from address: %w", err)
	}
	if err := msg.AddToFormat(m.Name, m.To); err != nil {
		return fmt.Errorf("to address: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetDate()
	msg.SetMessageID()
	msg.SetBodyString(mail.TypeTextPlain, PlainText(m.Body))
	msg.AddAlternativeString(mail.TypeTextHTML, m.Body)

	opts := []mail.Option{mail.WithPort(s.Port), mail.WithTLSPolicy(s.tlsPolicy()), mail.WithTimeout(s.timeout())}
	if s.Username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthPlain), mail.WithUsername(s.Username), mail.WithPassword(s.Password))
	}
	c, err := mail.NewClient(s.Host, opts...)
	if err != nil {
		return fmt.Errorf("smtp client: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	return nil
}

// tlsPolicy: no TLS to a local server (the sink), STARTTLS when offered elsewhere.
func (s SMTP) tlsPolicy() mail.TLSPolicy {
	switch s.Host {
	case "localhost", "127.0.0.1", "::1":
		return mail.NoTLS
	}
	return mail.TLSOpportunistic
}

func (s SMTP) timeout() time.Duration {
	if s.Timeout == 0 {
		return 10 * time.Second
	}
	return s.Timeout
}

var (
	blockEnd = regexp.MustCompile(`(?i)</(p|h[1-6]|div|li|tr)>|<br\s*/?>`)
	tag      = regexp.MustCompile(`<[^>]*>`)
	blank    = regexp.MustCompile(`\n{3,}`)
)

// PlainText is a readable text version of an HTML email body, for mail
// clients that do not show HTML.
func PlainText(h string) string {
	s := blockEnd.ReplaceAllString(h, "\n")
	s = tag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	return strings.TrimSpace(blank.ReplaceAllString(s, "\n\n"))
}
