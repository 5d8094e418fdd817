package service

import (
	"errors"
	"fmt"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/subgraph"
)

var errMissingServiceKeys = errors.New("SERVICE_TOKEN_KEY and SERVICE_JWKS are required: the service credential " +
	"other subgraphs and the router verify (`make run` and the tests provision them; see docs/security.md)")

// serviceAuth reads the service's own key and every service's public keys.
// Both absent is allowed here (seeding needs neither); Run refuses to serve
// without them, so there is no unauthenticated way to run a subgraph.
func serviceAuth(name string, cfg config.Base) (*auth.ServiceSigner, *auth.ServiceVerifier, error) {
	if cfg.ServiceTokenKey == "" && cfg.ServiceJWKS == "" {
		return nil, nil, nil
	}
	if cfg.ServiceTokenKey == "" || cfg.ServiceJWKS == "" {
		return nil, nil, errMissingServiceKeys
	}
	signer, err := auth.NewServiceSigner(name, []byte(cfg.ServiceTokenKey))
	if err != nil {
		return nil, nil, fmt.Errorf("SERVICE_TOKEN_KEY: %w", err)
	}
	verifier, err := auth.NewServiceVerifier(name, []byte(cfg.ServiceJWKS))
	if err != nil {
		return nil, nil, fmt.Errorf("SERVICE_JWKS: %w", err)
	}
	return signer, verifier, nil
}

// Subgraph returns a client for calling the subgraph name (at
// <NAME>_SUBGRAPH_URL) with this service's credential.
func (d *Deps) Subgraph(name string) *subgraph.Client {
	return subgraph.New(name, config.SubgraphURL(d.Getenv, name), d.ServiceSigner)
}
