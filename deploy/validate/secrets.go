package main

// Credentials (issue 8): the router's service key wherever the router is deployed, the
// production overlays' Secrets from the secret store only (no usable default), and the
// public development set in deploy/dev-keys complete and consistent.

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/types"
)

// routerService is the router's name in the service credentials (auth.RouterService).
const routerService = "router"

// the router refuses to start without these: `throw new Error('NAME is required…')`
var routerRequiredRE = regexp.MustCompile("Error\\(['\"`]([A-Z][A-Z0-9_]*) is required")

// routerNeeds reads the router's sources (router/*.mjs, not its tests).
func routerNeeds(root string) ([]envNeed, error) {
	files, err := filepath.Glob(filepath.Join(root, "router", "*.mjs"))
	if err != nil {
		return nil, err
	}
	var out []envNeed
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range routerRequiredRE.FindAllSubmatch(data, -1) {
			name := string(m[1])
			if !slices.ContainsFunc(out, func(n envNeed) bool { return n.Name == name }) {
				out = append(out, envNeed{Name: name, Why: rel(f) + ": the router refuses to start without it"})
			}
		}
	}
	return out, nil
}

// checkRouterEnv: what the router's code requires is set in compose and every overlay.
func checkRouterEnv(r *report, root string, project *types.Project, rendered map[string]objects) {
	r.start("environment: what the router requires, set wherever it is deployed")
	relRoot = root
	needs, err := routerNeeds(root)
	if !r.check(err, "router/*.mjs read") {
		return
	}
	if len(needs) == 0 {
		r.fail("router/*.mjs: found no required variable (the router requires SERVICE_TOKEN_KEY: did its error message change?)")
		return
	}
	if project != nil {
		if svc, err := project.GetService("router"); err == nil {
			checkEnvSet(r, "docker-compose.yml service router", needs, func(k string) (string, bool) {
				v := deref(svc.Environment[k])
				return v, v != ""
			})
		}
	}
	for dir, objs := range rendered {
		if dir == "deploy/k8s/base" {
			continue
		}
		if d := objs.deployments["router"]; d != nil && len(d.Spec.Template.Spec.Containers) > 0 {
			c := d.Spec.Template.Spec.Containers[0]
			checkEnvSet(r, dir+" Deployment router", needs, func(k string) (string, bool) { return k8sEnv(objs, c, k) })
		}
	}
}

// a variable whose value is a credential: only ever from a Secret
var secretNameRE = regexp.MustCompile(`^(POSTGRES_URL|SERVICE_JWKS)$|_(KEY|SECRET|PASSWORD|TOKEN)$`)

// checkProduction: every overlay but dev is production. It generates no Secret (a
// missing Secret stops the pod instead of running it with a default), reads every
// credential from a Secret, never from a ConfigMap, and sets PURRA_ENV=production
// (users and admin then refuse the public development encryption key).
func checkProduction(r *report, subgraphs []subgraph, rendered map[string]objects) {
	r.start("production overlays: credentials only from the secret store, PURRA_ENV=production")
	for dir, objs := range rendered {
		if dir == "deploy/k8s/base" || filepath.Base(dir) == "dev" {
			continue
		}
		var errs []string
		for name := range objs.secrets {
			errs = append(errs, "generates the Secret "+name+" (a usable default: provide it from the secret store)")
		}
		for name, cm := range objs.configMaps {
			for k := range cm.Data {
				if secretNameRE.MatchString(k) {
					errs = append(errs, fmt.Sprintf("ConfigMap %s carries the credential %s", name, k))
				}
			}
		}
		for name, d := range objs.deployments {
			for _, c := range d.Spec.Template.Spec.Containers {
				for _, e := range c.Env {
					if secretNameRE.MatchString(e.Name) && (e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil) {
						errs = append(errs, fmt.Sprintf("Deployment %s: %s is not read from a Secret", name, e.Name))
					}
				}
			}
		}
		for _, s := range subgraphs {
			d := objs.deployments[s.Name]
			if d == nil || len(d.Spec.Template.Spec.Containers) == 0 {
				continue
			}
			if v, _ := k8sEnv(objs, d.Spec.Template.Spec.Containers[0], "PURRA_ENV"); v != "production" {
				errs = append(errs, fmt.Sprintf("Deployment %s: PURRA_ENV=%q, want production", s.Name, v))
			}
		}
		slices.Sort(errs)
		if len(errs) > 0 {
			r.fail("%s: %s", dir, strings.Join(errs, "; "))
		} else {
			r.ok("%s: no generated Secret, credentials from Secrets only, PURRA_ENV=production", dir)
		}
	}
}

// checkDevKeys: deploy/dev-keys has a key for the router and every subgraph, each
// public key is in jwks.json under its service, and each <service>.env (docker compose)
// holds the same key and JWKS as the files Kubernetes reads.
func checkDevKeys(r *report, root string, subgraphs []subgraph) {
	r.start("deploy/dev-keys: the development service credentials (tools/cmd/servicekeys)")
	dir := filepath.Join(root, "deploy", "dev-keys")
	jwks, err := os.ReadFile(filepath.Join(dir, "jwks.json"))
	if !r.check(err, "jwks.json") {
		return
	}
	var set struct {
		Keys []struct{ Kty, Crv, X, Kid string }
	}
	if !r.check(json.Unmarshal(jwks, &set), "jwks.json parses") {
		return
	}
	services := []string{routerService}
	for _, s := range subgraphs {
		services = append(services, s.Name)
	}
	regenerate := "rm -f deploy/dev-keys/*.pem deploy/dev-keys/*.env deploy/dev-keys/jwks.json && go run ./tools/cmd/servicekeys -out deploy/dev-keys"
	for _, name := range services {
		if err := devKey(dir, name, jwks, set.Keys); err != nil {
			r.fail("%s: %v (regenerate: %s)", name, err, regenerate)
		} else {
			r.ok("%s: Ed25519 key, its public key in jwks.json, %s.env the same", name, name)
		}
	}
}

func devKey(dir, name string, jwks []byte, keys []struct{ Kty, Crv, X, Kid string }) error {
	pemData, err := os.ReadFile(filepath.Join(dir, name+".pem"))
	if err != nil {
		return err
	}
	block, _ := pem.Decode(pemData)
	if block == nil {
		return fmt.Errorf("%s.pem: no PEM block", name)
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return fmt.Errorf("%s.pem: %w", name, err)
	}
	priv, ok := parsed.(ed25519.PrivateKey)
	if !ok {
		return fmt.Errorf("%s.pem: not an Ed25519 key", name)
	}
	x := base64.RawURLEncoding.EncodeToString(priv.Public().(ed25519.PublicKey))
	if !slices.ContainsFunc(keys, func(k struct{ Kty, Crv, X, Kid string }) bool {
		return k.X == x && k.Crv == "Ed25519" && strings.HasPrefix(k.Kid, name+":")
	}) {
		return fmt.Errorf("its public key is not in jwks.json as %s:…", name)
	}
	env, err := dotenv.GetEnvFromFile(map[string]string{}, []string{filepath.Join(dir, name+".env")})
	if err != nil {
		return err
	}
	if env["SERVICE_TOKEN_KEY"] != string(pemData) {
		return fmt.Errorf("%s.env: SERVICE_TOKEN_KEY is not %s.pem", name, name)
	}
	if name != routerService && env["SERVICE_JWKS"] != string(bytes.TrimSpace(jwks)) {
		return fmt.Errorf("%s.env: SERVICE_JWKS is not jwks.json", name)
	}
	return nil
}
