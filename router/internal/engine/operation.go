package engine

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/cespare/xxhash/v2"
	"github.com/wundergraph/astjson"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astnormalization"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astprinter"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astvalidation"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/postprocess"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/variablesvalidation"
)

// OperationType of a prepared operation.
type OperationType int

const (
	Query OperationType = iota
	Mutation
	Subscription
)

func (t OperationType) String() string {
	return [...]string{"query", "mutation", "subscription"}[t]
}

// Error is a request error the client caused (parse, validation, limits).
type Error struct {
	Message string
	Code    string
	// Status is the HTTP status when it is the only error (0: 200).
	Status int
	// Extensions are added to the error's extensions besides the code.
	Extensions map[string]any
}

func (e *Error) Error() string { return e.Message }

// Limits refuse documents before they are planned.
type Limits struct {
	MaxDepth        int // 0: none
	MaxTokens       int // 0: none
	MaxAliases      int // 0: none
	MaxCost         int // 0: none
	DefaultListSize int // a list's size without first/last/limit (cost)
}

// Prepared is a validated operation with its plan and variables.
type Prepared struct {
	Type       OperationType
	Name       string
	Hash       uint64 // of the normalised operation: the plan cache key
	Normalized string
	variables  []byte
	plan       plan.Plan
}

// kit holds the non thread-safe parser, normaliser and validator of one request.
type kit struct {
	parser     *astparser.Parser
	doc        *ast.Document
	normalizer *astnormalization.OperationNormalizer
	varNorm    *astnormalization.VariablesNormalizer
	validator  *astvalidation.OperationValidator
	varValid   *variablesvalidation.VariablesValidator
	printBuf   bytes.Buffer
}

type kitPool struct{ pool *sync.Pool }

func newKitPool() kitPool {
	return kitPool{pool: &sync.Pool{}}
}

func (e *Engine) getKit() (*kit, error) {
	if k, ok := e.kits.pool.Get().(*kit); ok {
		return k, nil
	}
	return &kit{
		parser: astparser.NewParser(),
		doc:    ast.NewSmallDocument(),
		normalizer: astnormalization.NewWithOpts(
			astnormalization.WithExtractVariables(),
			astnormalization.WithRemoveFragmentDefinitions(),
			astnormalization.WithInlineFragmentSpreads(),
			astnormalization.WithRemoveUnusedVariables(),
			astnormalization.WithRemoveNotMatchingOperationDefinitions(),
		),
		varNorm:   astnormalization.NewVariablesNormalizer(),
		validator: astvalidation.DefaultOperationValidator(),
		varValid:  variablesvalidation.NewVariablesValidator(variablesvalidation.VariablesValidatorOptions{}),
	}, nil
}

func (e *Engine) putKit(k *kit) {
	k.doc.Reset()
	k.printBuf.Reset()
	e.kits.pool.Put(k)
}

// Prepare parses, normalises and validates an operation against the client
// schema (so @inaccessible fields are refused), applies the limits and
// returns it with its plan, from the cache when the normalised operation was
// planned before.
func (e *Engine) Prepare(query, operationName string, variables []byte, limits Limits) (*Prepared, error) {
	if limits.MaxTokens > 0 {
		if n := countTokens(query, limits.MaxTokens); n > limits.MaxTokens {
			return nil, &Error{Message: "Token limit of " + strconv.Itoa(limits.MaxTokens) + " exceeded.", Code: "GRAPHQL_VALIDATION_FAILED"}
		}
	}
	k, err := e.getKit()
	if err != nil {
		return nil, err
	}
	defer e.putKit(k)
	doc := k.doc
	doc.Input.ResetInputString(query)
	var report operationreport.Report
	k.parser.Parse(doc, &report)
	if report.HasErrors() {
		return nil, reportError(&report, "GRAPHQL_PARSE_FAILED")
	}
	if limits.MaxAliases > 0 {
		if n := aliasCount(doc); n > limits.MaxAliases {
			return nil, &Error{Message: "Too many aliases: " + strconv.Itoa(n) + ", at most " + strconv.Itoa(limits.MaxAliases),
				Code: "ALIAS_LIMIT_EXCEEDED", Status: http.StatusBadRequest}
		}
	}
	if len(variables) == 0 || bytes.Equal(variables, []byte("null")) {
		variables = []byte("{}")
	}
	if err := checkVariablesObject(variables); err != nil {
		return nil, err
	}
	doc.Input.Variables = append(doc.Input.Variables[:0], variables...)
	if operationName == "" {
		if n := countOperations(doc); n > 1 {
			return nil, &Error{Message: "operation name is required when the document holds several operations", Code: "GRAPHQL_VALIDATION_FAILED"}
		} else if n == 0 {
			return nil, &Error{Message: "the document holds no operation", Code: "GRAPHQL_VALIDATION_FAILED"}
		}
		// the normaliser keeps only the operation named: name the only one
		operationName = doc.OperationDefinitionNameString(0)
	} else if !hasOperation(doc, operationName) {
		return nil, &Error{Message: "Unknown operation named \"" + operationName + "\".", Code: "GRAPHQL_VALIDATION_FAILED"}
	}
	k.normalizer.NormalizeNamedOperation(doc, e.clientSchema, []byte(operationName), &report)
	if report.HasErrors() {
		return nil, reportError(&report, "GRAPHQL_VALIDATION_FAILED")
	}
	k.varNorm.NormalizeOperation(doc, e.clientSchema, &report)
	if report.HasErrors() {
		return nil, reportError(&report, "GRAPHQL_VALIDATION_FAILED")
	}
	k.validator.Validate(doc, e.clientSchema, &report)
	if report.HasErrors() {
		return nil, reportError(&report, "GRAPHQL_VALIDATION_FAILED")
	}
	if len(doc.OperationDefinitions) == 0 {
		return nil, &Error{Message: "the document holds no operation", Code: "GRAPHQL_VALIDATION_FAILED"}
	}
	opRef := doc.RootNodes[0].Ref
	for _, n := range doc.RootNodes {
		if n.Kind == ast.NodeKindOperationDefinition {
			opRef = n.Ref
			break
		}
	}
	if limits.MaxDepth > 0 {
		if d := selectionDepth(doc, doc.OperationDefinitions[opRef].SelectionSet); d > limits.MaxDepth {
			return nil, &Error{Message: "Syntax Error: Query depth limit of " + strconv.Itoa(limits.MaxDepth) + " exceeded, found " + strconv.Itoa(d) + ".", Code: "GRAPHQL_VALIDATION_FAILED"}
		}
	}
	if !e.introspection && selectsIntrospection(doc, doc.OperationDefinitions[opRef].SelectionSet) {
		return nil, &Error{Message: "GraphQL introspection has been disabled, but the requested query contained the field \"__schema\" or \"__type\".",
			Code: "GRAPHQL_VALIDATION_FAILED", Status: http.StatusBadRequest}
	}
	if limits.MaxCost > 0 {
		if cost := operationCost(doc, e.clientSchema, opRef, max(limits.DefaultListSize, 1)); cost > limits.MaxCost {
			return nil, &Error{
				Message: "Operation too expensive: estimated cost " + strconv.Itoa(cost) + ", at most " + strconv.Itoa(limits.MaxCost) + " (lists count their first/limit)",
				Code:    "COST_LIMIT_EXCEEDED", Status: http.StatusBadRequest,
				Extensions: map[string]any{"cost": cost, "maxCost": limits.MaxCost},
			}
		}
	}
	// variables after the document's limits: an expensive document is
	// refused whatever its variables
	if err := k.varValid.Validate(doc, e.clientSchema, doc.Input.Variables); err != nil {
		return nil, &Error{Message: err.Error(), Code: "BAD_USER_INPUT"}
	}
	p := &Prepared{Name: operationName, variables: bytes.Clone(doc.Input.Variables)}
	switch doc.OperationDefinitions[opRef].OperationType {
	case ast.OperationTypeMutation:
		p.Type = Mutation
	case ast.OperationTypeSubscription:
		p.Type = Subscription
	}
	if err := astprinter.Print(doc, &k.printBuf); err != nil {
		return nil, err
	}
	p.Normalized = k.printBuf.String()
	p.Hash = xxhash.Sum64String(operationName + "\x00" + p.Normalized)
	if cached, ok := e.plans.get(p.Hash); ok {
		p.plan = cached
		return p, nil
	}
	// A plan keeps references into the bytes of the document it was planned
	// from, and the kit's document is reused by the next request: plan a
	// private copy (the normalised text, variables included) that lives as
	// long as the plan. A planner per plan too: it keeps state between runs.
	planDoc, planReport := astparser.ParseGraphqlDocumentString(p.Normalized)
	if planReport.HasErrors() {
		return nil, reportError(&planReport, "GRAPHQL_VALIDATION_FAILED")
	}
	planDoc.Input.Variables = bytes.Clone(doc.Input.Variables)
	planner, err := plan.NewPlanner(e.planConfig)
	if err != nil {
		return nil, err
	}
	planned := planner.Plan(&planDoc, e.routerSchema, operationName, &report)
	if report.HasErrors() {
		return nil, reportError(&report, "GRAPHQL_VALIDATION_FAILED")
	}
	postprocess.NewProcessor().Process(planned)
	e.plans.put(p.Hash, planned)
	p.plan = planned
	return p, nil
}

// Headers are what the engine sends to subgraphs for one request.
type Headers interface {
	resolve.SubgraphHeadersBuilder
}

// Execute runs a query or mutation and writes the GraphQL response.
func (e *Engine) Execute(ctx context.Context, p *Prepared, headers Headers, w io.Writer) error {
	sync, ok := p.plan.(*plan.SynchronousResponsePlan)
	if !ok {
		return errors.New("not a query or mutation")
	}
	rctx, err := e.resolveContext(ctx, p, headers)
	if err != nil {
		return err
	}
	_, err = e.resolver.ResolveGraphQLResponse(rctx, sync.Response, nil, w)
	return err
}

// Subscribe runs a subscription until the subgraph ends it or ctx ends;
// initialPayload is the connection_init payload sent to the subgraph.
func (e *Engine) Subscribe(ctx context.Context, p *Prepared, headers Headers, initialPayload []byte, w resolve.SubscriptionResponseWriter) error {
	sub, ok := p.plan.(*plan.SubscriptionResponsePlan)
	if !ok {
		return errors.New("not a subscription")
	}
	rctx, err := e.resolveContext(ctx, p, headers)
	if err != nil {
		return err
	}
	rctx.InitialPayload = initialPayload
	return e.resolver.ResolveGraphQLSubscription(rctx, sub.Response, w)
}

func (e *Engine) resolveContext(ctx context.Context, p *Prepared, headers Headers) (*resolve.Context, error) {
	vars, err := astjson.ParseBytes(p.variables)
	if err != nil {
		return nil, &Error{Message: "variables: " + err.Error(), Code: "BAD_USER_INPUT"}
	}
	rctx := resolve.NewContext(ctx)
	rctx.Variables = vars
	rctx.SubgraphHeadersBuilder = headers
	// Inbound deduplication (one execution for identical concurrent
	// requests) stays off: the response cache does that job for anonymous
	// pages, and signed-in requests must never share an answer. Identical
	// subgraph calls of concurrent queries (same input and same forwarded
	// headers, see Headers) are shared; a mutation's never are.
	rctx.Request.ID = p.Hash
	rctx.ExecutionOptions.DisableInboundRequestDeduplication = true
	rctx.ExecutionOptions.DisableSubgraphRequestDeduplication = p.Type != Query
	return rctx, nil
}

func reportError(report *operationreport.Report, code string) error {
	msg := "invalid operation"
	if len(report.ExternalErrors) > 0 {
		msg = report.ExternalErrors[0].Message
	} else if report.InternalErrors != nil && len(report.InternalErrors) > 0 {
		msg = "internal error while processing the operation: " + report.InternalErrors[0].Error()
		code = "INTERNAL_SERVER_ERROR"
	}
	return &Error{Message: msg, Code: code}
}

func checkVariablesObject(v []byte) error {
	val, err := astjson.ParseBytes(v)
	if err != nil || val.Type() != astjson.TypeObject {
		return &Error{Message: "variables must be a JSON object", Code: "BAD_USER_INPUT"}
	}
	return nil
}

func countOperations(doc *ast.Document) int {
	return len(doc.OperationDefinitions)
}

func hasOperation(doc *ast.Document, name string) bool {
	for i := range doc.OperationDefinitions {
		if doc.OperationDefinitionNameString(i) == name {
			return true
		}
	}
	return false
}
