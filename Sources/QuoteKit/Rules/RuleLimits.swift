/// Bounds on what a rule file may ask for, so that a hostile or mistaken file is an error at load
/// time instead of a hang or an exhausted memory during extraction. The built-in rules are
/// within them. A file over a limit gets an `R008 limit` diagnostic.
public enum RuleLimits {
    /// The largest rule file, in bytes (4 MiB).
    public static let maxFileBytes = 4 << 20
    /// The most items in one list or mapping.
    public static let maxEntries = 100_000
    /// The most elements in a frame pattern.
    public static let maxPatternElements = 16
    /// The most gaps (`...` and `~`) on each side of `QUOTE`: each one multiplies the positions
    /// tried around every quote by up to 60.
    public static let maxGapsPerSide = 2
    /// The most optional literals (`,?`) in a frame pattern: each one doubles the paths tried.
    public static let maxOptionalLiterals = 4
    /// The most alternatives in one literal (`-|—|–`).
    public static let maxAlternatives = 64
}
