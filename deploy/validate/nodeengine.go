package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

var (
	nodeImageRE = regexp.MustCompile(`(?m)^FROM\s+node:(\d+)`)
	engineMinRE = regexp.MustCompile(`>=\s*v?(\d+)(?:\.(\d+))?`)
)

// checkNodeEngine: the router image's Node major satisfies the lowest version every
// package of router/package-lock.json accepts (its "engines.node" >= bounds), so the
// image never runs packages on a Node they refuse.
func checkNodeEngine(r *report, root string) {
	r.start("router image: Node version against router/package-lock.json engines")
	dt, err := os.ReadFile(filepath.Join(root, "deploy/docker/router.Dockerfile"))
	if !r.check(err, "read router.Dockerfile") {
		return
	}
	var lock struct {
		Packages map[string]struct {
			Engines json.RawMessage `json:"engines"`
		} `json:"packages"`
	}
	data, err := os.ReadFile(filepath.Join(root, "router/package-lock.json"))
	if !r.check(err, "read router/package-lock.json") || !r.check(json.Unmarshal(data, &lock), "parse router/package-lock.json") {
		return
	}
	wantMajor, wantMinor, by := 0, 0, ""
	for name, p := range lock.Packages {
		var eng struct{ Node string }
		if json.Unmarshal(p.Engines, &eng) != nil {
			continue
		}
		m := engineMinRE.FindStringSubmatch(eng.Node)
		if m == nil {
			continue
		}
		major, _ := strconv.Atoi(m[1])
		minor, _ := strconv.Atoi(m[2])
		if major > wantMajor || major == wantMajor && minor > wantMinor {
			wantMajor, wantMinor, by = major, minor, fmt.Sprintf("%s (%s)", name, eng.Node)
		}
	}
	for _, m := range nodeImageRE.FindAllStringSubmatch(string(dt), -1) {
		major, _ := strconv.Atoi(m[1])
		// a major release above the bound has every minor of it
		if major < wantMajor {
			r.fail("router.Dockerfile FROM node:%d, but %s needs Node >= %d.%d", major, by, wantMajor, wantMinor)
			return
		}
	}
	r.ok("node image satisfies the strictest engines bound, %s", by)
}
