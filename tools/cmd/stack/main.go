// Command stack runs the whole system for development (`make run`): the
// embedded Kafka, every subgraph with seed data and the router on :4000,
// restarting any of them that crashes, until Ctrl-C.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/purra/supergraph/tools/stack"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "run" {
		fmt.Fprintln(os.Stderr, "usage: stack run")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root, _ := filepath.Abs(".")
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://127.0.0.1:6379/0"
	}
	// The browser tests run this command on databases of their own (STACK_DB_PREFIX).
	prefix := os.Getenv("STACK_DB_PREFIX")
	if prefix == "" {
		prefix = "purra_"
	}
	s, err := stack.Start(ctx, stack.Options{
		Root: root, DBPrefix: prefix, RedisURL: redisURL, Log: os.Stdout,
		LogLevel: os.Getenv("LOG_LEVEL"), Fresh: os.Getenv("KEEP_DATA") != "1", // a demo starts from the seed story
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "stack:", err)
		os.Exit(1)
	}
	fmt.Printf("\nPurra is up. Storefront: %s  Playground: %s (open them in a browser)\nSeed logins (password Purra@2026): rahul@purra.in (customer), amit@purra.in (retailer), vikram@purra.in (owner of TechHub)\nEmails sent by notifications: http://127.0.0.1:8025/messages. Logs: .run/logs/. Kafka data: %s.\nA crashed process is restarted; Ctrl-C stops everything (KEEP_DATA=1 make run resumes from where it stopped).\n", s.WebURL()+"/", s.RouterURL(), s.KafkaDataDir())
	<-ctx.Done()
	fmt.Println("stopping…")
	s.Stop()
}
