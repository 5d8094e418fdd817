package main

import (
	"net/url"
	"slices"
	"strings"

	networkingv1 "k8s.io/api/networking/v1"
)

// checkNetworkPolicies: the ingress policy of each subgraph admits exactly the router
// and the subgraphs whose code calls it (codeenv.go), all subgraphs for those serving
// the JWKS of JWKS_URLS, and nothing else from inside the namespace.
func checkNetworkPolicies(r *report, root string, subgraphs []subgraph, rendered map[string]objects) {
	r.start("NetworkPolicies: callers derived from the code (config.SubgraphURL) and JWKS_URLS")
	relRoot = root
	callers := map[string][]string{}
	for _, s := range subgraphs {
		code, err := deriveEnv(root, s.Name)
		if err != nil {
			r.fail("%s: %v", s.Name, err)
			return
		}
		for _, c := range code.Calls {
			callers[c] = append(callers[c], s.Name)
		}
	}
	for dir, o := range rendered {
		if _, ok := o.netpols["default-deny"]; !ok {
			r.fail("%s: no default-deny NetworkPolicy", dir)
		}
		jwks := map[string]bool{}
		if cm := o.configMaps["subgraph-env"]; cm != nil {
			for _, raw := range strings.Split(cm.Data["JWKS_URLS"], ",") {
				if u, err := url.Parse(strings.TrimSpace(raw)); err == nil {
					jwks[u.Hostname()] = true
				}
			}
		}
		for _, s := range subgraphs {
			np := o.netpols[s.Name]
			if np == nil {
				r.fail("%s: no NetworkPolicy %s", dir, s.Name)
				continue
			}
			names, allSubgraphs, router := admitted(np, s.Port)
			want := slices.Clone(callers[s.Name])
			slices.Sort(want)
			switch {
			case np.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"] != s.Name:
				r.fail("%s: NetworkPolicy %s selects %v", dir, s.Name, np.Spec.PodSelector.MatchLabels)
			case !router:
				r.fail("%s: NetworkPolicy %s does not admit the router on port %d", dir, s.Name, s.Port)
			case jwks[s.Name] && !allSubgraphs:
				r.fail("%s: NetworkPolicy %s must admit every subgraph (it serves JWKS_URLS)", dir, s.Name)
			case !jwks[s.Name] && allSubgraphs:
				r.fail("%s: NetworkPolicy %s admits every subgraph; its callers are [%s]", dir, s.Name, strings.Join(want, " "))
			case !jwks[s.Name] && !slices.Equal(names, want):
				r.fail("%s: NetworkPolicy %s admits [%s]; the code's callers are [%s]", dir, s.Name, strings.Join(names, " "), strings.Join(want, " "))
			default:
				r.ok("%s: NetworkPolicy %s: router + [%s]%s", dir, s.Name, strings.Join(names, " "), map[bool]string{true: " + every subgraph (JWKS)"}[allSubgraphs])
			}
		}
	}
}

// admitted lists the in-namespace peers np admits on port: subgraph names, whether it
// admits every subgraph, and whether it admits the router.
func admitted(np *networkingv1.NetworkPolicy, port int) (names []string, all, router bool) {
	for _, rule := range np.Spec.Ingress {
		okPort := len(rule.Ports) == 0
		for _, p := range rule.Ports {
			if p.Port == nil || p.Port.IntValue() == port {
				okPort = true
			}
		}
		if !okPort {
			continue
		}
		for _, peer := range rule.From {
			if peer.PodSelector == nil || peer.NamespaceSelector != nil {
				continue
			}
			l := peer.PodSelector.MatchLabels
			switch {
			case l["app.kubernetes.io/name"] == "router":
				router = true
			case l["app.kubernetes.io/component"] == "subgraph":
				all = true
			case l["app.kubernetes.io/name"] != "":
				names = append(names, l["app.kubernetes.io/name"])
			}
		}
	}
	slices.Sort(names)
	return names, all, router
}
