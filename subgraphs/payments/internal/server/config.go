package server

import (
	"fmt"
	"net"
	"time"

	"github.com/purra/supergraph/platform/config"

	"github.com/purra/supergraph/subgraphs/payments/internal/app"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/razorpay"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/sandbox"
	"github.com/purra/supergraph/subgraphs/payments/internal/settlement"
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

	// Settlement ledger (docs/settlements.md): percentages with at most two
	// decimals. The commission of a line whose categories have no rate; GST
	// on the commission; TCS (section 52 CGST) on the net taxable value; the
	// gateway's fee on prepaid sales and on cash on delivery.
	DefaultCommissionPercent float64 `env:"SETTLEMENT_DEFAULT_COMMISSION_PERCENT" envDefault:"10"`
	CommissionGSTPercent     float64 `env:"SETTLEMENT_COMMISSION_GST_PERCENT" envDefault:"18"`
	TCSPercent               float64 `env:"SETTLEMENT_TCS_PERCENT" envDefault:"0.5"`
	PrepaidFeePercent        float64 `env:"SETTLEMENT_PREPAID_FEE_PERCENT" envDefault:"2"`
	CODFeePercent            float64 `env:"SETTLEMENT_COD_FEE_PERCENT" envDefault:"0"`
	// The settlement job: a run every SETTLEMENT_INTERVAL (weekly), checked
	// every SETTLEMENT_POLL (which also resumes an interrupted run).
	SettlementInterval time.Duration `env:"SETTLEMENT_INTERVAL" envDefault:"168h"`
	SettlementPoll     time.Duration `env:"SETTLEMENT_POLL" envDefault:"1m"`
	// Test-only fault hook (off by default): a run pauses this long after
	// each store's payout, so that a test can kill it half-way.
	FaultSettlementPause time.Duration `env:"PAYMENTS_FAULT_SETTLEMENT_PAUSE"`

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
	if _, err := c.settlement(); err != nil {
		return c, err
	}
	if c.SettlementInterval < time.Second || c.SettlementPoll < 10*time.Millisecond {
		return c, fmt.Errorf("config: SETTLEMENT_INTERVAL must be ≥ 1s and SETTLEMENT_POLL ≥ 10ms")
	}
	if c.SandboxWebhookURL == "" {
		c.SandboxWebhookURL = selfURL(httpAddr) + "/webhooks/sandbox"
	}
	return c, nil
}

// settlement is the ledger's policy and the job's schedule.
func (c Config) settlement() (app.SettlementOptions, error) {
	o := app.SettlementOptions{Every: c.SettlementInterval, Poll: c.SettlementPoll, FaultPausePerStore: c.FaultSettlementPause}
	for name, in := range map[string]struct {
		p   float64
		out *settlement.Rate
	}{
		"SETTLEMENT_DEFAULT_COMMISSION_PERCENT": {c.DefaultCommissionPercent, &o.Policy.DefaultCommission},
		"SETTLEMENT_COMMISSION_GST_PERCENT":     {c.CommissionGSTPercent, &o.Policy.CommissionGST},
		"SETTLEMENT_TCS_PERCENT":                {c.TCSPercent, &o.Policy.TCS},
		"SETTLEMENT_PREPAID_FEE_PERCENT":        {c.PrepaidFeePercent, &o.Policy.PrepaidFee},
		"SETTLEMENT_COD_FEE_PERCENT":            {c.CODFeePercent, &o.Policy.CODFee},
	} {
		r, err := settlement.ParsePercent(in.p)
		if err != nil {
			return o, fmt.Errorf("config: %s: %w", name, err)
		}
		*in.out = r
	}
	return o, nil
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
