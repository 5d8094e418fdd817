package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

func checkCompose(r *report, root string, subgraphs []subgraph) *types.Project {
	r.start("docker-compose.yml (compose-go: schema, interpolation, anchors, profiles)")
	file := filepath.Join(root, "deploy", "docker-compose.yml")
	opts, err := cli.NewProjectOptions([]string{file},
		cli.WithWorkingDirectory(filepath.Dir(file)),
		cli.WithProfiles([]string{"seed", "apollo-router"}),
		cli.WithResolvedPaths(true),
		cli.WithInterpolation(true),
		// the defaults of the file, not whatever this shell exports
		cli.WithEnv([]string{}),
	)
	if !r.check(err, "options") {
		return nil
	}
	project, err := opts.LoadProject(context.Background())
	if !r.check(err, "deploy/docker-compose.yml loads and validates against the compose schema") {
		return nil
	}
	r.ok("services: %s", strings.Join(project.ServiceNames(), " "))

	for _, name := range []string{"postgres", "redis", "kafka"} {
		s, err := project.GetService(name)
		if err != nil || s.HealthCheck == nil || len(s.HealthCheck.Test) == 0 {
			r.fail("%s: missing or without healthcheck", name)
		}
	}
	if k, err := project.GetService("kafka"); err == nil {
		if k.Image != "apache/kafka:3.9.1" || !strings.Contains(deref(k.Environment["KAFKA_ADVERTISED_LISTENERS"]), "PLAINTEXT://kafka:9092") ||
			!strings.Contains(deref(k.Environment["KAFKA_PROCESS_ROLES"]), "controller") {
			r.fail("kafka: want apache/kafka:3.9.1, KRaft, advertised kafka:9092")
		} else {
			r.ok("kafka: %s, KRaft (%s), advertised %s", k.Image, deref(k.Environment["KAFKA_PROCESS_ROLES"]), deref(k.Environment["KAFKA_ADVERTISED_LISTENERS"]))
		}
	}

	router, routerErr := project.GetService("router")
	apollo, apolloErr := project.GetService("apollo-router")
	for _, s := range subgraphs {
		var errs []string
		add := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
		svc, err := project.GetService(s.Name)
		if err != nil {
			r.fail("subgraph %s: no service", s.Name)
			continue
		}
		if svc.Build == nil || !strings.HasSuffix(filepath.ToSlash(svc.Build.Dockerfile), "deploy/docker/subgraph.Dockerfile") ||
			filepath.Clean(svc.Build.Context) != root ||
			deref(svc.Build.Args["SUBGRAPH"]) != s.Name || deref(svc.Build.Args["PORT"]) != fmt.Sprint(s.Port) {
			add("build %+v", svc.Build)
		}
		if svc.Image != "purra/"+s.Name+":latest" || svc.PullPolicy != types.PullPolicyNever {
			add("image %s pull_policy %s", svc.Image, svc.PullPolicy)
		}
		env := svc.Environment
		for k, want := range map[string]string{
			"KAFKA_BROKERS": "kafka:9092", "JWKS_URLS": "http://users:3001/.well-known/jwks.json,http://admin:3012/.well-known/jwks.json",
			"JWT_ISSUERS": "purra-users,purra-admin", "REDIS_URL": "redis://redis:6379/0",
		} {
			if deref(env[k]) != want {
				add("%s=%q, want %q", k, deref(env[k]), want)
			}
		}
		// its own role on its own database (deploy/postgres/init-databases.sh)
		if !strings.HasPrefix(deref(env["POSTGRES_URL"]), "postgres://"+s.Name+":") ||
			!strings.Contains(deref(env["POSTGRES_URL"]), "@postgres:5432/purra_"+strings.ReplaceAll(s.Name, "-", "_")+"?") {
			add("POSTGRES_URL %q is not role %s on database purra_%s", deref(env["POSTGRES_URL"]), s.Name, s.Name)
		}
		for _, dep := range []string{"postgres", "redis", "kafka"} {
			if svc.DependsOn[dep].Condition != types.ServiceConditionHealthy {
				add("depends_on %s is not service_healthy", dep)
			}
		}
		if !svc.ReadOnly || !slices.Contains(svc.CapDrop, "ALL") {
			add("not read-only or keeps capabilities")
		}
		seed, err := project.GetService("seed-" + s.Name)
		if err != nil {
			add("no seed-%s", s.Name)
		} else if seed.Image != svc.Image || !slices.Equal(seed.Command, types.ShellCommand{"seed"}) || !slices.Contains(seed.Profiles, "seed") || seed.Restart != "no" {
			add("seed-%s: image %s command %v profiles %v restart %s", s.Name, seed.Image, seed.Command, seed.Profiles, seed.Restart)
		}
		want := fmt.Sprintf("http://%s:%d%s", s.Name, s.Port, s.Path)
		if routerErr != nil || deref(router.Environment[s.Env]) != want {
			add("router %s is not %s", s.Env, want)
		}
		if routerErr == nil {
			if _, ok := router.DependsOn[s.Name]; !ok {
				add("router does not depend on %s", s.Name)
			}
		}
		if apolloErr != nil || deref(apollo.Environment[s.Env]) != want {
			add("apollo-router %s is not %s", s.Env, want)
		}
		if len(errs) > 0 {
			r.fail("subgraph %s: %s", s.Name, strings.Join(errs, "; "))
		} else {
			r.ok("subgraph %s: build args SUBGRAPH=%s PORT=%d, env, healthy infra, seed-%s, router %s=%s", s.Name, s.Name, s.Port, s.Name, s.Env, want)
		}
	}
	if routerErr == nil {
		ok := router.Build != nil && strings.HasSuffix(filepath.ToSlash(router.Build.Dockerfile), "deploy/docker/router.Dockerfile") &&
			len(router.Ports) == 1 && router.Ports[0].Target == 4000 && router.Ports[0].Published == "4000" && router.HealthCheck != nil
		if ok {
			r.ok("router: built from router.Dockerfile, published on 4000, healthcheck on /readiness")
		} else {
			r.fail("router: build %+v ports %+v", router.Build, router.Ports)
		}
	}
	return project
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
