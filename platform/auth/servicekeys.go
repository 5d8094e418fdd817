package auth

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
)

// ServiceKeys is a set of service key pairs: each service's private key
// (PKCS#8 PEM, for its SERVICE_TOKEN_KEY) and the JWKS of all their public
// keys (SERVICE_JWKS, the same for every service). tools/stack makes a fresh
// set for every `make run` and end-to-end run, servicetest one per test
// binary; in a deployment each key is a secret of its own (see docs/security.md).
type ServiceKeys struct {
	Private map[string][]byte
	JWKS    []byte
}

// GenerateServiceKeys makes a new Ed25519 key for each service.
func GenerateServiceKeys(services []string) (*ServiceKeys, error) {
	ks := &ServiceKeys{Private: make(map[string][]byte, len(services))}
	type jwk struct {
		Kty string `json:"kty"`
		Crv string `json:"crv"`
		X   string `json:"x"`
		Kid string `json:"kid"`
		Use string `json:"use"`
		Alg string `json:"alg"`
	}
	var set struct {
		Keys []jwk `json:"keys"`
	}
	for _, name := range services {
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, fmt.Errorf("generate service key: %w", err)
		}
		der, err := x509.MarshalPKCS8PrivateKey(priv)
		if err != nil {
			return nil, fmt.Errorf("encode service key: %w", err)
		}
		ks.Private[name] = pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
		set.Keys = append(set.Keys, jwk{
			Kty: "OKP", Crv: "Ed25519", X: base64.RawURLEncoding.EncodeToString(pub),
			Kid: ServiceKID(name, pub), Use: "sig", Alg: "EdDSA",
		})
	}
	raw, err := json.Marshal(set)
	if err != nil {
		return nil, err
	}
	ks.JWKS = raw
	return ks, nil
}

// Signer returns a signer for service from the set.
func (ks *ServiceKeys) Signer(service string) (*ServiceSigner, error) {
	pemKey, ok := ks.Private[service]
	if !ok {
		return nil, fmt.Errorf("no service key for %s", service)
	}
	return NewServiceSigner(service, pemKey)
}
