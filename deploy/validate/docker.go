package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
	"github.com/moby/buildkit/frontend/dockerui"
	"github.com/moby/buildkit/solver/pb"
	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
	digest "github.com/opencontainers/go-digest"
	ocispecs "github.com/opencontainers/image-spec/specs-go/v1"
)

// offlineResolver answers BuildKit's image config lookups without a registry: an empty
// linux config, so conversion works and nothing is pulled.
type offlineResolver struct{}

func (offlineResolver) ResolveImageConfig(_ context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	p := ocispecs.Platform{OS: "linux", Architecture: "amd64"}
	if opt.ImageOpt != nil && opt.ImageOpt.Platform != nil {
		p = *opt.ImageOpt.Platform
	}
	cfg, _ := json.Marshal(ocispecs.Image{
		Platform: p,
		Config:   ocispecs.ImageConfig{Env: []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}},
	})
	return ref, digest.FromBytes(cfg), cfg, nil
}

type dockerfileCase struct {
	file string            // relative to the repo root
	args map[string]string // build args
	what string
	// image expectations
	exposed    string
	env        []string
	user       string
	entrypoint []string
	cmd        []string
	// generated inputs whose absence is only a warning (the build fails until they exist)
	generated []string
	goBuild   bool // run the go commands of the build stage on a copy of the context
}

func checkDockerfiles(r *report, root string, subgraphs []subgraph) {
	r.start("Dockerfiles (BuildKit parser, linter, LLB conversion; Dockerfile-specific .dockerignore)")
	var cases []dockerfileCase
	for _, s := range subgraphs {
		port := fmt.Sprint(s.Port)
		cases = append(cases, dockerfileCase{
			file: "deploy/docker/subgraph.Dockerfile", what: s.Name,
			args:    map[string]string{"SUBGRAPH": s.Name, "PORT": port},
			exposed: port + "/tcp", env: []string{"HTTP_ADDR=:" + port},
			user: "nonroot:nonroot", entrypoint: []string{"/usr/local/bin/subgraph"},
			goBuild: true,
		})
	}
	cases = append(cases, dockerfileCase{
		file: "deploy/docker/router.Dockerfile", what: "router", args: map[string]string{},
		exposed: "4000/tcp", env: []string{"NODE_ENV=production"}, user: "node",
		cmd:       []string{"node", "node_modules/.bin/hive-gateway", "supergraph", "../supergraph/supergraph.graphql"},
		generated: []string{"supergraph/supergraph.graphql"},
	})
	for _, c := range cases {
		checkDockerfile(r, root, c)
	}

	// the subgraph Dockerfile without its build args must refuse to build
	dt, _ := os.ReadFile(filepath.Join(root, "deploy/docker/subgraph.Dockerfile"))
	if !strings.Contains(string(dt), `test -n "$SUBGRAPH" && test -n "$PORT"`) {
		r.fail("subgraph.Dockerfile: no guard for missing SUBGRAPH/PORT build args")
	}
}

func checkDockerfile(r *report, root string, c dockerfileCase) {
	label := fmt.Sprintf("%s [%s]", c.file, c.what)
	dt, err := os.ReadFile(filepath.Join(root, c.file))
	if !r.check(err, "%s: read", label) {
		return
	}
	ctx := context.Background()
	platform := ocispecs.Platform{OS: "linux", Architecture: "amd64"}
	src := llb.Local("dockerfile")
	srcDef, err := src.Marshal(ctx)
	if err != nil {
		r.fail("%s: %v", label, err)
		return
	}
	opt := func() dockerfile2llb.ConvertOpt {
		smap := llb.NewSourceMap(&src, c.file, "Dockerfile", dt)
		smap.Definition = srcDef
		return dockerfile2llb.ConvertOpt{
			Config:         dockerui.Config{BuildArgs: c.args},
			MetaResolver:   offlineResolver{},
			TargetPlatform: &platform,
			SourceMap:      smap,
		}
	}

	// 1. lint: the checks of `docker build --check`
	lint, err := dockerfile2llb.DockerfileLint(ctx, dt, opt())
	if r.check(err, "%s: lint ran", label) {
		if lint.Error != nil {
			r.fail("%s: build error: %s", label, lint.Error.Message)
		}
		for _, w := range lint.Warnings {
			line := 0
			if w.Location != nil && len(w.Location.Ranges) > 0 {
				line = int(w.Location.Ranges[0].Start.Line)
			}
			r.fail("%s:%d: lint %s: %s", c.file, line, w.RuleName, w.Detail)
		}
		if lint.Error == nil && len(lint.Warnings) == 0 {
			r.ok("%s: no lint warning", label)
		}
	}

	// 2. conversion to LLB with the build args: the image config it would produce
	res, err := dockerfile2llb.Dockerfile2LLB(ctx, dt, opt())
	if !r.check(err, "%s: converts to LLB", label) {
		return
	}
	img := res.Image.Config
	if _, ok := img.ExposedPorts[c.exposed]; !ok || len(img.ExposedPorts) != 1 {
		r.fail("%s: EXPOSE %v, want %s", label, keys(img.ExposedPorts), c.exposed)
	}
	for _, e := range c.env {
		if !slices.Contains(img.Env, e) {
			r.fail("%s: image env %v lacks %s", label, img.Env, e)
		}
	}
	if img.User != c.user {
		r.fail("%s: USER %q, want %q", label, img.User, c.user)
	}
	if c.entrypoint != nil && !slices.Equal(img.Entrypoint, c.entrypoint) {
		r.fail("%s: ENTRYPOINT %v, want %v", label, img.Entrypoint, c.entrypoint)
	}
	if c.cmd != nil && !slices.Equal(img.Cmd, c.cmd) {
		r.fail("%s: CMD %v, want %v", label, img.Cmd, c.cmd)
	}
	r.ok("%s: image user=%s expose=%v entrypoint=%v cmd=%v workdir=%s", label, img.User, keys(img.ExposedPorts), img.Entrypoint, img.Cmd, img.WorkingDir)

	def, err := res.State.Marshal(ctx)
	if r.check(err, "%s: LLB marshals", label) {
		for _, line := range describeLLB(def) {
			fmt.Printf("          %s\n", line)
		}
	}

	// 3. build context: the Dockerfile-specific ignore file, then every COPY source
	checkContext(r, root, c, dt)
	// 4. the Go module graph, resolved from exactly the files that context admits
	if c.goBuild {
		checkGoBuild(r, root, c, dt)
	}
}

// describeLLB lists the RUN commands of a definition.
func describeLLB(def *llb.Definition) []string {
	var out []string
	for _, raw := range def.Def {
		var op pb.Op
		if err := op.UnmarshalVT(raw); err != nil {
			out = append(out, "(undecodable op: "+err.Error()+")")
			continue
		}
		if op.GetExec() != nil {
			args := op.GetExec().GetMeta().GetArgs()
			cmd := strings.Join(args, " ")
			if len(args) >= 3 && args[0] == "/bin/sh" && args[1] == "-c" {
				cmd = args[2]
			}
			cmd = strings.Join(strings.Fields(cmd), " ")
			out = append(out, "RUN "+cmd)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// contextFiles lists the files (relative, slash-separated) a build with dockerfile
// receives: the repository filtered by <dockerfile>.dockerignore.
func contextFiles(root, dockerfile string) ([]string, int64, error) {
	f, err := os.Open(filepath.Join(root, dockerfile+".dockerignore"))
	if err != nil {
		return nil, 0, err
	}
	patterns, err := ignorefile.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, 0, err
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		return nil, 0, err
	}
	// the files the builder would receive
	var included []string
	var size int64
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if rel == "." {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() && (rel == ".git" || strings.HasSuffix(rel, "/node_modules") || rel == "node_modules") {
			if m, _ := pm.MatchesOrParentMatches(rel); m {
				return filepath.SkipDir
			}
		}
		if d.IsDir() {
			return nil
		}
		if m, _ := pm.MatchesOrParentMatches(rel); !m {
			included = append(included, rel)
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	return included, size, nil
}

func checkContext(r *report, root string, c dockerfileCase, dt []byte) {
	label := fmt.Sprintf("%s [%s]", c.file, c.what)
	included, size, err := contextFiles(root, c.file)
	if !r.check(err, "%s: reads %s.dockerignore", label, filepath.Base(c.file)) {
		return
	}
	r.ok("%s: context = %d files, %d KiB after the ignore file", label, len(included), size/1024)
	for _, leak := range []string{".git/", "node_modules/", ".env"} {
		for _, f := range included {
			if strings.HasPrefix(f, leak) || strings.Contains(f, "/"+leak) {
				r.fail("%s: context includes %s", label, f)
				break
			}
		}
	}

	// every COPY source (build args expanded) must match something in the context
	ast, err := parser.Parse(strings.NewReader(string(dt)))
	if err != nil {
		r.fail("%s: parse: %v", label, err)
		return
	}
	stages, _, err := instructions.Parse(ast.AST, nil)
	if err != nil {
		r.fail("%s: instructions: %v", label, err)
		return
	}
	var env []string
	for k, v := range c.args {
		env = append(env, k+"="+v)
	}
	lex := shell.NewLex('\\')
	for _, st := range stages {
		for _, cmd := range st.Commands {
			cp, ok := cmd.(*instructions.CopyCommand)
			if !ok || cp.From != "" {
				continue
			}
			for _, src := range cp.SourcePaths {
				word, _, err := lex.ProcessWord(src, shell.EnvsFromSlice(env))
				if err != nil {
					r.fail("%s: COPY %s: %v", label, src, err)
					continue
				}
				word = strings.TrimSuffix(strings.TrimPrefix(path.Clean("/"+word), "/"), "/")
				matched := 0
				for _, f := range included {
					if ok, _ := path.Match(word, f); ok || strings.HasPrefix(f, word+"/") {
						matched++
					}
				}
				wildcard := strings.ContainsAny(word, "*?[")
				switch {
				case matched > 0:
					r.ok("%s: COPY %s -> %d files", label, word, matched)
				case wildcard:
					r.ok("%s: COPY %s -> nothing yet (optional: wildcard)", label, word)
				case slices.Contains(c.generated, word):
					r.warn("%s: COPY %s: not there yet (generated: run make compose); the image build fails until it is", label, word)
				default:
					r.fail("%s: COPY %s matches nothing in the context", label, word)
				}
			}
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
