// Command gqlgen generates one subgraph's GraphQL code from the root
// gqlgen.yml (shared federation v2 settings, autobind, scalars) with the
// subgraph's own gqlgen.yml merged on top. Run from the repository root:
//
//	go run github.com/purra/supergraph/tools/cmd/gqlgen users catalog
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen/config"
	"github.com/goccy/go-yaml"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gqlgen <subgraph>...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := generate(name); err != nil {
			fmt.Fprintf(os.Stderr, "gqlgen %s: %v\n", name, err)
			os.Exit(1)
		}
	}
}

func generate(name string) error {
	shared, err := os.ReadFile("gqlgen.yml")
	if err != nil {
		return fmt.Errorf("run from the repository root: %w", err)
	}
	merged, err := merge(bytes.ReplaceAll(shared, []byte("{name}"), []byte(name)),
		filepath.Join("subgraphs", name, "gqlgen.yml"))
	if err != nil {
		return err
	}
	cfg, err := config.ReadConfig(bytes.NewReader(merged))
	if err != nil {
		return err
	}
	return api.Generate(cfg, api.AddPlugin(enforceAuthDirectives{}))
}

// merge lays the subgraph's own models over the shared config.
func merge(shared []byte, overridePath string) ([]byte, error) {
	own, err := os.ReadFile(overridePath)
	if os.IsNotExist(err) {
		return shared, nil
	}
	if err != nil {
		return nil, err
	}
	var base, over map[string]any
	if err := yaml.Unmarshal(shared, &base); err != nil {
		return nil, fmt.Errorf("root gqlgen.yml: %w", err)
	}
	if err := yaml.Unmarshal(own, &over); err != nil {
		return nil, fmt.Errorf("%s: %w", overridePath, err)
	}
	for k, v := range over {
		if k != "models" {
			return nil, fmt.Errorf("%s: only models may be overridden, found %q", overridePath, k)
		}
		models, _ := base["models"].(map[string]any)
		for typ, m := range v.(map[string]any) {
			models[typ] = m
		}
	}
	return yaml.Marshal(base)
}

// enforceAuthDirectives turns the federation @authenticated and
// @requiresScopes directives, which gqlgen declares skip-runtime, into
// runtime directives: the subgraph enforces them itself (platform/auth)
// rather than trusting the router to. Our own @callers stays out of the
// generated code: platform/gql reads it from the schema.
type enforceAuthDirectives struct{}

func (enforceAuthDirectives) Name() string { return "purra-enforce-auth-directives" }

func (enforceAuthDirectives) MutateConfig(cfg *config.Config) error {
	for _, d := range []string{"authenticated", "requiresScopes"} {
		cfg.Directives[d] = config.DirectiveConfig{SkipRuntime: false}
	}
	// @callers is enforced once per operation by platform/gql (callers.go),
	// before any resolver runs, not field by field.
	cfg.Directives["callers"] = config.DirectiveConfig{SkipRuntime: true}
	if !strings.Contains(cfg.Exec.Filename, "subgraphs/") {
		return fmt.Errorf("unexpected exec path %s", cfg.Exec.Filename)
	}
	return nil
}
