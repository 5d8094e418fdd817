package faults

import (
	"context"
	"fmt"
	"testing"
	"time"

	kafkago "github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/tools/stack"
)

// TestBrokerKeepsLogAndOffsetsAcrossKill: what the broker acknowledged — the
// messages (acks=all) and a consumer group's committed offset — is still
// there after it is SIGKILLed and restarted from its data directory: the
// group resumes exactly after its last commit, and nothing is missing.
func TestBrokerKeepsLogAndOffsetsAcrossKill(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	topic := fmt.Sprintf("faults.persistence.%d", time.Now().UnixNano())
	group := "faults-persistence"
	// Created as the subgraphs create theirs: the persistent broker does not
	// auto-create topics (platform/kafka/embedded explains why).
	require.NoError(t, kafka.EnsureTopics(ctx, sys.Brokers, topic))
	// One key, hashed: every message in one partition, so order is defined.
	w := &kafkago.Writer{Addr: kafkago.TCP(sys.Brokers...), Topic: topic, RequiredAcks: kafkago.RequireAll,
		Balancer: &kafkago.Hash{}, BatchTimeout: time.Millisecond}
	defer w.Close()
	const total, committed = 40, 25
	for i := range total {
		require.NoError(t, w.WriteMessages(ctx, kafkago.Message{Key: []byte("k"), Value: []byte(fmt.Sprint(i))}))
	}
	read := func(n int) []string {
		r := kafkago.NewReader(kafkago.ReaderConfig{Brokers: sys.Brokers, GroupID: group, Topic: topic,
			StartOffset: kafkago.FirstOffset, MaxWait: 100 * time.Millisecond, HeartbeatInterval: 500 * time.Millisecond,
			SessionTimeout: 6 * time.Second, RebalanceTimeout: 5 * time.Second})
		defer r.Close()
		var got []string
		for range n {
			m, err := r.FetchMessage(ctx)
			require.NoError(t, err)
			require.NoError(t, r.CommitMessages(ctx, m))
			got = append(got, string(m.Value))
		}
		return got
	}
	require.Equal(t, "24", read(committed)[committed-1])

	require.NoError(t, sys.Kill(stack.Kafka))
	require.NoError(t, sys.WaitReady(ctx, stack.Kafka))

	rest := read(total - committed)
	require.Equal(t, fmt.Sprint(committed), rest[0], "the group resumes after its last committed offset")
	require.Equal(t, fmt.Sprint(total-1), rest[len(rest)-1], "every acknowledged message survived")
}
