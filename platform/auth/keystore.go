package auth

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// SigningKeysDDL is the table LoadSigner reads; issuers include it in a
// migration. A key signs from created_at (which a rotation sets a little in
// the future, so the key is published first) until the next key's
// created_at, when its retired_at is set; it stays published until every
// token it signed has expired.
const SigningKeysDDL = `CREATE TABLE signing_keys (
    kid         text PRIMARY KEY,
    private_pem bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
)`

// retiredKeyMargin is how long past the token lifetime a retired key stays
// published (clock skew, verifiers' caches).
const retiredKeyMargin = 5 * time.Minute

// signingKeyLock serialises key creation, rotation and re-encryption among
// the instances of one issuer.
const signingKeyLock = 7421002

type storedKey struct {
	kid       string
	key       *rsa.PrivateKey
	createdAt time.Time
}

// loadKeys returns the keys still published: current, announced, and those
// retired less than keep ago.
func loadKeys(ctx context.Context, db *pgxpool.Pool, enc *KeyEncryption, keep time.Duration) ([]storedKey, error) {
	rows, err := db.Query(ctx, `SELECT kid, private_pem, created_at FROM signing_keys
		WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1) ORDER BY created_at`, keep.Seconds())
	if err != nil {
		return nil, fmt.Errorf("load signing keys: %w", err)
	}
	defer rows.Close()
	var out []storedKey
	for rows.Next() {
		var k storedKey
		var stored []byte
		if err := rows.Scan(&k.kid, &stored, &k.createdAt); err != nil {
			return nil, err
		}
		plain, err := enc.open(k.kid, stored)
		if err != nil {
			return nil, err
		}
		if k.key, err = parsePEM(k.kid, plain); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

func parsePEM(kid string, pemBytes []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, fmt.Errorf("signing key %s: bad PEM", kid)
	}
	key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("parse signing key %s: %w", kid, err)
	}
	return key, nil
}

// ensureKey makes the issuer's first key; the advisory lock makes one of two
// instances starting together create it and the other read it.
func ensureKey(ctx context.Context, db *pgxpool.Pool, enc *KeyEncryption) error {
	return pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, signingKeyLock); err != nil {
			return err
		}
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM signing_keys WHERE retired_at IS NULL)`).Scan(&exists); err != nil || exists {
			return err
		}
		_, err := insertKey(ctx, tx, enc, 0)
		return err
	})
}

func insertKey(ctx context.Context, tx pgx.Tx, enc *KeyEncryption, after time.Duration) (string, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return "", fmt.Errorf("generate signing key: %w", err)
	}
	kid := uuid.NewString()
	sealed, err := enc.seal(kid, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))
	if err != nil {
		return "", err
	}
	_, err = tx.Exec(ctx, `INSERT INTO signing_keys (kid, private_pem, created_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
		kid, sealed, after.Seconds())
	return kid, err
}

// sealPlaintextKeys encrypts keys stored in clear by earlier versions.
func sealPlaintextKeys(ctx context.Context, db *pgxpool.Pool, enc *KeyEncryption) error {
	return pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, signingKeyLock); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT kid, private_pem FROM signing_keys`)
		if err != nil {
			return fmt.Errorf("signing keys: %w", err)
		}
		plain := map[string][]byte{}
		for rows.Next() {
			var kid string
			var stored []byte
			if err := rows.Scan(&kid, &stored); err != nil {
				rows.Close()
				return err
			}
			if !isSealed(stored) {
				plain[kid] = stored
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for kid, p := range plain {
			if _, err := parsePEM(kid, p); err != nil {
				return err
			}
			sealed, err := enc.seal(kid, p)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE signing_keys SET private_pem = $2 WHERE kid = $1`, kid, sealed); err != nil {
				return err
			}
		}
		return nil
	})
}

// RotateSigningKey creates the issuer's next key. It is published at once
// and signs from publishAhead on (long enough for every instance to reread
// its keys: Signer.RefreshEvery), when the current key retires; tokens the
// old key signed stay valid until they expire. Returns the new kid.
func RotateSigningKey(ctx context.Context, db *pgxpool.Pool, enc *KeyEncryption, publishAhead time.Duration) (string, error) {
	if enc == nil {
		return "", errors.New("rotate: no key encryption")
	}
	if err := sealPlaintextKeys(ctx, db, enc); err != nil {
		return "", err
	}
	var kid string
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, signingKeyLock); err != nil {
			return err
		}
		var err error
		if kid, err = insertKey(ctx, tx, enc, publishAhead); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE signing_keys SET retired_at = (SELECT created_at FROM signing_keys WHERE kid = $1)
			WHERE retired_at IS NULL AND kid <> $1`, kid)
		return err
	})
	return kid, err
}
