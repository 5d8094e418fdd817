package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
)

type objects struct {
	deployments map[string]*appsv1.Deployment
	services    map[string]*corev1.Service
	pdbs        map[string]*policyv1.PodDisruptionBudget
	hpas        map[string]*autoscalingv2.HorizontalPodAutoscaler
	configMaps  map[string]*corev1.ConfigMap // by name without the hash suffix
	secrets     map[string]*corev1.Secret
	namespaces  map[string]*corev1.Namespace
	ingresses   map[string]*networkingv1.Ingress
	netpols     map[string]*networkingv1.NetworkPolicy
}

// placeholder: the component's SUBGRAPH, not part of a name like CART_SUBGRAPH_URL
var placeholderRE = regexp.MustCompile(`(^|[^A-Z_])SUBGRAPH([^A-Z_]|$)`)

func checkKubernetes(r *report, root string, subgraphs []subgraph) map[string]objects {
	rendered := map[string]objects{}
	scheme := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{corev1.AddToScheme, appsv1.AddToScheme, policyv1.AddToScheme, autoscalingv2.AddToScheme, networkingv1.AddToScheme} {
		if err := add(scheme); err != nil {
			panic(err)
		}
	}
	// strict: unknown fields, duplicate fields and wrong types are errors
	decoder := json.NewSerializerWithOptions(json.DefaultMetaFactory, scheme, scheme, json.SerializerOptions{Yaml: true, Strict: true})

	dirs := []string{"deploy/k8s/base"}
	overlays, _ := filepath.Glob(filepath.Join(root, "deploy/k8s/overlays/*"))
	for _, o := range overlays {
		rel, _ := filepath.Rel(root, o)
		dirs = append(dirs, rel)
	}
	for _, dir := range dirs {
		r.start("Kubernetes: kustomize build " + dir + " (krusty), strict decoding into API types")
		opts := krusty.MakeDefaultOptions()
		resMap, err := krusty.MakeKustomizer(opts).Run(filesys.MakeFsOnDisk(), filepath.Join(root, dir))
		if !r.check(err, "%s builds", dir) {
			continue
		}
		objs := objects{
			deployments: map[string]*appsv1.Deployment{}, services: map[string]*corev1.Service{},
			pdbs: map[string]*policyv1.PodDisruptionBudget{}, hpas: map[string]*autoscalingv2.HorizontalPodAutoscaler{},
			configMaps: map[string]*corev1.ConfigMap{}, secrets: map[string]*corev1.Secret{}, namespaces: map[string]*corev1.Namespace{},
			ingresses: map[string]*networkingv1.Ingress{}, netpols: map[string]*networkingv1.NetworkPolicy{},
		}
		decoded := 0
		for _, res := range resMap.Resources() {
			y, err := res.AsYAML()
			if err != nil {
				r.fail("%s: %s: %v", dir, res.CurId(), err)
				continue
			}
			if placeholderRE.Match(y) {
				r.fail("%s: %s still contains the placeholder SUBGRAPH", dir, res.CurId())
			}
			obj, gvk, err := decoder.Decode(y, nil, nil)
			if err != nil {
				r.fail("%s: %s: %v", dir, res.CurId(), err)
				continue
			}
			decoded++
			if ns := res.GetNamespace(); gvk.Kind != "Namespace" && ns != "purra" {
				r.fail("%s: %s/%s in namespace %q, want purra", dir, gvk.Kind, res.GetName(), ns)
			}
			switch o := obj.(type) {
			case *appsv1.Deployment:
				objs.deployments[o.Name] = o
			case *corev1.Service:
				objs.services[o.Name] = o
			case *policyv1.PodDisruptionBudget:
				objs.pdbs[o.Name] = o
			case *autoscalingv2.HorizontalPodAutoscaler:
				objs.hpas[o.Name] = o
			case *corev1.ConfigMap:
				objs.configMaps[trimHash(o.Name)] = o
			case *corev1.Secret:
				objs.secrets[trimHash(o.Name)] = o
			case *corev1.Namespace:
				objs.namespaces[o.Name] = o
			case *networkingv1.Ingress:
				objs.ingresses[o.Name] = o
			case *networkingv1.NetworkPolicy:
				objs.netpols[o.Name] = o
			}
		}
		r.ok("%s: %d objects decoded strictly (%d Deployments, %d Services, %d PDBs, %d HPAs)",
			dir, decoded, len(objs.deployments), len(objs.services), len(objs.pdbs), len(objs.hpas))
		checkObjects(r, dir, objs, subgraphs, dir != "deploy/k8s/base")
		rendered[dir] = objs
	}
	return rendered
}

// kustomize's name suffix: 10 characters of its hash alphabet (no vowels, no 0/1/3)
var hashSuffixRE = regexp.MustCompile(`-[bcdfghkmt245-9]{10}$`)

func trimHash(name string) string {
	return hashSuffixRE.ReplaceAllString(name, "")
}

func checkObjects(r *report, dir string, o objects, subgraphs []subgraph, overlay bool) {
	if _, ok := o.namespaces["purra"]; !ok {
		r.fail("%s: no Namespace purra", dir)
	}
	for _, s := range subgraphs {
		d := o.deployments[s.Name]
		if d == nil {
			r.fail("%s: no Deployment %s", dir, s.Name)
			continue
		}
		var errs []string
		add := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
		pod := d.Spec.Template
		podLabels := labels.Set(pod.Labels)
		if sel := labels.SelectorFromSet(d.Spec.Selector.MatchLabels); !sel.Matches(podLabels) || pod.Labels["app.kubernetes.io/name"] != s.Name {
			add("selector %v does not select its pods %v", d.Spec.Selector.MatchLabels, pod.Labels)
		}
		if len(pod.Spec.Containers) != 1 {
			add("%d containers", len(pod.Spec.Containers))
			r.fail("%s: Deployment %s: %s", dir, s.Name, strings.Join(errs, "; "))
			continue
		}
		c := pod.Spec.Containers[0]
		if c.Image != "purra/"+s.Name {
			add("image %s", c.Image)
		}
		if len(c.Ports) != 1 || c.Ports[0].ContainerPort != int32(s.Port) || c.Ports[0].Name != "http" {
			add("ports %v, want http:%d", c.Ports, s.Port)
		}
		env := map[string]corev1.EnvVar{}
		for _, e := range c.Env {
			env[e.Name] = e
		}
		if env["HTTP_ADDR"].Value != fmt.Sprintf(":%d", s.Port) {
			add("HTTP_ADDR %q", env["HTTP_ADDR"].Value)
		}
		dbSecret := "purra-db-" + s.Name
		if ref := env["POSTGRES_URL"].ValueFrom; ref == nil || ref.SecretKeyRef == nil || trimHash(ref.SecretKeyRef.Name) != dbSecret || ref.SecretKeyRef.Key != "POSTGRES_URL" {
			add("POSTGRES_URL is not read from the Secret %s", dbSecret)
		} else if sec := o.secrets[dbSecret]; sec != nil && sec.Name != ref.SecretKeyRef.Name {
			add("Secret %s is not the generated %s", ref.SecretKeyRef.Name, sec.Name)
		}
		if len(c.EnvFrom) < 1 || c.EnvFrom[0].ConfigMapRef == nil || o.configMaps[trimHash(c.EnvFrom[0].ConfigMapRef.Name)] == nil ||
			o.configMaps[trimHash(c.EnvFrom[0].ConfigMapRef.Name)].Name != c.EnvFrom[0].ConfigMapRef.Name {
			add("envFrom does not name the generated ConfigMap subgraph-env")
		} else {
			cm := o.configMaps["subgraph-env"]
			for _, k := range []string{"REDIS_URL", "KAFKA_BROKERS", "JWKS_URLS", "JWT_ISSUERS"} {
				if cm.Data[k] == "" {
					add("subgraph-env lacks %s", k)
				}
			}
		}
		probe := func(p *corev1.Probe, path string) bool {
			return p != nil && p.HTTPGet != nil && p.HTTPGet.Path == path && p.HTTPGet.Port.StrVal == "http"
		}
		if !probe(c.ReadinessProbe, "/readyz") || !probe(c.LivenessProbe, "/healthz") || !probe(c.StartupProbe, "/healthz") {
			add("probes are not readiness /readyz, liveness and startup /healthz on port http")
		}
		if !quantity(c.Resources.Requests, corev1.ResourceMemory, "64Mi") || !quantity(c.Resources.Limits, corev1.ResourceMemory, "128Mi") || c.Resources.Requests.Cpu().IsZero() {
			add("resources %v", c.Resources)
		}
		psc, csc := pod.Spec.SecurityContext, c.SecurityContext
		if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || csc == nil || csc.ReadOnlyRootFilesystem == nil || !*csc.ReadOnlyRootFilesystem ||
			csc.AllowPrivilegeEscalation == nil || *csc.AllowPrivilegeEscalation || csc.Capabilities == nil || !slices.Contains(csc.Capabilities.Drop, "ALL") {
			add("security context is not non-root, read-only, no privilege escalation, no capabilities")
		}
		a := pod.Annotations
		if a["prometheus.io/scrape"] != "true" || a["prometheus.io/path"] != "/metrics" || a["prometheus.io/port"] != fmt.Sprint(s.Port) {
			add("Prometheus annotations %v", a)
		}
		svc := o.services[s.Name]
		if svc == nil {
			add("no Service")
		} else if !labels.SelectorFromSet(svc.Spec.Selector).Matches(podLabels) || len(svc.Spec.Ports) != 1 ||
			svc.Spec.Ports[0].Port != int32(s.Port) || svc.Spec.Ports[0].TargetPort.StrVal != "http" {
			add("Service %v selects %v", svc.Spec.Ports, svc.Spec.Selector)
		}
		pdb := o.pdbs[s.Name]
		if pdb == nil {
			add("no PodDisruptionBudget")
		} else if sel, err := metaSelector(pdb); err != nil || !sel.Matches(podLabels) {
			add("PodDisruptionBudget does not select the pods")
		}
		if len(errs) > 0 {
			r.fail("%s: subgraph %s: %s", dir, s.Name, strings.Join(errs, "; "))
		} else {
			r.ok("%s: subgraph %s: Deployment (%d replicas) + Service :%d + PDB, probes, resources, security, Secret, scrape annotations",
				dir, s.Name, ptrOr(d.Spec.Replicas, 1), s.Port)
		}
	}

	// the router
	d := o.deployments["router"]
	if d == nil {
		r.fail("%s: no Deployment router", dir)
		return
	}
	var errs []string
	add := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	if d.Spec.Replicas != nil {
		add("replicas set (the HPA owns the count)")
	}
	c := d.Spec.Template.Spec.Containers[0]
	cm := o.configMaps["router-env"]
	if len(c.EnvFrom) != 1 || c.EnvFrom[0].ConfigMapRef == nil || cm == nil || cm.Name != c.EnvFrom[0].ConfigMapRef.Name {
		add("envFrom does not name the generated ConfigMap router-env")
	} else {
		for _, s := range subgraphs {
			want := fmt.Sprintf("http://%s:%d%s", s.Name, s.Port, s.Path)
			if cm.Data[s.Env] != want {
				add("router-env %s=%q, want %q", s.Env, cm.Data[s.Env], want)
			}
		}
	}
	if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet == nil || c.ReadinessProbe.HTTPGet.Path != "/readiness" {
		add("readiness probe is not /readiness")
	}
	if c.Resources.Requests.Cpu().IsZero() {
		add("no CPU request: the HPA has nothing to compare against")
	}
	if sc := c.SecurityContext; sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
		add("root filesystem is writable")
	}
	hpa := o.hpas["router"]
	if hpa == nil || hpa.Spec.ScaleTargetRef.Kind != "Deployment" || hpa.Spec.ScaleTargetRef.Name != "router" ||
		len(hpa.Spec.Metrics) == 0 || hpa.Spec.Metrics[0].Resource == nil || hpa.Spec.Metrics[0].Resource.Name != corev1.ResourceCPU {
		add("no CPU HorizontalPodAutoscaler on Deployment router")
	} else if hpa.Spec.MinReplicas == nil || *hpa.Spec.MinReplicas > hpa.Spec.MaxReplicas {
		add("HPA replicas %v..%d", hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas)
	}
	if o.services["router"] == nil || o.pdbs["router"] == nil {
		add("no Service or PDB")
	}
	if len(errs) > 0 {
		r.fail("%s: router: %s", dir, strings.Join(errs, "; "))
	} else {
		r.ok("%s: router: Deployment + Service + PDB + HPA (%d..%d on CPU), %d subgraph URL overrides",
			dir, *hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas, len(subgraphs))
	}
	if overlay {
		for name, dep := range o.deployments {
			for _, c := range dep.Spec.Template.Spec.Containers {
				if c.Image == "" {
					r.fail("%s: %s has no image", dir, name)
				}
			}
		}
	}
	_ = os.Stdout
}

func quantity(list corev1.ResourceList, name corev1.ResourceName, want string) bool {
	q, ok := list[name]
	return ok && q.Cmp(resource.MustParse(want)) == 0
}

func metaSelector(pdb *policyv1.PodDisruptionBudget) (labels.Selector, error) {
	if pdb.Spec.Selector == nil {
		return nil, fmt.Errorf("no selector")
	}
	return labels.SelectorFromSet(pdb.Spec.Selector.MatchLabels), nil
}

func ptrOr[T any](p *T, v T) T {
	if p == nil {
		return v
	}
	return *p
}
