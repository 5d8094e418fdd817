package auth

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/purra/supergraph/platform/errs"
)

// Middleware verifies the X-Service-Token header when one is presented and
// puts the calling service in the request context (Caller). A nil verifier
// (no keys configured) verifies nobody, so every allow-list refuses.
func (v *ServiceVerifier) Middleware(next http.Handler) http.Handler {
	if v == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := v.AuthenticateService(r.Context(), r.Header.Get(ServiceHeader))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// RequireCaller refuses unless the request carries a verified service
// credential of one of allowed (an empty list: any verified service).
// what names the refused thing in the message ("mutation reserveStock").
// No credential or a bad one is UNAUTHENTICATED (reason
// SERVICE_CREDENTIAL_REQUIRED / SERVICE_CREDENTIAL_INVALID); a service not
// on the list is FORBIDDEN (reason CALLER_NOT_ALLOWED). A user's token, of
// whatever role, never counts: it says on whose behalf, not who calls.
func RequireCaller(ctx context.Context, allowed []string, what string) error {
	caller, ok := Caller(ctx)
	if !ok {
		if callerError(ctx) != nil {
			return errs.Unauthorized(what + ": invalid service credential").WithReason("SERVICE_CREDENTIAL_INVALID")
		}
		return errs.Unauthorized(what + " is reachable only through " + describeCallers(allowed)).WithReason("SERVICE_CREDENTIAL_REQUIRED")
	}
	if len(allowed) > 0 && !slices.Contains(allowed, caller) {
		return errs.Denied(what + " is not open to " + caller).WithReason("CALLER_NOT_ALLOWED")
	}
	return nil
}

func describeCallers(allowed []string) string {
	if len(allowed) == 0 {
		return "a service credential"
	}
	return "the " + strings.Join(allowed, ", ") + " service credential"
}
