package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	corev1 "k8s.io/api/core/v1"
)

// checkEnv: every variable the code of a subgraph needs (codeEnv.go) is set, and not to
// a loopback address, in its compose service and in its Deployment of every overlay.
func checkEnv(r *report, root string, subgraphs []subgraph, project *types.Project, rendered map[string]objects) {
	r.start("environment: what each subgraph's code reads without a usable default, set wherever it is deployed")
	relRoot = root
	for _, s := range subgraphs {
		code, err := deriveEnv(root, s.Name)
		if !r.check(err, "%s: code read", s.Name) {
			continue
		}
		names := make([]string, 0, len(code.Needs))
		for _, n := range code.Needs {
			names = append(names, n.Name)
		}
		r.ok("%s: calls [%s]; needs %s", s.Name, strings.Join(code.Calls, " "), strings.Join(names, " "))

		if project != nil {
			if svc, err := project.GetService(s.Name); err == nil {
				env := map[string]string{}
				for k, v := range svc.Environment {
					env[k] = deref(v)
				}
				checkEnvSet(r, "docker-compose.yml service "+s.Name, code.Needs, func(k string) (string, bool) {
					v, ok := env[k]
					return v, ok && v != ""
				})
			}
		}
		for dir, objs := range rendered {
			if dir == "deploy/k8s/base" {
				continue // not deployable alone
			}
			d := objs.deployments[s.Name]
			if d == nil || len(d.Spec.Template.Spec.Containers) == 0 {
				continue // reported by the Kubernetes section
			}
			c := d.Spec.Template.Spec.Containers[0]
			checkEnvSet(r, dir+" Deployment "+s.Name, code.Needs, func(k string) (string, bool) { return k8sEnv(objs, c, k) })
		}
	}
}

func checkEnvSet(r *report, where string, needs []envNeed, lookup func(string) (string, bool)) {
	var missing []string
	for _, n := range needs {
		v, ok := lookup(n.Name)
		switch {
		case !ok:
			missing = append(missing, fmt.Sprintf("%s is not set (%s)", n.Name, n.Why))
		case isLoopback(v):
			missing = append(missing, fmt.Sprintf("%s=%s points at the container itself", n.Name, v))
		}
	}
	if len(missing) > 0 {
		r.fail("%s: %s", where, strings.Join(missing, "; "))
	} else {
		r.ok("%s: all %d set", where, len(needs))
	}
}

// k8sEnv resolves variable k of container c as the kubelet would: env entries (last
// wins) over envFrom sources. A secretKeyRef to a Secret that is not in the output (a
// production Secret from the secret store) counts as set: its value is unknown here.
func k8sEnv(o objects, c corev1.Container, k string) (string, bool) {
	for _, e := range slices.Backward(c.Env) {
		if e.Name != k {
			continue
		}
		switch {
		case e.ValueFrom == nil:
			return e.Value, e.Value != ""
		case e.ValueFrom.SecretKeyRef != nil:
			ref := e.ValueFrom.SecretKeyRef
			sec := o.secrets[trimHash(ref.Name)]
			if sec == nil {
				return "<secret " + ref.Name + ">", true
			}
			v := secretValue(sec, ref.Key)
			return v, v != ""
		case e.ValueFrom.ConfigMapKeyRef != nil:
			cm := o.configMaps[trimHash(e.ValueFrom.ConfigMapKeyRef.Name)]
			if cm == nil {
				return "", false
			}
			v := cm.Data[e.ValueFrom.ConfigMapKeyRef.Key]
			return v, v != ""
		default:
			return "<field>", true
		}
	}
	for _, from := range slices.Backward(c.EnvFrom) {
		switch {
		case from.ConfigMapRef != nil:
			if cm := o.configMaps[trimHash(from.ConfigMapRef.Name)]; cm != nil {
				if v, ok := cm.Data[from.Prefix+k]; ok {
					return v, v != ""
				}
			}
		case from.SecretRef != nil:
			if sec := o.secrets[trimHash(from.SecretRef.Name)]; sec != nil {
				if v := secretValue(sec, k); v != "" {
					return v, true
				}
			}
		}
	}
	return "", false
}

func secretValue(s *corev1.Secret, k string) string {
	if v, ok := s.StringData[k]; ok {
		return v
	}
	return string(s.Data[k])
}
