package config

import "strings"

// Ports is where each subgraph listens by default (ARCHITECTURE.md); the
// subgraph clients use it to find each other on a developer machine.
var Ports = map[string]int{
	"users": 3001, "catalog": 3002, "cart": 3003, "orders": 3004, "payments": 3005, "promotions": 3006,
	"reviews": 3007, "inventory": 3008, "stores": 3009, "notifications": 3010, "banners": 3011, "admin": 3012,
}

// SubgraphURL is the /graphql endpoint of subgraph name: <NAME>_SUBGRAPH_URL
// when set (in a cluster: http://catalog:3002/graphql), else localhost.
func SubgraphURL(getenv func(string) string, name string) string {
	if u := getenv(strings.ToUpper(name) + "_SUBGRAPH_URL"); u != "" {
		return u
	}
	return "http://127.0.0.1:" + itoa(Ports[name]) + "/graphql"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [8]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
