package main

import (
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// checkGoBuild replays the Go builder stage of a Dockerfile on a scratch directory that
// holds only what the build context admits: WORKDIR, ENV and every COPY from the context
// in order, then each RUN's go command — `go mod download` as written, `go build` as
// `go list -deps` (resolving every package and module without compiling). A replace
// directive pointing outside the context (notifications' ../../tools) or a package the
// context lacks fails here as it would in `docker build`.
func checkGoBuild(r *report, root string, c dockerfileCase, dt []byte) {
	label := fmt.Sprintf("%s [%s]", c.file, c.what)
	if err := replayGoStage(root, c, dt); err != nil {
		r.fail("%s: Go module graph from the build context: %v", label, err)
		return
	}
	r.ok("%s: go mod download and every package of the build resolve from the context alone", label)
}

func replayGoStage(root string, c dockerfileCase, dt []byte) error {
	files, _, err := contextFiles(root, c.file)
	if err != nil {
		return err
	}
	ast, err := parser.Parse(strings.NewReader(string(dt)))
	if err != nil {
		return err
	}
	stages, metaArgs, err := instructions.Parse(ast.AST, nil)
	if err != nil {
		return err
	}
	vars := map[string]string{}
	for _, m := range metaArgs {
		for _, a := range m.Args {
			if a.Value != nil {
				vars[a.Key] = *a.Value
			}
		}
	}
	for k, v := range c.args {
		vars[k] = v
	}
	var stage *instructions.Stage
	for i := range stages {
		if strings.Contains(stages[i].BaseName, "golang") {
			stage = &stages[i]
			break
		}
	}
	if stage == nil {
		return fmt.Errorf("no golang builder stage")
	}
	scratch, err := os.MkdirTemp("", "purra-buildctx-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	lex := shell.NewLex('\\')
	expand := func(w string) (string, error) {
		var env []string
		for k, v := range vars {
			env = append(env, k+"="+v)
		}
		out, _, err := lex.ProcessWord(w, shell.EnvsFromSlice(env))
		return out, err
	}
	workdir := "/"
	env := []string{"GOWORK=off", "GOFLAGS=-mod=readonly"}
	ran := 0
	for _, cmd := range stage.Commands {
		switch x := cmd.(type) {
		case *instructions.ArgCommand:
			for _, a := range x.Args {
				if _, set := vars[a.Key]; !set && a.Value != nil {
					vars[a.Key] = *a.Value
				}
			}
		case *instructions.EnvCommand:
			for _, kv := range x.Env {
				v, err := expand(kv.Value)
				if err != nil {
					return err
				}
				vars[kv.Key] = v
				if kv.Key != "GOTOOLCHAIN" { // the image pins its Go; here the host's runs
					env = append(env, kv.Key+"="+v)
				}
			}
		case *instructions.WorkdirCommand:
			w, err := expand(x.Path)
			if err != nil {
				return err
			}
			workdir = path.Join(workdir, w)
		case *instructions.CopyCommand:
			if x.From != "" {
				continue
			}
			dest, err := expand(x.DestPath)
			if err != nil {
				return err
			}
			if !path.IsAbs(dest) {
				dest = path.Join(workdir, dest) + map[bool]string{true: "/"}[strings.HasSuffix(x.DestPath, "/")]
			}
			for _, src := range x.SourcePaths {
				w, err := expand(src)
				if err != nil {
					return err
				}
				if err := copyFromContext(root, scratch, files, w, dest, len(x.SourcePaths) > 1); err != nil {
					return err
				}
			}
		case *instructions.RunCommand:
			line := strings.Join(x.CmdLine, " ")
			var args []string
			switch {
			case strings.Contains(line, "go mod download"):
				args = []string{"mod", "download"}
			case strings.Contains(line, "go build"):
				// the package argument of go build, e.g. ./cmd/${SUBGRAPH}
				pkg := ""
				for _, f := range strings.Fields(line) {
					if strings.HasPrefix(f, "./") {
						pkg = f
					}
				}
				p, err := expand(pkg)
				if err != nil || p == "" {
					return fmt.Errorf("go build without a ./package argument: %s", line)
				}
				args = []string{"list", "-deps", "-f", "{{with .Error}}{{.}}{{end}}{{range .DepsErrors}}{{.}}{{end}}", p}
			default:
				continue
			}
			cmd := exec.Command("go", args...)
			cmd.Dir = filepath.Join(scratch, filepath.FromSlash(workdir))
			cmd.Env = append(os.Environ(), env...)
			out, err := cmd.CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != "" && args[0] == "list" {
				return fmt.Errorf("RUN go %s (in %s): %v\n%s", strings.Join(args[:2], " "), workdir, err, strings.TrimSpace(string(out)))
			}
			ran++
		}
	}
	if ran == 0 {
		return fmt.Errorf("the builder stage runs no go command")
	}
	return nil
}

// copyFromContext copies what `COPY src dest` takes from the context into scratch.
func copyFromContext(root, scratch string, files []string, src, dest string, many bool) error {
	src = strings.TrimSuffix(strings.TrimPrefix(path.Clean("/"+src), "/"), "/")
	n := 0
	for _, f := range files {
		var target string
		if ok, _ := path.Match(src, f); ok {
			if strings.HasSuffix(dest, "/") || many {
				target = path.Join(dest, path.Base(f))
			} else {
				target = dest
			}
		} else if strings.HasPrefix(f, src+"/") {
			target = path.Join(dest, strings.TrimPrefix(f, src+"/"))
		} else {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			return err
		}
		out := filepath.Join(scratch, filepath.FromSlash(target))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return err
		}
		n++
	}
	if n == 0 && !strings.ContainsAny(src, "*?[") {
		return fmt.Errorf("COPY %s: nothing in the context", src)
	}
	return nil
}
