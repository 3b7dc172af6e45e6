/* Shim over libpq for Swift (module CLibPQ).
 *
 * The include path normally comes from `pkg-config --cflags libpq`
 * (-I/usr/include/postgresql on Debian); when a build does not pass it, fall
 * back to the Debian location. Also holds small C helpers that are awkward
 * in Swift (a no-op notice processor with C linkage, poll on one socket).
 */
#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#elif __has_include("/usr/include/postgresql/libpq-fe.h")
#include "/usr/include/postgresql/libpq-fe.h"
#else
#error "libpq-fe.h not found: install libpq-dev (pkg-config libpq)"
#endif

#include <errno.h>
#include <poll.h>

/* Notice processor that drops NOTICE/WARNING messages (libpq's default
 * prints them to stderr). */
static void cpq_ignore_notice(void *arg, const char *message) {
  (void)arg;
  (void)message;
}

/* Install the no-op notice processor on a connection. */
static inline void cpq_silence_notices(PGconn *conn) {
  PQsetNoticeProcessor(conn, cpq_ignore_notice, NULL);
}

/* Wait until `fd` is readable or `timeout_ms` elapses.
 * Returns 1 when readable (or hung up / in error: the caller reads to find
 * out), 0 on timeout, -1 on error other than EINTR (EINTR returns 0 so the
 * caller recomputes its deadline and waits again). */
static inline int cpq_wait_readable(int fd, int timeout_ms) {
  struct pollfd p;
  p.fd = fd;
  p.events = POLLIN;
  p.revents = 0;
  int rc = poll(&p, 1, timeout_ms);
  if (rc < 0) return errno == EINTR ? 0 : -1;
  return rc > 0 ? 1 : 0;
}

#endif /* CLIBPQ_SHIM_H */
