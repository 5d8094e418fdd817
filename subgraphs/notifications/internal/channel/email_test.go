package channel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/purra/supergraph/subgraphs/notifications/internal/channel"
)

func TestPlainText(t *testing.T) {
	got := channel.PlainText(`<p>Hi Rahul &amp; co,</p><h2>Sale</h2><p>Up to <b>40%</b> off<br>today</p>`)
	assert.Equal(t, "Hi Rahul & co,\nSale\nUp to 40% off\ntoday", got)
}
