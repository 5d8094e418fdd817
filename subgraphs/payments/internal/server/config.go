package server

import (
	"fmt"
	"net"
	"time"

	"github.com/purra/supergraph/platform/config"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/razorpay"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/sandbox"
)

// Config is the payments-specific configuration (the platform reads the rest).
type Config struct {
	// Provider processes UPI, card and net-banking payments: SANDBOX (default) or RAZORPAY.
	Provider string `env:"PAYMENT_PROVIDER" envDefault:"SANDBOX"`

	// SandboxWebhookURL is where the sandbox calls back; default this
	// subgraph's own /webhooks/sandbox on HTTP_ADDR.
	SandboxWebhookURL    string        `env:"SANDBOX_WEBHOOK_URL"`
	SandboxWebhookSecret string        `env:"SANDBOX_WEBHOOK_SECRET" envDefault:"purra-sandbox-webhook-secret-dev"`
	SandboxDelay         time.Duration `env:"SANDBOX_DELAY" envDefault:"20ms"`
	SandboxSlowDelay     time.Duration `env:"SANDBOX_SLOW_DELAY" envDefault:"2s"`

	// Reconciliation: how often payments compares unsettled payments with
	// their provider, and how old a payment must be to be compared.
	ReconcileInterval time.Duration `env:"RECONCILE_INTERVAL" envDefault:"30s"`
	ReconcileAfter    time.Duration `env:"RECONCILE_AFTER" envDefault:"1m"`
	// Test-only fault hook (off by default): the call worker pauses this long
	// between creating a provider order and recording it, so that the fault
	// suite can kill payments exactly there.
	FaultPauseAfterProviderOrder time.Duration `env:"PAYMENTS_FAULT_PAUSE_AFTER_PROVIDER_ORDER"`

	// Razorpay credentials (dashboard → API keys, webhooks). Required when
	// Provider is RAZORPAY; when set with SANDBOX, /webhooks/razorpay is served too.
	RazorpayBaseURL       string `env:"RAZORPAY_BASE_URL" envDefault:"https://api.razorpay.com"`
	RazorpayKeyID         string `env:"RAZORPAY_KEY_ID"`
	RazorpayKeySecret     string `env:"RAZORPAY_KEY_SECRET"`
	RazorpayWebhookSecret string `env:"RAZORPAY_WEBHOOK_SECRET"`
}

// loadConfig reads and validates Config; httpAddr is the subgraph's listen address.
func loadConfig(getenv func(string) string, httpAddr string) (Config, error) {
	var c Config
	if err := config.Load(&c, getenv); err != nil {
		return c, err
	}
	switch payment.Provider(c.Provider) {
	case payment.ProviderSandbox:
	case payment.ProviderRazorpay:
		if !c.razorpayConfigured() {
			return c, fmt.Errorf("config: PAYMENT_PROVIDER=RAZORPAY needs RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET")
		}
	default:
		return c, fmt.Errorf("config: PAYMENT_PROVIDER %q: want SANDBOX or RAZORPAY", c.Provider)
	}
	if c.ReconcileInterval < 10*time.Millisecond || c.ReconcileAfter < time.Second {
		return c, fmt.Errorf("config: RECONCILE_INTERVAL must be ≥ 10ms and RECONCILE_AFTER ≥ 1s")
	}
	if c.SandboxWebhookURL == "" {
		c.SandboxWebhookURL = selfURL(httpAddr) + "/webhooks/sandbox"
	}
	return c, nil
}

func (c Config) razorpayConfigured() bool {
	return c.RazorpayKeyID != "" && c.RazorpayKeySecret != "" && c.RazorpayWebhookSecret != ""
}

func (c Config) razorpay() razorpay.Config {
	return razorpay.Config{BaseURL: c.RazorpayBaseURL, KeyID: c.RazorpayKeyID, KeySecret: c.RazorpayKeySecret, WebhookSecret: c.RazorpayWebhookSecret}
}

func (c Config) sandbox() sandbox.Config {
	return sandbox.Config{WebhookURL: c.SandboxWebhookURL, WebhookSecret: c.SandboxWebhookSecret, Delay: c.SandboxDelay, SlowDelay: c.SandboxSlowDelay}
}

// selfURL turns a listen address (":3005", "0.0.0.0:3005") into a URL this
// process can call itself on.
func selfURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://127.0.0.1:3005"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port)
}
