// Package model holds the banners' GraphQL models: generated ones
// (models_gen.go) and any written by hand here, found through autobind.
package model
