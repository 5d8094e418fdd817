package server

import (
	"fmt"
	"time"

	"github.com/purra/supergraph/platform/config"
)

// Config is the notifications-specific configuration (the platform reads the rest).
type Config struct {
	// SMTP server for EMAIL; the default is the local sink (tools/smtpsink).
	SMTPHost     string `env:"SMTP_HOST" envDefault:"127.0.0.1"`
	SMTPPort     int    `env:"SMTP_PORT" envDefault:"1025"`
	SMTPFrom     string `env:"SMTP_FROM" envDefault:"Purra <no-reply@purra.in>"`
	SMTPUsername string `env:"SMTP_USERNAME"`
	SMTPPassword string `env:"SMTP_PASSWORD"`

	// SMS through a Twilio-style API; disabled unless all four are set.
	SMSBaseURL    string `env:"SMS_BASE_URL"`
	SMSAccountSID string `env:"SMS_ACCOUNT_SID"`
	SMSAuthToken  string `env:"SMS_AUTH_TOKEN"`
	SMSFrom       string `env:"SMS_FROM"`

	// Delivery: attempts before FAILED, first retry delay (doubled each
	// time), how often the workers look for work.
	MaxAttempts  int           `env:"NOTIFY_MAX_ATTEMPTS" envDefault:"6"`
	RetryBackoff time.Duration `env:"NOTIFY_RETRY_BACKOFF" envDefault:"30s"`
	Poll         time.Duration `env:"NOTIFY_POLL" envDefault:"1s"`
}

// SMSEnabled reports whether SMS is configured.
func (c Config) SMSEnabled() bool {
	return c.SMSBaseURL != "" && c.SMSAccountSID != "" && c.SMSAuthToken != "" && c.SMSFrom != ""
}

func loadConfig(getenv func(string) string) (Config, error) {
	var c Config
	if err := config.Load(&c, getenv); err != nil {
		return c, err
	}
	if c.MaxAttempts < 1 || c.RetryBackoff <= 0 || c.Poll <= 0 {
		return c, fmt.Errorf("config: NOTIFY_MAX_ATTEMPTS, NOTIFY_RETRY_BACKOFF and NOTIFY_POLL must be positive")
	}
	if c.SMTPPort < 1 || c.SMTPPort > 65535 {
		return c, fmt.Errorf("config: SMTP_PORT %d", c.SMTPPort)
	}
	return c, nil
}
