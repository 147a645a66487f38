package dev.smtpunit.internal.lint;

/** A group of related checks; adds its findings to the context. */
interface LintRule {
    void check(LintContext c);
}
