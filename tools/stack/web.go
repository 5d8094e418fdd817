package stack

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/purra/supergraph/tools/webserve"
)

// WebURL is the storefront's origin: the built app, /graphql and /media/.
func (s *Stack) WebURL() string { return fmt.Sprintf("http://localhost:%d", s.opts.WebPort) }

// MediaDir is the local media store: seed images, kept across runs (their
// keys are derived from their content, so a fresh seed reuses them).
func (s *Stack) MediaDir() string { return filepath.Join(s.opts.Root, ".run", "media") }

// startWeb serves the storefront origin in this process (see webserve).
func (s *Stack) startWeb() error {
	h, err := webserve.Handler(webserve.Options{
		Dist:       filepath.Join(s.opts.Root, "web", "storefront", "dist"),
		MediaDir:   s.MediaDir(),
		RouterURL:  fmt.Sprintf("http://localhost:%d", s.opts.RouterPort),
		SigningKey: s.MediaSigningKey,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", fmt.Sprintf(":%d", s.opts.WebPort))
	if err != nil {
		return fmt.Errorf("storefront origin: %w", err)
	}
	s.web = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := s.web.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.logf("storefront origin stopped: %v", err)
		}
	}()
	s.logf("%-13s ready on %s", "storefront", s.WebURL())
	return nil
}
