module github.com/purra/supergraph/subgraphs/reviews

go 1.26.0

replace github.com/purra/supergraph/platform => ../../platform
