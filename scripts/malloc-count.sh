#!/usr/bin/env bash
# scripts/malloc-count.sh THREAD COMMAND...: runs COMMAND with glibc's allocation calls (malloc, calloc, realloc,
# memalign, aligned_alloc, posix_memalign) counted per thread in every Java process it starts; each JVM prints, every
# 5 s, the threads whose name contains THREAD and that allocated since (name, new calls, total, calls of 64 KiB or
# more) to its stderr, which `simcast bench` forwards as "[serve]" lines. A diagnostic (docs/PERFORMANCE.md, "What
# stopped the physics on a busy machine"); needs gcc. Example:
#   scripts/malloc-count.sh simcast-physics scripts/netns.sh ./simcast bench soak --minutes 3
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: scripts/malloc-count.sh THREAD COMMAND..." >&2; exit 2; }
thread=$1
shift
library="${XDG_CACHE_HOME:-$HOME/.cache}/simcast/malloc-count.so"
mkdir -p "$(dirname "$library")"
gcc -O2 -shared -fPIC -o "$library" -x c - -lpthread <<'C'
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* glibc's own entry points: calling them avoids dlsym, which allocates itself. */
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

#define SLOTS 65536
static atomic_long calls[SLOTS], large[SLOTS];
static pid_t tids[SLOTS];
static atomic_int used;
/* Initial-exec TLS needs no allocation on first use, so counting cannot recurse. */
static __thread int slot __attribute__((tls_model("initial-exec"))) = -1;

static inline void count(size_t size) {
  if (slot < 0) {
    int s = atomic_fetch_add(&used, 1);
    slot = s < SLOTS ? s : SLOTS - 1;
    if (s < SLOTS) tids[s] = gettid();
  }
  atomic_fetch_add_explicit(&calls[slot], 1, memory_order_relaxed);
  if (size >= 65536) atomic_fetch_add_explicit(&large[slot], 1, memory_order_relaxed);
}

void *malloc(size_t n) { count(n); return __libc_malloc(n); }
void *calloc(size_t a, size_t b) { count(a * b); return __libc_calloc(a, b); }
void *realloc(void *p, size_t n) { count(n); return __libc_realloc(p, n); }
void *memalign(size_t a, size_t n) { count(n); return __libc_memalign(a, n); }
void *aligned_alloc(size_t a, size_t n) { count(n); return __libc_memalign(a, n); }
int posix_memalign(void **p, size_t a, size_t n) {
  count(n);
  *p = __libc_memalign(a, n);
  return *p ? 0 : ENOMEM;
}

static long reported[SLOTS];

static void *report(void *filter) {
  for (;;) {
    sleep(5);
    int n = atomic_load(&used);
    if (n > SLOTS) n = SLOTS;
    time_t now = time(NULL);
    char clock[16];
    strftime(clock, sizeof clock, "%H:%M:%S", localtime(&now));
    for (int i = 0; i < n; i++) {
      long c = atomic_load(&calls[i]);
      if (c == reported[i]) continue;
      char path[64], name[32] = "?";
      snprintf(path, sizeof path, "/proc/self/task/%d/comm", tids[i]);
      FILE *comm = fopen(path, "r");
      if (comm) {
        if (fgets(name, sizeof name, comm)) name[strcspn(name, "\n")] = 0;
        fclose(comm);
      }
      if (strstr(name, filter))
        fprintf(stderr, "malloc-count %s %s: +%ld (total %ld, %ld of 64 KiB or more)\n", clock, name,
                c - reported[i], c, atomic_load(&large[i]));
      reported[i] = c;
    }
  }
  return NULL;
}

/* Only JVMs report: the launcher's shells, Chromium and the rest are counted but say nothing. */
__attribute__((constructor)) static void start(void) {
  const char *filter = getenv("MALLOC_COUNT_THREAD");
  if (!filter || strcmp(program_invocation_short_name, "java") != 0) return;
  pthread_t reporter;
  pthread_create(&reporter, NULL, report, (void *)filter);
}
C
MALLOC_COUNT_THREAD="$thread" LD_PRELOAD="$library${LD_PRELOAD:+:$LD_PRELOAD}" exec "$@"
