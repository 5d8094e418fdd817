// Command devkafka runs the embedded Kafka broker (franz-go kfake, the real
// Kafka protocol over TCP, in memory) that `make run` shares between all
// subgraphs when KAFKA_BROKERS is unset.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/kafka/embedded"
)

func main() {
	addr := os.Getenv("EMBEDDED_KAFKA_ADDR")
	if addr == "" {
		addr = config.EmbeddedKafkaAddr
	}
	b, err := embedded.Start(embedded.Config{Addr: addr, Partitions: kafka.Partitions})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf(`{"level":"INFO","service":"devkafka","msg":"embedded kafka listening","addrs":%q}`+"\n", b.Addrs())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	b.Close()
}
