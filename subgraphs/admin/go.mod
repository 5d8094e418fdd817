module github.com/purra/supergraph/subgraphs/admin

go 1.26.0

replace github.com/purra/supergraph/platform => ../../platform
