package main

// The checker must catch what broke the deploy before: put each defect back on a
// scratch copy of the repository and see the check fail; on the copy as committed it
// passes.

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scratchRepo copies what deploy/validate reads into a temporary directory.
func scratchRepo(t *testing.T) string {
	t.Helper()
	src := repoRoot()
	dst := t.TempDir()
	for _, dir := range []string{"deploy", "platform", "subgraphs", "tools", "supergraph", "router"} {
		err := filepath.WalkDir(filepath.Join(src, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git") {
				return filepath.SkipDir
			}
			rel, _ := filepath.Rel(src, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			if !d.Type().IsRegular() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// edit replaces old with new in root/file, failing the test when old is absent.
func edit(t *testing.T, root, file, old, new string) {
	t.Helper()
	p := filepath.Join(root, file)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(p, []byte(strings.ReplaceAll(string(data), old, new)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func notificationsCase(t *testing.T, root string) (dockerfileCase, []byte) {
	t.Helper()
	subgraphs, err := loadSubgraphs(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subgraphs {
		if s.Name == "notifications" {
			dt, err := os.ReadFile(filepath.Join(root, "deploy/docker/subgraph.Dockerfile"))
			if err != nil {
				t.Fatal(err)
			}
			return dockerfileCase{file: "deploy/docker/subgraph.Dockerfile", what: s.Name, goBuild: true,
				args: map[string]string{"SUBGRAPH": s.Name, "PORT": "3010"}}, dt
		}
	}
	t.Fatal("no notifications subgraph")
	return dockerfileCase{}, nil
}

func TestGoBuildFromContextCatchesTheNotificationsDefect(t *testing.T) {
	root := scratchRepo(t)
	c, dt := notificationsCase(t, root)
	if err := replayGoStage(root, c, dt); err != nil {
		t.Fatalf("fixed deploy: %v", err)
	}
	// the defect as it was: tools/ outside the context, its go.mod never copied
	edit(t, root, "deploy/docker/subgraph.Dockerfile.dockerignore", "!tools/go.mod\n!tools/go.sum\n", "")
	edit(t, root, "deploy/docker/subgraph.Dockerfile", "COPY tools/go.mod tools/go.sum /src/tools/\n", "")
	dt, _ = os.ReadFile(filepath.Join(root, "deploy/docker/subgraph.Dockerfile"))
	err := replayGoStage(root, c, dt)
	if err == nil || !strings.Contains(err.Error(), "tools") {
		t.Fatalf("want a failure naming ../../tools, got %v", err)
	}
	t.Logf("caught: %v", err)
}

func TestEnvCheckCatchesAMissingSubgraphURL(t *testing.T) {
	root := scratchRepo(t)
	subgraphs, err := loadSubgraphs(root)
	if err != nil {
		t.Fatal(err)
	}
	run := func() *report {
		r := &report{}
		project := checkCompose(r, root, subgraphs)
		rendered := checkKubernetes(r, root, subgraphs)
		r.failures, r.errors = nil, 0 // only the environment section is under test
		checkEnv(r, root, subgraphs, project, rendered)
		return r
	}
	if r := run(); r.errors != 0 {
		t.Fatalf("fixed deploy fails: %v", r.failures)
	}
	// orders calls cart: drop CART_SUBGRAPH_URL from compose and from Kubernetes
	edit(t, root, "deploy/docker-compose.yml", "  CART_SUBGRAPH_URL: http://cart:3003/graphql\n", "")
	edit(t, root, "deploy/k8s/base/kustomization.yaml", "      - CART_SUBGRAPH_URL=http://cart:3003/graphql\n", "")
	r := run()
	for _, where := range []string{"docker-compose.yml service orders", "deploy/k8s/overlays/dev Deployment orders", "deploy/k8s/overlays/prod Deployment orders"} {
		found := false
		for _, f := range r.failures {
			if strings.HasPrefix(f, where) && strings.Contains(f, "CART_SUBGRAPH_URL is not set") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: missing CART_SUBGRAPH_URL not reported; failures: %v", where, r.failures)
		}
	}
}

func TestEnvCheckCatchesALoopbackDefaultLeftInPlace(t *testing.T) {
	root := scratchRepo(t)
	subgraphs, _ := loadSubgraphs(root)
	// SMTP_HOST defaults to 127.0.0.1: Kubernetes without it is the defect of issue 11
	edit(t, root, "deploy/k8s/base/kustomization.yaml", "      - SMTP_HOST=smtp-relay.example.invalid\n", "")
	edit(t, root, "deploy/k8s/overlays/prod/kustomization.yaml", "SMTP_HOST=email-smtp.ap-south-1.amazonaws.com, ", "")
	r := &report{}
	rendered := checkKubernetes(r, root, subgraphs)
	r.failures = nil
	checkEnv(r, root, subgraphs, nil, rendered)
	found := false
	for _, f := range r.failures {
		found = found || strings.Contains(f, "overlays/prod Deployment notifications") && strings.Contains(f, "SMTP_HOST is not set")
	}
	if !found {
		t.Fatalf("SMTP_HOST missing in prod not reported: %v", r.failures)
	}
}

func TestNetworkPolicyCheckFollowsTheCode(t *testing.T) {
	root := scratchRepo(t)
	subgraphs, _ := loadSubgraphs(root)
	// orders calls cart (config.SubgraphURL); a policy that forgets it must fail
	edit(t, root, "deploy/k8s/base/networkpolicies.yaml",
		"        - podSelector: {matchLabels: {app.kubernetes.io/name: orders}}\n        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}\n      ports: [{protocol: TCP, port: 3003}]",
		"        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}\n      ports: [{protocol: TCP, port: 3003}]")
	r := &report{}
	rendered := checkKubernetes(r, root, subgraphs)
	r.failures = nil
	checkNetworkPolicies(r, root, subgraphs, rendered)
	found := false
	for _, f := range r.failures {
		found = found || strings.Contains(f, "NetworkPolicy cart admits []; the code's callers are [orders]")
	}
	if !found {
		t.Fatalf("want the cart policy reported; got %v", r.failures)
	}
}

// hasFailure: some failure starts with where and contains every one of what.
func hasFailure(r *report, where string, what ...string) bool {
	for _, f := range r.failures {
		if !strings.HasPrefix(f, where) {
			continue
		}
		all := true
		for _, w := range what {
			all = all && strings.Contains(f, w)
		}
		if all {
			return true
		}
	}
	return false
}

// credentialRun renders compose and the overlays of root, then runs only the sections
// under test: the environment of the subgraphs and the router, and the production rules.
func credentialRun(t *testing.T, root string) *report {
	t.Helper()
	subgraphs, err := loadSubgraphs(root)
	if err != nil {
		t.Fatal(err)
	}
	r := &report{}
	project := checkCompose(r, root, subgraphs)
	rendered := checkKubernetes(r, root, subgraphs)
	r.failures, r.errors = nil, 0
	checkEnv(r, root, subgraphs, project, rendered)
	checkRouterEnv(r, root, project, rendered)
	checkProduction(r, subgraphs, rendered)
	checkDevKeys(r, root, subgraphs)
	return r
}

func TestCredentialChecksPassOnTheCommittedDeploy(t *testing.T) {
	root := scratchRepo(t)
	if r := credentialRun(t, root); r.errors != 0 {
		t.Fatalf("fixed deploy fails: %v", r.failures)
	}
	// compose hands the subgraph a PEM with real line breaks (the env_file's \n)
	subgraphs, _ := loadSubgraphs(root)
	project := checkCompose(&report{}, root, subgraphs)
	svc, err := project.GetService("orders")
	if err != nil {
		t.Fatal(err)
	}
	if v := deref(svc.Environment["SERVICE_TOKEN_KEY"]); !strings.HasPrefix(v, "-----BEGIN PRIVATE KEY-----\n") {
		t.Fatalf("compose SERVICE_TOKEN_KEY of orders = %q", v)
	}
}

func TestEnvCheckCatchesAMissingServiceCredential(t *testing.T) {
	root := scratchRepo(t)
	// the subgraphs' service key and JWKS gone from the Kubernetes component, and the
	// dev-keys env_file from compose's cart
	edit(t, root, "deploy/k8s/base/subgraph/deployment.yaml", `            - name: SERVICE_TOKEN_KEY
              valueFrom:
                secretKeyRef: {name: purra-service-key-SUBGRAPH, key: SERVICE_TOKEN_KEY}
            - name: SERVICE_JWKS
              valueFrom:
                secretKeyRef: {name: purra-service-jwks, key: SERVICE_JWKS}
`, "")
	edit(t, root, "deploy/k8s/base/subgraph/kustomization.yaml", `      - select: {kind: Deployment}
        fieldPaths:
          - spec.template.spec.containers.[name=subgraph].env.[name=SERVICE_TOKEN_KEY].valueFrom.secretKeyRef.name
        options: {delimiter: "-", index: 3}
`, "")
	edit(t, root, "deploy/docker-compose.yml", `  cart:
    <<: *subgraph
    image: ${PURRA_IMAGE_PREFIX:-purra}/cart:${PURRA_TAG:-latest}
    build: {<<: *subgraph-build, args: {SUBGRAPH: cart, PORT: "3003"}}
    environment: {<<: *subgraph-env, POSTGRES_URL: "postgres://cart:${POSTGRES_PASSWORD:-purra}@postgres:5432/purra_cart?sslmode=disable"}
    env_file: [{path: "${SERVICE_KEYS_DIR:-dev-keys}/cart.env", required: true}, `, `  cart:
    <<: *subgraph
    image: ${PURRA_IMAGE_PREFIX:-purra}/cart:${PURRA_TAG:-latest}
    build: {<<: *subgraph-build, args: {SUBGRAPH: cart, PORT: "3003"}}
    environment: {<<: *subgraph-env, POSTGRES_URL: "postgres://cart:${POSTGRES_PASSWORD:-purra}@postgres:5432/purra_cart?sslmode=disable"}
    env_file: [`)
	r := credentialRun(t, root)
	for _, where := range []string{"deploy/k8s/overlays/dev Deployment orders", "deploy/k8s/overlays/prod Deployment users", "docker-compose.yml service cart"} {
		if !hasFailure(r, where, "SERVICE_TOKEN_KEY is not set", "SERVICE_JWKS is not set") {
			t.Errorf("%s: missing service credential not reported; failures: %v", where, r.failures)
		}
	}
	if hasFailure(r, "docker-compose.yml service orders") {
		t.Errorf("compose orders still has its credential, yet: %v", r.failures)
	}
}

func TestEnvCheckCatchesAMissingRouterKeyEncryptionKeyAndTrustedProxies(t *testing.T) {
	root := scratchRepo(t)
	// the router's key in Kubernetes and compose
	edit(t, root, "deploy/k8s/base/router/deployment.yaml", `            - name: SERVICE_TOKEN_KEY
              valueFrom:
                secretKeyRef: {name: purra-service-key-router, key: SERVICE_TOKEN_KEY}
`, "")
	edit(t, root, "deploy/docker-compose.yml", `    env_file: [{path: "${SERVICE_KEYS_DIR:-dev-keys}/router.env", required: true}]
`, "")
	// admin's signing-key encryption key in Kubernetes, users' in compose
	edit(t, root, "deploy/k8s/base/kustomization.yaml", `  - target: {kind: Deployment, name: admin}
    patch: |-
      - op: add
        path: /spec/template/spec/containers/0/env/-
        value: {name: SIGNING_KEY_ENCRYPTION_KEY, valueFrom: {secretKeyRef: {name: purra-signing-key-encryption, key: SIGNING_KEY_ENCRYPTION_KEY}}}
`, "")
	edit(t, root, "deploy/env/users.env", "SIGNING_KEY_ENCRYPTION_KEY=", "# SIGNING_KEY_ENCRYPTION_KEY=")
	// whose X-Forwarded-For the subgraphs believe, in Kubernetes
	edit(t, root, "deploy/k8s/base/kustomization.yaml", "      - TRUSTED_PROXIES=10.0.0.0/8\n", "")
	r := credentialRun(t, root)
	for _, c := range []struct{ where, what string }{
		{"deploy/k8s/overlays/prod Deployment router", "SERVICE_TOKEN_KEY is not set"},
		{"deploy/k8s/overlays/dev Deployment router", "SERVICE_TOKEN_KEY is not set"},
		{"docker-compose.yml service router", "SERVICE_TOKEN_KEY is not set"},
		{"deploy/k8s/overlays/prod Deployment admin", "SIGNING_KEY_ENCRYPTION_KEY is not set"},
		{"docker-compose.yml service users", "SIGNING_KEY_ENCRYPTION_KEY is not set"},
		{"deploy/k8s/overlays/prod Deployment catalog", "TRUSTED_PROXIES is not set"},
	} {
		if !hasFailure(r, c.where, c.what) {
			t.Errorf("%s: %s not reported; failures: %v", c.where, c.what, r.failures)
		}
	}
	if hasFailure(r, "deploy/k8s/overlays/prod Deployment users", "SIGNING_KEY_ENCRYPTION_KEY") {
		t.Errorf("users still reads its key in Kubernetes, yet: %v", r.failures)
	}
}

func TestProductionCheckRefusesUsableDefaults(t *testing.T) {
	root := scratchRepo(t)
	// a "convenient" default in prod: the development encryption key as a generated
	// Secret, a credential in a ConfigMap, and PURRA_ENV left out
	edit(t, root, "deploy/k8s/overlays/prod/kustomization.yaml", "configMapGenerator:\n", `secretGenerator:
  - name: purra-signing-key-encryption
    literals: [SIGNING_KEY_ENCRYPTION_KEY=cHVycmEtZGV2LW9ubHktc2lnbmluZy1rZXktMDAwMDA=]
configMapGenerator:
`)
	edit(t, root, "deploy/k8s/overlays/prod/kustomization.yaml", "      - PURRA_ENV=production\n", "      - SMTP_PASSWORD=hunter2\n")
	r := credentialRun(t, root)
	for _, what := range []string{"generates the Secret purra-signing-key-encryption", "ConfigMap subgraph-env carries the credential SMTP_PASSWORD",
		`Deployment users: PURRA_ENV="", want production`} {
		if !hasFailure(r, "deploy/k8s/overlays/prod", what) {
			t.Errorf("%q not reported; failures: %v", what, r.failures)
		}
	}
	if hasFailure(r, "deploy/k8s/overlays/dev") {
		t.Errorf("the dev overlay may generate its Secrets: %v", r.failures)
	}
}

func TestDevKeysCheckCatchesAStaleSet(t *testing.T) {
	root := scratchRepo(t)
	// a subgraph added without regenerating the keys, and a key whose public half is
	// not in the JWKS every subgraph verifies with
	if err := os.Remove(filepath.Join(root, "deploy/dev-keys/banners.pem")); err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile(filepath.Join(root, "deploy/dev-keys/cart.pem"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "deploy/dev-keys/orders.pem"), other, 0o600); err != nil {
		t.Fatal(err)
	}
	subgraphs, _ := loadSubgraphs(root)
	r := &report{}
	checkDevKeys(r, root, subgraphs)
	if !hasFailure(r, "banners:", "banners.pem", "servicekeys") || !hasFailure(r, "orders:", "not in jwks.json as orders:") {
		t.Fatalf("stale dev keys not reported: %v", r.failures)
	}
}
