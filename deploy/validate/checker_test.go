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
