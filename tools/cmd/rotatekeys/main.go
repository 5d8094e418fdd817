// Command rotatekeys rotates the access-token signing keys of the issuers
// (users and admin) without signing anyone out: each issuer's next key is
// published at once and signs from -publish-ahead on, when every running
// instance has reread its keys; the previous key stays published until the
// tokens it signed have expired. `make rotate-keys` runs it.
//
// Environment: POSTGRES_URL (default the local server), SIGNING_KEY_ENCRYPTION_KEY
// (the development key when unset, refused with PURRA_ENV=production).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/pg"
)

func main() {
	dbs := flag.String("databases", "purra_users,purra_admin", "issuers' databases (comma-separated)")
	ahead := flag.Duration("publish-ahead", 30*time.Second, "how long the next key is published before it signs (≥ the signers' 15 s refresh)")
	flag.Parse()
	if err := run(context.Background(), strings.Split(*dbs, ","), *ahead); err != nil {
		fmt.Fprintln(os.Stderr, "rotatekeys:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, databases []string, ahead time.Duration) error {
	getenv := func(k string) string {
		if v := os.Getenv(k); v != "" || k != auth.KeyEncryptionEnv {
			return v
		}
		if strings.EqualFold(os.Getenv(auth.ProductionEnv), "production") {
			return ""
		}
		return auth.DevKeyEncryptionKey
	}
	enc, err := auth.KeyEncryptionFromEnv(getenv)
	if err != nil {
		return err
	}
	server := os.Getenv("POSTGRES_URL")
	if server == "" {
		server = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	for _, name := range databases {
		db, err := pg.Open(ctx, server, strings.TrimSpace(name), pg.Options{MaxConns: 2})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		kid, err := auth.RotateSigningKey(ctx, db, enc, ahead)
		db.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Printf("%s: next signing key %s, signing from %s\n", name, kid, time.Now().Add(ahead).UTC().Format(time.RFC3339))
	}
	return nil
}
