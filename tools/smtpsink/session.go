package smtpsink

import (
	"fmt"
	"io"
	"time"

	"github.com/emersion/go-smtp"
)

// session collects one SMTP transaction: the envelope, then the data.
type session struct {
	sink *Sink
	from string
	to   []string
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := Parse(raw)
	if err != nil {
		// Refuse what we cannot read, so the sender sees the problem.
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: fmt.Sprintf("unreadable message: %v", err)}
	}
	if m.From == "" {
		m.From = s.from
	}
	m.To = append([]string(nil), s.to...)
	m.ReceivedAt = time.Now().UTC()
	s.sink.add(m)
	return nil
}

func (s *session) Reset() {
	s.from = ""
	s.to = nil
}

func (s *session) Logout() error { return nil }
