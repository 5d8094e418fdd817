package pg

import (
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// IsUniqueViolation reports whether err is a unique violation, of constraint
// when it is non-empty.
func IsUniqueViolation(err error, constraint string) bool {
	return hasCode(err, "23505", constraint)
}

// IsForeignKeyViolation reports whether err violates a foreign key.
func IsForeignKeyViolation(err error, constraint string) bool {
	return hasCode(err, "23503", constraint)
}

// IsCheckViolation reports whether err violates a CHECK constraint.
func IsCheckViolation(err error, constraint string) bool {
	return hasCode(err, "23514", constraint)
}

// IsSerializationFailure reports a serialization failure or deadlock, both retryable.
func IsSerializationFailure(err error) bool {
	return hasCode(err, "40001", "") || hasCode(err, "40P01", "")
}

// IsNoRows reports pgx.ErrNoRows.
func IsNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }

func hasCode(err error, code, constraint string) bool {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != code {
		return false
	}
	return constraint == "" || pgErr.ConstraintName == constraint
}
