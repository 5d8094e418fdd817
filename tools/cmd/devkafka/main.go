// Command devkafka runs the embedded Kafka broker (franz-go kfake, the real
// Kafka protocol over TCP) that `make run` and the tests share between all
// subgraphs when KAFKA_BROKERS is unset. The stack runs it as a supervised
// process of its own, so it can be killed and restarted like a real broker.
//
// Environment: EMBEDDED_KAFKA_ADDR (default 127.0.0.1:19092); KAFKA_DATA_DIR,
// where the log and consumer offsets persist (empty: memory only);
// KAFKA_SYNC_WRITES=1 to fsync every write (see embedded.Config).
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
	dataDir := os.Getenv("KAFKA_DATA_DIR")
	b, err := embedded.Start(embedded.Config{
		Addr: addr, Partitions: kafka.Partitions,
		DataDir: dataDir, SyncWrites: os.Getenv("KAFKA_SYNC_WRITES") == "1",
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf(`{"level":"INFO","service":"devkafka","msg":"embedded kafka listening","addrs":%q,"data_dir":%q}`+"\n", b.Addrs(), dataDir)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	b.Close()
}
