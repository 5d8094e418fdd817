package kafka

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	kafkago "github.com/segmentio/kafka-go"
)

// Partitions is the partition count of every topic the platform creates.
const Partitions = 6

// EnsureTopics creates topics that do not exist yet (plaintext brokers; a
// managed Kafka: Security.EnsureTopics).
func EnsureTopics(ctx context.Context, brokers []string, topics ...string) error {
	return ensureTopics(ctx, &kafkago.Dialer{}, brokers, topics...)
}

func ensureTopics(ctx context.Context, d *kafkago.Dialer, brokers []string, topics ...string) error {
	conn, err := d.DialContext(ctx, "tcp", brokers[0])
	if err != nil {
		return fmt.Errorf("dial kafka %s: %w", brokers[0], err)
	}
	defer conn.Close()
	ctrl, err := conn.Controller()
	if err != nil {
		return fmt.Errorf("kafka controller: %w", err)
	}
	cc, err := d.DialContext(ctx, "tcp", net.JoinHostPort(ctrl.Host, strconv.Itoa(ctrl.Port)))
	if err != nil {
		return fmt.Errorf("dial kafka controller: %w", err)
	}
	defer cc.Close()
	cfgs := make([]kafkago.TopicConfig, 0, len(topics))
	seen := map[string]bool{}
	for _, t := range topics { // a subgraph may consume its own topic: name each once
		if !seen[t] {
			seen[t] = true
			cfgs = append(cfgs, kafkago.TopicConfig{Topic: t, NumPartitions: Partitions, ReplicationFactor: -1})
		}
	}
	if err := cc.CreateTopics(cfgs...); err != nil && !errors.Is(err, kafkago.TopicAlreadyExists) {
		return fmt.Errorf("create topics: %w", err)
	}
	return nil
}

// Ping checks that a broker answers a metadata request, for readiness. A
// connection alone is not enough: the kernel accepts connections for a
// broker that is paused (SIGSTOP) or still loading its log.
func Ping(ctx context.Context, brokers []string) error {
	return ping(ctx, &kafkago.Dialer{}, brokers)
}

func ping(ctx context.Context, d *kafkago.Dialer, brokers []string) error {
	conn, err := d.DialContext(ctx, "tcp", brokers[0])
	if err != nil {
		return err
	}
	defer conn.Close()
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(2 * time.Second)
	}
	if err := conn.SetDeadline(deadline); err != nil {
		return err
	}
	_, err = conn.Brokers()
	return err
}
