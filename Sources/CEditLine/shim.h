// The parts of libedit (readline compatibility) the shell uses, behind fixed-arity functions:
// Swift cannot call C variadics, and libedit's globals are not concurrency-safe to touch directly.
#ifndef CHARRETTE_CEDITLINE_SHIM_H
#define CHARRETTE_CEDITLINE_SHIM_H

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <editline/readline.h>

typedef char **(*chr_completer)(const char *text, int start, int end);

static inline void chr_set_completer(chr_completer completer) {
    rl_attempted_completion_function = completer;
}

/// Tells libedit not to fall back to file names when the completer found nothing.
static inline void chr_completion_over(void) { rl_attempted_completion_over = 1; }

static inline const char *chr_line_buffer(void) { return rl_line_buffer; }

static inline void chr_set_name(const char *name) { rl_readline_name = (char *)name; }

/// Characters that end a word for completion: not '@', '#', '-' or '.', which start or sit in words.
static inline void chr_set_word_breaks(const char *breaks) {
    rl_basic_word_break_characters = breaks;
    rl_completer_word_break_characters = (char *)breaks;
}

typedef int (*chr_getc)(FILE *);

/// The function libedit reads each character with (before the first readline()): the shell's
/// own, which also wakes for room arrivals.
static inline void chr_set_getc(chr_getc getc) { rl_getc_function = getc; }

/// Draws the prompt and the line being typed again, after something was printed above them.
static inline void chr_redisplay(void) { rl_forced_update_display(); }

#endif
