module github.com/purra/supergraph/subgraphs/users

go 1.26.0

replace github.com/purra/supergraph/platform => ../../platform

require (
	github.com/99designs/gqlgen v0.17.98
	github.com/purra/supergraph/platform v0.0.0-00010101000000-000000000000
	github.com/vektah/gqlparser/v2 v2.5.64
	golang.org/x/crypto v0.58.0
)

require (
	github.com/agnivade/levenshtein v1.2.2 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/sosodev/duration v1.4.0 // indirect
	golang.org/x/sync v0.25.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
)
