// Package embedded runs an in-process Kafka broker (franz-go's kfake, which
// speaks the real Kafka protocol over TCP) for `make run` and the tests when
// KAFKA_BROKERS is unset.
package embedded

import (
	"fmt"
	"net"
	"strconv"

	"github.com/twmb/franz-go/pkg/kfake"
)

// Broker is a running in-memory broker.
type Broker struct {
	c *kfake.Cluster
}

// Start listens on addr ("127.0.0.1:19092"), seeding topics with partitions each.
func Start(addr string, partitions int, topics ...string) (*Broker, error) {
	_, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("embedded kafka address: %w", err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, fmt.Errorf("embedded kafka port: %w", err)
	}
	opts := []kfake.Opt{kfake.Ports(port), kfake.DefaultNumPartitions(partitions)}
	if len(topics) > 0 {
		opts = append(opts, kfake.SeedTopics(int32(partitions), topics...))
	}
	c, err := kfake.NewCluster(opts...)
	if err != nil {
		return nil, fmt.Errorf("start embedded kafka on %s: %w", addr, err)
	}
	return &Broker{c: c}, nil
}

// Addrs returns the bootstrap addresses.
func (b *Broker) Addrs() []string { return b.c.ListenAddrs() }

// Close stops the broker; its data is gone.
func (b *Broker) Close() { b.c.Close() }
