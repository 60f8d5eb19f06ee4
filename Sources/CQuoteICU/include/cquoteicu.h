// A small C face for the system ICU's break iterators.
//
// This header deliberately names no ICU type: Foundation on Linux carries a private ICU
// whose C type names equal the system ICU's, so any Swift module that sees both fails to
// build (see the README's notes on ICU). Only cquoteicu.c includes ICU headers.
#ifndef CQUOTEICU_H
#define CQUOTEICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What a breaker splits text into.
typedef enum {
    QK_BREAK_WORD = 1,
    QK_BREAK_SENTENCE = 3
} qk_break_kind;

/// An ICU break iterator with its UText. Not thread-safe: give each thread its own
/// (qk_breaker_clone is cheap).
typedef struct qk_breaker qk_breaker;

/// Opens a breaker for `locale` (e.g. "en", "en@ss=standard"). On failure returns NULL and
/// stores ICU's error code (> 0) in *status; warnings (< 0) are not failures.
qk_breaker *qk_breaker_open(qk_break_kind kind, const char *locale, int32_t *status);

/// A copy of `breaker` that shares no mutable state with it and has no text attached.
qk_breaker *qk_breaker_clone(const qk_breaker *breaker, int32_t *status);

void qk_breaker_close(qk_breaker *breaker);

/// Attaches UTF-8 text (not copied: it must stay alive and unmoved until qk_breaker_detach
/// or the next qk_breaker_set_utf8). Invalid UTF-8 reads as U+FFFD. Returns 0 or ICU's error.
int32_t qk_breaker_set_utf8(qk_breaker *breaker, const char *text, int64_t length);

/// Forgets the attached text, so that its buffer may be released.
void qk_breaker_detach(qk_breaker *breaker);

/// Writes the next boundaries (UTF-8 byte offsets, ascending, after offset 0) into `offsets`
/// and the rule status of the segment that ends there into `statuses` (may be NULL).
/// Returns how many were written; 0 means the text is exhausted.
int64_t qk_breaker_fill(qk_breaker *breaker, int64_t *offsets, int32_t *statuses, int64_t capacity);

/// The quotation delimiters of `locale` from ICU's locale data, as UTF-8 (each at most 15 bytes,
/// NUL-terminated): which = 0 quotation start, 1 quotation end, 2 alternate (inner) start,
/// 3 alternate end. Returns 0 on success or ICU's error code.
int32_t qk_locale_delimiter(const char *locale, int32_t which, char *utf8, int32_t capacity);

/// The ICU version the library was built against, e.g. "72.1".
const char *qk_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
