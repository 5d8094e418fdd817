// Package engine wires a supergraph into graphql-go-tools: it builds the
// planner configuration from the supergraph model, keeps a plan cache keyed
// by the normalised operation, and runs operations with the engine's
// resolver (entity batching, parallel fetches, subscriptions). Nothing here
// plans or executes on its own.
package engine

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/asttransform"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/graphql_datasource"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/introspection_datasource"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"

	"github.com/purra/supergraph/router/internal/supergraph"
)

// Config is what the engine needs besides the supergraph.
type Config struct {
	// SubgraphURL returns the URL to call for a subgraph (an override of the
	// URL composed into the supergraph, or that URL).
	SubgraphURL func(name, composedURL string) string
	// Transport makes the subgraph HTTP requests (timeouts, metrics).
	Transport http.RoundTripper
	// Introspection enables __schema and __type.
	Introspection bool
	// PlanCacheSize bounds the number of cached plans.
	PlanCacheSize int
}

// Subgraph is a subgraph the engine calls.
type Subgraph struct {
	Name, URL string
}

// Engine executes operations against one supergraph. A reload builds a new
// Engine and swaps it; the old one is closed when its requests are done.
type Engine struct {
	Supergraph   *supergraph.Supergraph
	Subgraphs    []Subgraph
	clientSchema *ast.Document
	routerSchema *ast.Document
	planConfig   plan.Configuration
	resolver     *resolve.Resolver
	plans        *planCache
	kits         kitPool
	cancel       context.CancelFunc
	// introspection: __schema and __type are answered (else refused).
	introspection bool
}

// New loads a supergraph SDL.
func New(sdl []byte, cfg Config) (*Engine, error) {
	sg, err := supergraph.Parse(sdl)
	if err != nil {
		return nil, err
	}
	clientSchema, err := parseSchema(sg.ClientSchema())
	if err != nil {
		return nil, fmt.Errorf("client schema: %w", err)
	}
	routerSchema, err := parseSchema(sg.RouterSchema())
	if err != nil {
		return nil, fmt.Errorf("router schema: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	e := &Engine{Supergraph: sg, clientSchema: clientSchema, routerSchema: routerSchema, cancel: cancel, introspection: cfg.Introspection}
	if err := e.configure(ctx, cfg); err != nil {
		cancel()
		return nil, err
	}
	e.resolver = resolve.New(ctx, resolve.ResolverOptions{
		MaxConcurrency:                         1024,
		PropagateSubgraphErrors:                true,
		SubgraphErrorPropagationMode:           resolve.SubgraphErrorPropagationModePassThrough,
		RewriteSubgraphErrorPaths:              true,
		AllowAllErrorExtensionFields:           true,
		AllowedSubgraphErrorFields:             []string{"message", "path", "extensions", "locations"},
		AllowCustomExtensionProperties:         true,
		PropagateSubgraphStatusCodes:           false,
		SubscriptionHeartbeatInterval:          0,
		MaxSubscriptionFetchTimeout:            30 * time.Second,
		SetDeduplicationShardCountToGOMAXPROCS: true,
	})
	size := cfg.PlanCacheSize
	if size <= 0 {
		size = 1024
	}
	e.plans = newPlanCache(size)
	e.kits = newKitPool()
	return e, nil
}

// Close stops the engine's subscriptions and background work.
func (e *Engine) Close() { e.cancel() }

func parseSchema(sdl string) (*ast.Document, error) {
	doc, report := astparser.ParseGraphqlDocumentString(sdl)
	if report.HasErrors() {
		return nil, report
	}
	if err := asttransform.MergeDefinitionWithBaseSchema(&doc); err != nil {
		return nil, err
	}
	return &doc, nil
}

func (e *Engine) configure(ctx context.Context, cfg Config) error {
	transport := cfg.Transport
	if transport == nil {
		transport = http.DefaultTransport
	}
	httpClient := &http.Client{Transport: transport}
	subscriptions := graphql_datasource.NewGraphQLSubscriptionClient(ctx,
		graphql_datasource.WithUpgradeClient(&http.Client{Timeout: 30 * time.Second}),
		graphql_datasource.WithStreamingClient(&http.Client{}),
	)
	factory, err := graphql_datasource.NewFactory(ctx, httpClient, subscriptions)
	if err != nil {
		return err
	}
	sg := e.Supergraph
	pc := plan.Configuration{
		DefaultFlushIntervalMillis:   0,
		Fields:                       sg.FieldArguments(),
		DisableResolveFieldPositions: false,
	}
	for _, g := range sg.Graphs {
		url := g.URL
		if cfg.SubgraphURL != nil {
			url = cfg.SubgraphURL(g.Name, g.URL)
		}
		e.Subgraphs = append(e.Subgraphs, Subgraph{Name: g.Name, URL: url})
		sdl := sg.SubgraphSDL(g.Enum)
		schema, err := graphql_datasource.NewSchemaConfiguration(sdl, &graphql_datasource.FederationConfiguration{Enabled: true, ServiceSDL: sdl})
		if err != nil {
			return fmt.Errorf("subgraph %s: %w", g.Name, err)
		}
		custom, err := graphql_datasource.NewConfiguration(graphql_datasource.ConfigurationInput{
			Fetch: &graphql_datasource.FetchConfiguration{URL: url, Method: http.MethodPost},
			Subscription: &graphql_datasource.SubscriptionConfiguration{
				URL:                        url,
				WsSubProtocol:              "graphql-transport-ws",
				ForwardedClientHeaderNames: []string{"Authorization", "X-Client-Name"},
			},
			SchemaConfiguration: schema,
		})
		if err != nil {
			return fmt.Errorf("subgraph %s: %w", g.Name, err)
		}
		ds, err := plan.NewDataSourceConfiguration[graphql_datasource.Configuration](g.Name, factory, sg.Metadata(g.Enum), custom)
		if err != nil {
			return fmt.Errorf("subgraph %s: %w", g.Name, err)
		}
		pc.DataSources = append(pc.DataSources, ds)
	}
	if cfg.Introspection {
		intro, err := introspection_datasource.NewIntrospectionConfigFactory(e.clientSchema)
		if err != nil {
			return err
		}
		pc.Fields = append(pc.Fields, intro.BuildFieldConfigurations()...)
		pc.DataSources = append(pc.DataSources, intro.BuildDataSourceConfigurations()...)
	}
	e.planConfig = pc
	return nil
}
