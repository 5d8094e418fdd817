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

// Config describes the broker.
type Config struct {
	Addr       string // "127.0.0.1:19092"; port 0 picks a free one
	Partitions int    // default partitions of created topics
	// DataDir keeps the topics, their log, the consumer groups' committed
	// offsets and the producer ids on disk, so a restarted broker resumes
	// where it stopped; empty is memory only, with topics created on first
	// use. With a DataDir, topics must be created explicitly (see Start). kfake writes every produced batch and every
	// offset commit to its files (write(2), no user-space buffer) before it
	// answers, so a killed broker process (SIGKILL) loses nothing it
	// acknowledged: the page cache outlives the process. Only a crash of the
	// machine itself can lose the last writes, unless SyncWrites is set.
	DataDir string
	// SyncWrites fsyncs every batch and commit: durable across a power cut,
	// at the cost of an fsync per produce.
	SyncWrites bool
	Topics     []string
}

// Broker is a running broker.
type Broker struct {
	c *kfake.Cluster
}

// Start listens on cfg.Addr.
func Start(cfg Config) (*Broker, error) {
	_, portStr, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("embedded kafka address: %w", err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, fmt.Errorf("embedded kafka port: %w", err)
	}
	if cfg.Partitions == 0 {
		cfg.Partitions = 1
	}
	opts := []kfake.Opt{kfake.DefaultNumPartitions(cfg.Partitions)}
	if cfg.DataDir == "" {
		// A persistent broker creates topics only on request (CreateTopics,
		// kafka.EnsureTopics): kfake saves a topic created by CreateTopics
		// at once, but one auto-created by a metadata request only at a
		// clean shutdown, so after a SIGKILL it would forget the topic and
		// with it every message on it (measured: the log files stay on
		// disk, unread; the group offsets survive and point past the end).
		opts = append(opts, kfake.AllowAutoTopicCreation())
	}
	if port != 0 {
		opts = append(opts, kfake.Ports(port))
	}
	if cfg.DataDir != "" {
		opts = append(opts, kfake.DataDir(cfg.DataDir))
	}
	if cfg.SyncWrites {
		opts = append(opts, kfake.SyncWrites())
	}
	if len(cfg.Topics) > 0 {
		opts = append(opts, kfake.SeedTopics(int32(cfg.Partitions), cfg.Topics...))
	}
	c, err := kfake.NewCluster(opts...)
	if err != nil {
		return nil, fmt.Errorf("start embedded kafka on %s: %w", cfg.Addr, err)
	}
	return &Broker{c: c}, nil
}

// Addrs returns the bootstrap addresses.
func (b *Broker) Addrs() []string { return b.c.ListenAddrs() }

// Close stops the broker; with a DataDir it saves its state first.
func (b *Broker) Close() { b.c.Close() }
