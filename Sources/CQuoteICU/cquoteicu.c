#include "cquoteicu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include <unicode/ulocdata.h>
#include <unicode/ustring.h>

struct qk_breaker {
    UBreakIterator *iterator;
    UText *text;
};

static const UChar empty_text[1] = {0};

/* Wraps an opened iterator (or reports `error`) in a qk_breaker. */
static qk_breaker *wrap(UBreakIterator *iterator, UErrorCode error, int32_t *status) {
    if (U_FAILURE(error)) {
        if (status) *status = (int32_t)error;
        return NULL;
    }
    qk_breaker *breaker = calloc(1, sizeof *breaker);
    if (!breaker) {
        ubrk_close(iterator);
        if (status) *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    if (status) *status = 0;
    return breaker;
}

qk_breaker *qk_breaker_open(qk_break_kind kind, const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIteratorType type = kind == QK_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, empty_text, 0, &error);
    return wrap(iterator, error, status);
}

qk_breaker *qk_breaker_clone(const qk_breaker *source, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_clone(source->iterator, &error);
    qk_breaker *breaker = wrap(iterator, error, status);
    if (breaker) {
        UErrorCode reset = U_ZERO_ERROR;
        ubrk_setText(breaker->iterator, empty_text, 0, &reset);
    }
    return breaker;
}

void qk_breaker_close(qk_breaker *breaker) {
    if (!breaker) return;
    if (breaker->iterator) ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker);
}

int32_t qk_breaker_set_utf8(qk_breaker *breaker, const char *text, int64_t length) {
    UErrorCode error = U_ZERO_ERROR;
    breaker->text = utext_openUTF8(breaker->text, text, length, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    ubrk_setUText(breaker->iterator, breaker->text, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    return 0;
}

void qk_breaker_detach(qk_breaker *breaker) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, empty_text, 0, &error);
    if (breaker->text) {
        utext_close(breaker->text);
        breaker->text = NULL;
    }
}

int64_t qk_breaker_fill(qk_breaker *breaker, int64_t *offsets, int32_t *statuses, int64_t capacity) {
    int64_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(breaker->iterator);
        if (boundary == UBRK_DONE) break;
        offsets[count] = boundary;
        if (statuses) statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        count += 1;
    }
    return count;
}

const char *qk_icu_version(void) {
    return U_ICU_VERSION;
}

int32_t qk_locale_delimiter(const char *locale, int32_t which, char *utf8, int32_t capacity) {
    static const ULocaleDataDelimiterType types[4] = {
        ULOCDATA_QUOTATION_START, ULOCDATA_QUOTATION_END, ULOCDATA_ALT_QUOTATION_START, ULOCDATA_ALT_QUOTATION_END};
    if (which < 0 || which > 3 || capacity < 1) return U_ILLEGAL_ARGUMENT_ERROR;
    UErrorCode error = U_ZERO_ERROR;
    ULocaleData *data = ulocdata_open(locale, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    UChar buffer[8];
    int32_t length = ulocdata_getDelimiter(data, types[which], buffer, 8, &error);
    ulocdata_close(data);
    if (U_FAILURE(error)) return (int32_t)error;
    int32_t written = 0;
    u_strToUTF8(utf8, capacity - 1, &written, buffer, length, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    utf8[written] = 0;
    return 0;
}
