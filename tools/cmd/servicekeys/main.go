// Command servicekeys makes a new set of service keys for one environment
// (docs/security.md): <dir>/<service>.pem, each service's Ed25519 private key
// for its SERVICE_TOKEN_KEY secret, and <dir>/jwks.json, the public keys of
// all of them for every subgraph's SERVICE_JWKS, and <dir>/<service>.env, both
// in docker compose's env_file format (the subgraphs' file also carries
// SERVICE_JWKS). `make run` and the tests do not need it (tools/stack makes
// fresh keys per run); a deployment does (deploy/dev-keys holds the public set
// of docker compose and the dev cluster).
//
//	go run github.com/purra/supergraph/tools/cmd/servicekeys -out ./keys
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/tools/stack"
)

func main() {
	out := flag.String("out", "", "directory to write <service>.pem and jwks.json into (created, must not hold keys already)")
	root := flag.String("root", ".", "repository root (for supergraph/subgraphs.json)")
	flag.Parse()
	if err := run(*root, *out); err != nil {
		fmt.Fprintln(os.Stderr, "servicekeys:", err)
		os.Exit(1)
	}
}

func run(root, out string) error {
	if out == "" {
		return fmt.Errorf("-out is required")
	}
	subgraphs, err := stack.LoadSubgraphs(root)
	if err != nil {
		return fmt.Errorf("subgraph list: %w", err)
	}
	names := []string{auth.RouterService}
	for _, sg := range subgraphs {
		names = append(names, sg.Name)
	}
	keys, err := auth.GenerateServiceKeys(names)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o700); err != nil {
		return err
	}
	write := func(name string, data []byte, mode os.FileMode) error {
		// O_EXCL: never overwrite a key an environment already uses.
		f, err := os.OpenFile(filepath.Join(out, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	for _, n := range names {
		if err := write(n+".pem", keys.Private[n], 0o600); err != nil {
			return err
		}
	}
	if err := write("jwks.json", keys.JWKS, 0o644); err != nil {
		return err
	}
	for _, n := range names {
		if err := write(n+".env", envFile(n, keys), 0o600); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d private keys, jwks.json and one .env per service to %s\n", len(names), out)
	return nil
}

// envFile is a service's credential in the env_file format of docker compose:
// the PEM's line breaks as \n in a double-quoted value, the JWKS (JSON, with
// double quotes) single-quoted so nothing in it is interpolated. The router
// verifies no service token, so its file has no SERVICE_JWKS.
func envFile(service string, keys *auth.ServiceKeys) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s's service credential (docs/security.md), written by tools/cmd/servicekeys\n", service)
	fmt.Fprintf(&b, "SERVICE_TOKEN_KEY=\"%s\"\n", strings.ReplaceAll(string(keys.Private[service]), "\n", `\n`))
	if service != auth.RouterService {
		fmt.Fprintf(&b, "SERVICE_JWKS='%s'\n", keys.JWKS)
	}
	return []byte(b.String())
}
