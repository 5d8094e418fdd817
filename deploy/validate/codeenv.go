package main

// What each subgraph reads from its environment, derived from its code, so that a
// variable added there is checked in every deployment without editing this validator:
//
//   - <NAME>_SUBGRAPH_URL for every subgraph it calls: the second argument of
//     config.SubgraphURL(getenv, "<name>"), or of a helper closure/func wrapping it,
//     e.g. c := func(name string) *subgraph.Client { ...SubgraphURL(getenv, name) }; c("cart");
//     the argument of service.Deps.Subgraph("<name>") (which wraps SubgraphURL); and the
//     literals passed to a parameter of type func(string) *subgraph.Client (or a local
//     alias of it), as in remote.New(d.Subgraph) → c := client; c("cart");
//   - every `env:"NAME"` struct tag in its module and in platform/ whose value has no
//     usable default in a container: no envDefault and the option required/notEmpty,
//     or an envDefault pointing at the loopback interface (127.0.0.1, localhost, ::1),
//     which inside a container is the container itself; and every one tagged
//     `deploy:"required"` (optional on a laptop, where `make run` provisions it, but
//     needed wherever a subgraph is deployed, e.g. SERVICE_TOKEN_KEY);
//   - the variables a platform function reads through getenv when the subgraph's code
//     calls it (envReaders, e.g. auth.KeyEncryptionFromEnv in users and admin).

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// envNeed is one variable a subgraph needs set where it is deployed.
type envNeed struct {
	Name string
	Why  string // file:line and reason
}

// codeEnv is what the code of one subgraph needs.
type codeEnv struct {
	Calls []string  // subgraphs it calls
	Needs []envNeed // variables with no usable default
}

var loopback = []string{"127.0.0.1", "localhost", "[::1]", "::1"}

func isLoopback(v string) bool {
	for _, l := range loopback {
		if strings.Contains(v, l) {
			return true
		}
	}
	return false
}

// deriveEnv reads subgraphs/<name> and platform/ (non-test Go files).
func deriveEnv(root, name string) (codeEnv, error) {
	var out codeEnv
	seen := map[string]bool{}
	need := func(n envNeed) {
		if !seen[n.Name] {
			seen[n.Name] = true
			out.Needs = append(out.Needs, n)
		}
	}
	for _, dir := range []string{filepath.Join(root, "subgraphs", name), filepath.Join(root, "platform")} {
		files, err := parseDir(dir)
		if err != nil {
			return out, err
		}
		for _, f := range files {
			if filepath.Base(filepath.Dir(f.path)) == "servicetest" {
				continue // test harness, never deployed
			}
			for _, n := range envTags(f) {
				need(n)
			}
			if strings.HasPrefix(f.path, filepath.Join(root, "subgraphs")) {
				for _, n := range readerCalls(f) {
					need(n)
				}
				calls, err := subgraphCalls(f)
				if err != nil {
					return out, err
				}
				out.Calls = append(out.Calls, calls...)
			}
		}
	}
	slices.Sort(out.Calls)
	out.Calls = slices.Compact(out.Calls)
	for _, c := range out.Calls {
		need(envNeed{Name: envKey(c) + "_SUBGRAPH_URL", Why: name + " calls " + c + " (config.SubgraphURL; default 127.0.0.1)"})
	}
	return out, nil
}

func envKey(name string) string {
	return strings.ToUpper(strings.NewReplacer("-", "_").Replace(name))
}

type goFile struct {
	path string
	fset *token.FileSet
	file *ast.File
}

func parseDir(dir string) ([]goFile, error) {
	var out []goFile
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		out = append(out, goFile{path: p, fset: fset, file: f})
		return nil
	})
	return out, err
}

// envTags returns the variables of `env:"…"` tags without a usable default.
func envTags(f goFile) []envNeed {
	var out []envNeed
	ast.Inspect(f.file, func(n ast.Node) bool {
		field, ok := n.(*ast.Field)
		if !ok || field.Tag == nil {
			return true
		}
		raw, err := strconv.Unquote(field.Tag.Value)
		if err != nil {
			return true
		}
		tag := reflect.StructTag(raw)
		spec, ok := tag.Lookup("env")
		if !ok || spec == "" {
			return true
		}
		parts := strings.Split(spec, ",")
		key, opts := parts[0], parts[1:]
		def, hasDefault := tag.Lookup("envDefault")
		where := fmt.Sprintf("%s:%d", rel(f.path), f.fset.Position(field.Pos()).Line)
		switch {
		case tag.Get("deploy") == "required":
			out = append(out, envNeed{Name: key, Why: where + ": required wherever it is deployed"})
		case !hasDefault && (slices.Contains(opts, "required") || slices.Contains(opts, "notEmpty")):
			out = append(out, envNeed{Name: key, Why: where + ": required, no default"})
		case hasDefault && isLoopback(def):
			out = append(out, envNeed{Name: key, Why: where + ": default " + def + " is the container itself"})
		}
		return true
	})
	return out
}

// subgraphCalls finds the subgraphs named by config.SubgraphURL calls in f.
func subgraphCalls(f goFile) ([]string, error) {
	var out []string
	var problems []string
	// every function body, so a parameter can be traced to the calls of its function
	ast.Inspect(f.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !isSubgraphURL(call.Fun) || len(call.Args) != 2 {
			return true
		}
		switch arg := call.Args[1].(type) {
		case *ast.BasicLit:
			if s, err := strconv.Unquote(arg.Value); err == nil {
				out = append(out, s)
				return true
			}
		case *ast.Ident:
			names, ok := resolveParam(f.file, call, arg.Name)
			if ok {
				out = append(out, names...)
				return true
			}
		}
		problems = append(problems, fmt.Sprintf("%s:%d", rel(f.path), f.fset.Position(call.Pos()).Line))
		return true
	})
	out = append(out, clientFactoryCalls(f.file)...)
	if len(problems) > 0 {
		return nil, fmt.Errorf("cannot tell which subgraph config.SubgraphURL names at %s: pass a string literal, or a parameter of a helper called with literals", strings.Join(problems, ", "))
	}
	return out, nil
}

func isSubgraphURL(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		return f.Sel.Name == "SubgraphURL"
	case *ast.Ident:
		return f.Name == "SubgraphURL"
	}
	return false
}

// resolveParam: the call sits in a function (literal assigned to a variable, or a
// declared function) whose parameter `param` it passes on; return the string literals
// that function is called with at that parameter's position.
func resolveParam(file *ast.File, call *ast.CallExpr, param string) ([]string, bool) {
	var fnName string
	var index = -1
	ast.Inspect(file, func(n ast.Node) bool {
		if index >= 0 {
			return false
		}
		var ftype *ast.FuncType
		var body ast.Node
		var name string
		switch x := n.(type) {
		case *ast.AssignStmt:
			if len(x.Lhs) == 1 && len(x.Rhs) == 1 {
				if lit, ok := x.Rhs[0].(*ast.FuncLit); ok {
					if id, ok := x.Lhs[0].(*ast.Ident); ok {
						ftype, body, name = lit.Type, lit.Body, id.Name
					}
				}
			}
		case *ast.FuncDecl:
			ftype, body, name = x.Type, x.Body, x.Name.Name
		}
		if ftype == nil || body == nil || call.Pos() < body.Pos() || call.End() > body.End() {
			return true
		}
		i := 0
		for _, fl := range ftype.Params.List {
			for _, id := range fl.Names {
				if id.Name == param {
					fnName, index = name, i
				}
				i++
			}
		}
		return true
	})
	if index < 0 {
		return nil, false
	}
	var out []string
	ok := true
	ast.Inspect(file, func(n ast.Node) bool {
		c, isCall := n.(*ast.CallExpr)
		if !isCall {
			return true
		}
		id, isIdent := c.Fun.(*ast.Ident)
		if !isIdent || id.Name != fnName || index >= len(c.Args) {
			return true
		}
		lit, isLit := c.Args[index].(*ast.BasicLit)
		if !isLit {
			ok = false
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			ok = false
			return true
		}
		out = append(out, s)
		return true
	})
	return out, ok && len(out) > 0
}

var relRoot string

func rel(p string) string {
	if r, err := filepath.Rel(relRoot, p); err == nil {
		return r
	}
	return p
}

// clientFactoryCalls finds the subgraphs named through service.Deps.Subgraph:
// d.Subgraph("catalog") directly, or the method value d.Subgraph kept in a
// local variable or passed as a parameter of type func(string)
// *subgraph.Client, then called (itself or through an alias) with literals.
func clientFactoryCalls(file *ast.File) []string {
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Subgraph" && len(x.Args) == 1 {
				if lit, ok := x.Args[0].(*ast.BasicLit); ok {
					if v, err := strconv.Unquote(lit.Value); err == nil {
						out = append(out, v)
					}
				}
			}
		case *ast.FuncDecl:
			if x.Body == nil {
				return true
			}
			factories := map[string]bool{}
			for _, fl := range x.Type.Params.List {
				if isClientFactory(fl.Type) {
					for _, id := range fl.Names {
						factories[id.Name] = true
					}
				}
			}
			ast.Inspect(x.Body, func(n ast.Node) bool {
				switch y := n.(type) {
				case *ast.AssignStmt: // c := client, client := d.Subgraph
					if len(y.Lhs) == 1 && len(y.Rhs) == 1 {
						if l, ok := y.Lhs[0].(*ast.Ident); ok {
							switch r := y.Rhs[0].(type) {
							case *ast.Ident:
								factories[l.Name] = factories[l.Name] || factories[r.Name]
							case *ast.SelectorExpr:
								factories[l.Name] = factories[l.Name] || r.Sel.Name == "Subgraph"
							}
						}
					}
				case *ast.CallExpr:
					if id, ok := y.Fun.(*ast.Ident); ok && factories[id.Name] && len(y.Args) == 1 {
						if lit, ok := y.Args[0].(*ast.BasicLit); ok {
							if v, err := strconv.Unquote(lit.Value); err == nil {
								out = append(out, v)
							}
						}
					}
				}
				return true
			})
		}
		return true
	})
	return out
}

// isClientFactory: func(string) *subgraph.Client.
func isClientFactory(t ast.Expr) bool {
	ft, ok := t.(*ast.FuncType)
	if !ok || ft.Results == nil || len(ft.Results.List) != 1 {
		return false
	}
	star, ok := ft.Results.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Client"
}

// envReaders: platform functions that read required variables through the getenv
// they are given, outside the config structs (their own packages own the variable).
var envReaders = map[string][]string{
	// platform/auth/keycrypt.go: the issuers' signing keys are encrypted at rest
	"KeyEncryptionFromEnv": {"SIGNING_KEY_ENCRYPTION_KEY"},
}

// readerCalls returns the variables of the envReaders f calls.
func readerCalls(f goFile) []envNeed {
	var out []envNeed
	ast.Inspect(f.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		for _, v := range envReaders[sel.Sel.Name] {
			out = append(out, envNeed{Name: v, Why: fmt.Sprintf("%s:%d: %s requires it", rel(f.path), f.fset.Position(call.Pos()).Line, sel.Sel.Name)})
		}
		return true
	})
	return out
}
