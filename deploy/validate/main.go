// Command validate checks deploy/ offline, with the libraries the real tools are built on:
//
//   - the subgraph list (supergraph/subgraphs.json) drives every check below;
//   - Dockerfiles: BuildKit's parser, linter (the rules of `docker build --check`) and
//     LLB conversion for every subgraph (build args expanded, stages resolved), with an
//     offline image resolver; the Dockerfile-specific .dockerignore filters the context
//     and every COPY source must exist in it;
//   - docker-compose.yml: compose-go (the loader of `docker compose config`: schema,
//     interpolation, merge keys, profiles), then the per-subgraph wiring;
//   - Kubernetes: kustomize's krusty on k8s/base and every overlay, each object decoded
//     strictly into its Kubernetes API type (unknown or duplicate fields, wrong types),
//     then the per-subgraph invariants (ports, probes, security context, Secret, HPA);
//   - apollo-router/router.yaml: structure, keys and one override per subgraph.
//
// What it cannot do offline: pull base images, run a build or a container, ask an API
// server (admission, defaults) or start Apollo Router. Run it from anywhere:
//
//	cd deploy/validate && GOWORK=off go run .
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
)

type subgraph struct {
	Name string
	Port int
	Path string
	Env  string // USERS_URL
}

type report struct {
	errors, warnings int
	section          string
	failures         []string // what failed, for the checker's own tests
}

func (r *report) start(name string) { r.section = name; fmt.Printf("\n== %s\n", name) }
func (r *report) ok(format string, a ...any) {
	fmt.Printf("  ok    %s\n", fmt.Sprintf(format, a...))
}
func (r *report) warn(format string, a ...any) {
	r.warnings++
	fmt.Printf("  WARN  %s\n", fmt.Sprintf(format, a...))
}
func (r *report) fail(format string, a ...any) {
	r.errors++
	r.failures = append(r.failures, fmt.Sprintf(format, a...))
	fmt.Printf("  FAIL  %s\n", fmt.Sprintf(format, a...))
}

// check reports err as a failure (and returns false) or msg as a success.
func (r *report) check(err error, format string, a ...any) bool {
	if err != nil {
		r.fail("%s: %v", fmt.Sprintf(format, a...), err)
		return false
	}
	r.ok(format, a...)
	return true
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

var nameRE = regexp.MustCompile(`^[a-z]([a-z0-9-]{0,40}[a-z0-9])?$`)

func loadSubgraphs(root string) ([]subgraph, error) {
	data, err := os.ReadFile(filepath.Join(root, "supergraph", "subgraphs.json"))
	if err != nil {
		return nil, err
	}
	var raw []struct{ Name, URL string }
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("no subgraphs")
	}
	var out []subgraph
	for _, e := range raw {
		if !nameRE.MatchString(e.Name) {
			return nil, fmt.Errorf("bad subgraph name %q", e.Name)
		}
		u, err := url.Parse(e.URL)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name, err)
		}
		port, err := strconv.Atoi(u.Port())
		if err != nil {
			return nil, fmt.Errorf("%s: url %s has no port", e.Name, e.URL)
		}
		p := u.Path
		if p == "" {
			p = "/graphql"
		}
		env := strings.ToUpper(regexp.MustCompile(`[^a-zA-Z0-9]`).ReplaceAllString(e.Name, "_")) + "_URL"
		out = append(out, subgraph{Name: e.Name, Port: port, Path: p, Env: env})
	}
	return out, nil
}

func main() {
	rootFlag := flag.String("root", repoRoot(), "repository root (the folder holding deploy/ and supergraph/)")
	flag.Parse()
	root, _ := filepath.Abs(*rootFlag)
	r := &report{}
	r.start("subgraph list")
	subgraphs, err := loadSubgraphs(root)
	if !r.check(err, "supergraph/subgraphs.json: %d subgraphs", len(subgraphs)) {
		os.Exit(1)
	}
	for _, s := range subgraphs {
		r.ok("%s: port %d, router override %s", s.Name, s.Port, s.Env)
	}

	checkDockerfiles(r, root, subgraphs)
	project := checkCompose(r, root, subgraphs)
	rendered := checkKubernetes(r, root, subgraphs)
	checkEnv(r, root, subgraphs, project, rendered)
	checkRouterEnv(r, root, project, rendered)
	checkProduction(r, subgraphs, rendered)
	checkDevKeys(r, root, subgraphs)
	checkNetworkPolicies(r, root, subgraphs, rendered)
	checkNodeEngine(r, root)
	checkApolloRouter(r, root, subgraphs)

	fmt.Printf("\n%d errors, %d warnings\n", r.errors, r.warnings)
	if r.errors > 0 {
		os.Exit(1)
	}
}
