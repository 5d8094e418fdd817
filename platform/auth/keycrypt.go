package auth

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// KeyEncryptionEnv holds the key (32 bytes, base64) that encrypts issuers'
// private signing keys at rest; ProductionEnv=production refuses a missing
// or development key at start-up.
const (
	KeyEncryptionEnv = "SIGNING_KEY_ENCRYPTION_KEY"
	ProductionEnv    = "PURRA_ENV"
)

// DevKeyEncryptionKey is the key tools/stack gives `make run` and the
// end-to-end tests. It is public, so production refuses it.
const DevKeyEncryptionKey = "cHVycmEtZGV2LW9ubHktc2lnbmluZy1rZXktMDAwMDA="

// KeyEncryption seals private signing keys with AES-256-GCM; the key id is
// the additional data, so a sealed key cannot be moved to another row.
type KeyEncryption struct{ aead cipher.AEAD }

// sealedPrefix marks an encrypted private key (plaintext rows are PEM).
var sealedPrefix = []byte("purra-aesgcm-v1:")

// KeyEncryptionFromEnv reads SIGNING_KEY_ENCRYPTION_KEY. It is required, and
// in production (PURRA_ENV=production) the development key is refused.
func KeyEncryptionFromEnv(getenv func(string) string) (*KeyEncryption, error) {
	raw := strings.TrimSpace(getenv(KeyEncryptionEnv))
	if raw == "" {
		return nil, fmt.Errorf("%s is not set: signing keys are stored encrypted with it (32 random bytes, base64)", KeyEncryptionEnv)
	}
	if raw == DevKeyEncryptionKey && strings.EqualFold(getenv(ProductionEnv), "production") {
		return nil, fmt.Errorf("%s is the public development key; refusing to start with %s=production", KeyEncryptionEnv, ProductionEnv)
	}
	return NewKeyEncryption(raw)
}

// NewKeyEncryption takes a base64 (standard or URL) 32-byte key.
func NewKeyEncryption(b64 string) (*KeyEncryption, error) {
	key, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		key, err = base64.URLEncoding.DecodeString(b64)
	}
	if err != nil || len(key) != 32 {
		return nil, fmt.Errorf("%s: want 32 bytes in base64", KeyEncryptionEnv)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &KeyEncryption{aead: aead}, nil
}

func (e *KeyEncryption) seal(kid string, plain []byte) ([]byte, error) {
	nonce := make([]byte, e.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	out := append(append([]byte{}, sealedPrefix...), nonce...)
	return e.aead.Seal(out, nonce, plain, []byte(kid)), nil
}

func (e *KeyEncryption) open(kid string, stored []byte) ([]byte, error) {
	if !isSealed(stored) {
		return nil, errors.New("not encrypted")
	}
	body := stored[len(sealedPrefix):]
	n := e.aead.NonceSize()
	if len(body) < n {
		return nil, errors.New("truncated")
	}
	plain, err := e.aead.Open(nil, body[:n], body[n:], []byte(kid))
	if err != nil {
		return nil, fmt.Errorf("decrypt signing key %s (wrong %s?): %w", kid, KeyEncryptionEnv, err)
	}
	return plain, nil
}

func isSealed(stored []byte) bool { return bytes.HasPrefix(stored, sealedPrefix) }
