package stack

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/config"
	"github.com/purra/supergraph/platform/kafka"
)

func (s *Stack) externalKafka() bool { return os.Getenv("KAFKA_BROKERS") != "" }

// KafkaDataDir is where the embedded broker keeps its log, consumer group
// offsets and producer state: .run/kafka/<prefix>, one per database prefix so
// that `make run` and the test suites never share a log.
func (s *Stack) KafkaDataDir() string {
	return filepath.Join(s.opts.Root, ".run", "kafka", strings.TrimSuffix(s.opts.DBPrefix, "_"))
}

// startKafka runs the embedded broker (bin/devkafka) as a supervised process
// of its own, so that it can be killed and restarted like any other, unless
// KAFKA_BROKERS points at a real cluster. A fresh stack starts from an empty
// log; otherwise the broker reloads what it persisted.
func (s *Stack) startKafka(ctx context.Context) error {
	if s.externalKafka() {
		s.Brokers = strings.Split(os.Getenv("KAFKA_BROKERS"), ",")
		return nil
	}
	s.Brokers = []string{config.EmbeddedKafkaAddr}
	dir := s.KafkaDataDir()
	if s.opts.Fresh {
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("wipe kafka data: %w", err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	p := &supervised{
		name: Kafka,
		command: func() *exec.Cmd {
			cmd := exec.Command(s.binary("devkafka"))
			cmd.Env = s.processEnv(Kafka, map[string]string{"EMBEDDED_KAFKA_ADDR": config.EmbeddedKafkaAddr, "KAFKA_DATA_DIR": dir})
			return cmd
		},
		ready: func(ctx context.Context) error { return waitKafka(ctx, s.Brokers, 30*time.Second) },
	}
	if err := s.supervise(p); err != nil {
		return err
	}
	if err := s.WaitReady(ctx, Kafka); err != nil {
		return err
	}
	s.logf("%-13s ready on %s (pid %d, data %s)", Kafka, strings.Join(s.Brokers, ","), s.pid(p), dir)
	return nil
}

// waitKafka polls the broker until it answers a metadata request.
func waitKafka(ctx context.Context, brokers []string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		err := kafka.Ping(pctx, brokers)
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %s: %w", timeout, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
